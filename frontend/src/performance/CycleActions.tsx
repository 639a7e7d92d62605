import { App, Button, Popconfirm, Space } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { EvaluationCycleFieldsFragment } from '../gql/graphql';
import { useMutationFeedback } from '../graphql/errors';
import {
  AdvanceEvaluationCycleMutation,
  CloseEvaluationCycleMutation,
  OpenEvaluationCycleMutation,
  PublishEvaluationCycleMutation,
} from './operations';

/** HR's buttons that move a cycle on: open, the next stage, publish, close (each only when its state allows). */
export function CycleActions({ cycle, onChanged }: { cycle: EvaluationCycleFieldsFragment; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [opening, open] = useMutation(OpenEvaluationCycleMutation);
  const [advancing, advance] = useMutation(AdvanceEvaluationCycleMutation);
  const [publishing, publish] = useMutation(PublishEvaluationCycleMutation);
  const [closing, close] = useMutation(CloseEvaluationCycleMutation);
  const input = { input: { cycleId: cycle.id } };
  const done = (ok: boolean) => {
    if (ok) {
      void message.success(t('performance.changed'));
      onChanged();
    }
  };
  const can = cycle.viewerCan;
  const stage = cycle.state as 'OPEN' | 'SELF_ASSESSMENT' | 'MANAGER_ASSESSMENT';
  return (
    <Space wrap>
      {can.open && (
        <Button
          size="small"
          type="primary"
          loading={opening.fetching}
          data-testid="cycle-open"
          onClick={() => void open(input).then((o) => done(feedback(o, o.data?.openEvaluationCycle)?.__typename === 'OpenEvaluationCycleSuccess'))}
        >
          {t('performance.open')}
        </Button>
      )}
      {can.advance && (
        <Button
          size="small"
          loading={advancing.fetching}
          data-testid="cycle-advance"
          onClick={() =>
            void advance(input).then((o) => done(feedback(o, o.data?.advanceEvaluationCycle)?.__typename === 'AdvanceEvaluationCycleSuccess'))
          }
        >
          {t(`performance.advance.${stage}`)}
        </Button>
      )}
      {can.publish && (
        <Popconfirm
          title={t('performance.publishConfirm')}
          okButtonProps={{ 'data-testid': 'cycle-publish-confirm' } as Record<string, string>}
          onConfirm={() =>
            void publish(input).then((o) => done(feedback(o, o.data?.publishEvaluationCycle)?.__typename === 'PublishEvaluationCycleSuccess'))
          }
        >
          <Button size="small" type="primary" loading={publishing.fetching} data-testid="cycle-publish">
            {t('performance.publish')}
          </Button>
        </Popconfirm>
      )}
      {can.close && (
        <Button
          size="small"
          loading={closing.fetching}
          data-testid="cycle-close"
          onClick={() => void close(input).then((o) => done(feedback(o, o.data?.closeEvaluationCycle)?.__typename === 'CloseEvaluationCycleSuccess'))}
        >
          {t('performance.close')}
        </Button>
      )}
    </Space>
  );
}
