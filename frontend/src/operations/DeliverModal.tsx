import type { ButtonProps } from 'antd';
import { useEffect } from 'react';
import { Form, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { useMutationFeedback } from '../graphql/errors';
import { newIdempotencyKey } from '../common/idempotency';
import { nowInShanghai } from '../i18n/time';
import { DeliverSalesOrderMutation } from './operations';
import { WarehouseSelect } from '../common/selects';
import { QuantityLinesTable, openQuantity, quantityInput, type QuantityLine } from './QuantityLinesTable';
import { DocumentDateField, useOpenCreated } from './fields';

export interface OrderLine extends QuantityLine {
  deliveredQuantity: string | null;
}

interface DeliverForm {
  warehouseId: string;
  date: Dayjs;
  mode: 'all' | 'lines';
  lines: { orderLineId: string; quantity: string }[];
}

const remaining = (line: OrderLine) => openQuantity(line.quantity, line.deliveredQuantity);

/** 发货: everything that remains, or chosen quantities per line; errors land on the line's quantity. */
export function DeliverModal({ orderId, lines, open, onClose }: { orderId: string; lines: readonly OrderLine[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const openCreated = useOpenCreated();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<DeliverForm>();
  const [{ fetching }, deliver] = useMutation(DeliverSalesOrderMutation);
  // The rows are the lines with something left, in order: the server's `lines[i]` names row i either way.
  const openLines = lines.filter((l) => remaining(l) > 0n);
  const mode = Form.useWatch('mode', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      date: nowInShanghai(),
      mode: 'all',
      lines: openLines.map((l) => ({ orderLineId: l.id, quantity: quantityInput(remaining(l)) })),
    });
  }, [open]); // only when it opens: the order's lines do not change under an open dialog

  const submit = async () => {
    const v = await form.validateFields();
    const outcome = await deliver({
      input: {
        orderId,
        warehouseId: v.warehouseId,
        date: v.date.format('YYYY-MM-DD'),
        lines: v.mode === 'all' ? null : v.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: String(l.quantity) })),
        idempotencyKey: newIdempotencyKey(),
      },
    });
    const ok = feedback(outcome, outcome.data?.deliverSalesOrder, form);
    if (ok?.__typename === 'DeliverSalesOrderSuccess') openCreated(ok.delivery, t('documents.delivered', { number: ok.delivery.number }), onClose);
  };

  return (
    <Modal
      open={open}
      width={720}
      title={t('documents.deliver')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={fetching}
      okText={t('documents.confirmDeliver')}
      okButtonProps={{ 'data-testid': 'deliver-submit' } as ButtonProps}
      forceRender
    >
      <Form<DeliverForm> form={form} layout="vertical" name="deliver">
        <Form.Item name="warehouseId" label={t('documents.warehouse')} rules={[{ required: true, message: t('documents.warehouseRequired') }]}>
          <WarehouseSelect testId="deliver-warehouse" />
        </Form.Item>
        <DocumentDateField />
        <Form.Item name="mode" label={t('documents.deliverMode')}>
          <Radio.Group
            options={[
              { value: 'all', label: <span data-testid="deliver-mode-all">{t('documents.deliverAll')}</span> },
              { value: 'lines', label: <span data-testid="deliver-mode-lines">{t('documents.deliverLines')}</span> },
            ]}
          />
        </Form.Item>
        <QuantityLinesTable
          lines={openLines}
          available={remaining}
          availableTitle={t('documents.remaining')}
          quantityTitle={t('documents.deliverQuantity')}
          quantityWidth={200}
          testId="deliver"
          disabled={mode !== 'lines'}
          required
        />
      </Form>
    </Modal>
  );
}
