import type { ButtonProps } from 'antd';
import { useEffect } from 'react';
import { Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { useMutationFeedback } from '../graphql/errors';
import { newIdempotencyKey } from '../common/idempotency';
import { parseDecimal } from '../common/decimal';
import { nowInShanghai } from '../i18n/time';
import { ReturnSalesOrderMutation } from './operations';
import { QuantityLinesTable, openQuantity, type QuantityLine } from './QuantityLinesTable';
import { DocumentDateField, useOpenCreated } from './fields';

export interface DeliveryLine extends QuantityLine {
  returnedQuantity: string | null;
}

interface ReturnForm {
  date: Dayjs;
  lines: { deliveryLineId: string; quantity?: string }[];
}

const returnable = (line: DeliveryLine) => openQuantity(line.quantity, line.returnedQuantity);

/** 退货: quantities per delivery line, reversed at the cost recorded at delivery. */
export function ReturnModal({ deliveryId, lines, open, onClose }: { deliveryId: string; lines: readonly DeliveryLine[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const openCreated = useOpenCreated();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<ReturnForm>();
  const [{ fetching }, doReturn] = useMutation(ReturnSalesOrderMutation);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ date: nowInShanghai(), lines: lines.map((l) => ({ deliveryLineId: l.id })) });
  }, [open, form, lines]);

  const submit = async () => {
    const v = await form.validateFields();
    const chosen = v.lines.filter((l) => l.quantity && (parseDecimal(l.quantity, 4) ?? 0n) > 0n);
    const outcome = await doReturn({
      input: {
        deliveryId,
        date: v.date.format('YYYY-MM-DD'),
        lines: chosen.map((l) => ({ deliveryLineId: l.deliveryLineId, quantity: String(l.quantity) })),
        idempotencyKey: newIdempotencyKey(),
      },
    });
    const ok = feedback(outcome, outcome.data?.returnSalesOrder, chosen.length === v.lines.length ? form : undefined);
    if (ok?.__typename === 'ReturnSalesOrderSuccess') openCreated(ok.salesReturn, t('documents.returned', { number: ok.salesReturn.number }), onClose);
  };

  return (
    <Modal
      open={open}
      width={680}
      title={t('documents.return')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={fetching}
      okButtonProps={{ 'data-testid': 'return-submit' } as ButtonProps}
      forceRender
    >
      <Form<ReturnForm> form={form} layout="vertical" name="return">
        <DocumentDateField />
        <QuantityLinesTable
          lines={lines}
          available={returnable}
          availableTitle={t('documents.returnable')}
          quantityTitle={t('documents.returnQuantity')}
          quantityWidth={180}
          testId="return"
        />
      </Form>
    </Modal>
  );
}
