import { App, Button, Popconfirm } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { useMutationFeedback } from '../graphql/errors';
import { todayInShanghai } from '../common/PeriodPicker';
import { ApproveExpenseClaimMutation, PayExpenseClaimMutation } from './operations';

interface Claim {
  id: string;
  viewerCan: { approve: boolean; pay: boolean };
}

/** 审批 / 驳回 / 支付, shown only as the claim's abilities allow. */
export function ClaimActions({ claim, onDone, size }: { claim: Claim; onDone: () => void; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [{ fetching: approving }, approve] = useMutation(ApproveExpenseClaimMutation);
  const [{ fetching: paying }, pay] = useMutation(PayExpenseClaimMutation);
  const decide = async (yes: boolean) => {
    const outcome = await approve({ input: { id: claim.id, approve: yes } });
    if (feedback(outcome, outcome.data?.approveExpenseClaim)) {
      void message.success(yes ? t('documents.claimApproved') : t('documents.claimRejected'));
      onDone();
    }
  };
  const doPay = async () => {
    const outcome = await pay({ input: { id: claim.id, date: todayInShanghai() } });
    if (feedback(outcome, outcome.data?.payExpenseClaim)) {
      void message.success(t('documents.claimPaid'));
      onDone();
    }
  };
  return (
    <>
      {claim.viewerCan.approve && (
        <>
          <Button size={size} type="primary" loading={approving} onClick={() => void decide(true)} data-testid="claim-approve">
            {t('documents.approve')}
          </Button>
          <Popconfirm title={t('documents.rejectConfirm')} onConfirm={() => void decide(false)}>
            <Button size={size} danger data-testid="claim-reject">
              {t('documents.reject')}
            </Button>
          </Popconfirm>
        </>
      )}
      {claim.viewerCan.pay && (
        <Popconfirm title={t('documents.payConfirm')} onConfirm={() => void doPay()}>
          <Button size={size} type="primary" loading={paying} data-testid="claim-pay">
            {t('documents.pay')}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}
