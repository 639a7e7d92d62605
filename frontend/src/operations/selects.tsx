import { Select } from 'antd';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { formatQuantity, formatScaled, parseDecimal } from '../common/decimal';
import { CustomersQuery, ProductsQuery, SuppliersQuery, WarehousesQuery } from './operations';

interface SelectProps {
  value?: string;
  onChange?: (value: string) => void;
  testId?: string;
  disabled?: boolean;
}

const MAX = 100;

export function CustomerSelect({ value, onChange, testId = 'customer-select', disabled }: SelectProps) {
  const { t } = useTranslation();
  const [{ data, fetching }] = useQuery({ query: CustomersQuery, variables: { first: MAX } });
  return (
    <Select
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      disabled={disabled}
      loading={fetching}
      placeholder={t('documents.chooseCustomer')}
      data-testid={testId}
      options={data?.customers.edges.map(({ node }) => ({ value: node.id, label: `${node.code} ${node.name}` }))}
    />
  );
}

export function SupplierSelect({ value, onChange, testId = 'supplier-select', disabled }: SelectProps) {
  const { t } = useTranslation();
  const [{ data, fetching }] = useQuery({ query: SuppliersQuery, variables: { first: MAX } });
  return (
    <Select
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      disabled={disabled}
      loading={fetching}
      placeholder={t('documents.chooseSupplier')}
      data-testid={testId}
      options={data?.suppliers.edges.map(({ node }) => ({ value: node.id, label: `${node.code} ${node.name}` }))}
    />
  );
}

export function WarehouseSelect({ value, onChange, testId = 'warehouse-select', disabled }: SelectProps) {
  const { t } = useTranslation();
  const [{ data, fetching }] = useQuery({ query: WarehousesQuery, variables: { first: MAX } });
  return (
    <Select
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      disabled={disabled}
      loading={fetching}
      placeholder={t('documents.chooseWarehouse')}
      data-testid={testId}
      options={data?.warehouses.edges.map(({ node }) => ({ value: node.id, label: `${node.code} ${node.name}` }))}
    />
  );
}

export function ProductSelect({ value, onChange, testId = 'product-select', disabled }: SelectProps) {
  const { t } = useTranslation();
  const [{ data, fetching }] = useQuery({ query: ProductsQuery, variables: { first: MAX } });
  return (
    <Select
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      disabled={disabled}
      loading={fetching}
      placeholder={t('documents.chooseProduct')}
      data-testid={testId}
      popupMatchSelectWidth={320}
      options={data?.products.edges.map(({ node }) => {
        const onHand = node.stock.reduce((acc, s) => acc + (parseDecimal(s.quantity, 4) ?? 0n), 0n);
        return {
          value: node.id,
          label: `${node.code} ${node.name}`,
          stock: `${formatQuantity(formatScaled(onHand, 4, 4))} ${node.unit}`,
        };
      })}
      optionRender={(option) => (
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
          <span>{option.data.label}</span>
          <span style={{ color: '#8c8c8c' }}>
            {t('documents.onHand')} {option.data.stock}
          </span>
        </div>
      )}
    />
  );
}
