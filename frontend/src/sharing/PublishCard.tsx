import { Button, Card, DatePicker, Form, Input, Select } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { useMutationFeedback } from '../graphql/errors';
import type { SnapshotKind } from '../gql/graphql';
import { PublishMutation } from './operations';

interface Values {
  text?: string;
  snapshotKind?: SnapshotKind | 'NONE';
  day?: Dayjs;
  period?: Dayjs;
}

/** 发布: a text and/or a data snapshot from the books (the files are attached in the card beside it first). */
export function PublishCard({ publicationId, defaultSnapshot, onPublished }: { publicationId: string; defaultSnapshot: SnapshotKind | null; onPublished: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const feedback = useMutationFeedback();
  const [{ fetching }, publish] = useMutation(PublishMutation);
  const kind = Form.useWatch('snapshotKind', form);

  const submit = async () => {
    const v = await form.validateFields();
    const snapshot =
      v.snapshotKind && v.snapshotKind !== 'NONE'
        ? { kind: v.snapshotKind, day: v.day ? v.day.format('YYYY-MM-DD') : null, period: v.period ? v.period.format('YYYY-MM') : null }
        : null;
    const outcome = await publish({ input: { publicationId, text: v.text ?? '', snapshot } });
    const ok = feedback(outcome, outcome.data?.publish, form);
    if (ok?.__typename === 'PublishSuccess') onPublished();
  };

  const options = [
    { value: 'NONE', label: t('sharing.snapshotNone') },
    ...(['RECEIVABLES_BY_CUSTOMER', 'STOCK_BY_WAREHOUSE', 'TRIAL_BALANCE'] as const).map((k) => ({ value: k, label: t(`snapshotKind.${k}`) })),
  ];
  return (
    <Card title={t('sharing.publishTitle')} size="small">
      <Form form={form} layout="vertical" initialValues={{ snapshotKind: defaultSnapshot ?? 'NONE' }}>
        <Form.Item name="text" label={t('sharing.text')}>
          <Input.TextArea autoSize={{ minRows: 4 }} data-testid="publish-text" />
        </Form.Item>
        <Form.Item name="snapshotKind" label={t('sharing.snapshot')}>
          <Select options={options} data-testid="publish-snapshot" />
        </Form.Item>
        {kind === 'RECEIVABLES_BY_CUSTOMER' && (
          <Form.Item name="day" label={t('sharing.snapshotDay')}>
            <DatePicker />
          </Form.Item>
        )}
        {kind === 'TRIAL_BALANCE' && (
          <Form.Item name="period" label={t('sharing.snapshotPeriod')}>
            <DatePicker picker="month" />
          </Form.Item>
        )}
        <Button type="primary" loading={fetching} onClick={() => void submit().catch(() => undefined)} data-testid="publish-submit">
          {t('sharing.publish')}
        </Button>
      </Form>
    </Card>
  );
}
