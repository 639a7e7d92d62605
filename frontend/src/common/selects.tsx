import { Select } from 'antd';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { formatQuantity, formatScaled, parseDecimal } from './decimal';
import { MasterDataQuery, OPTIONS_PAGE, masterDataConnection, masterDataVariables, type MasterDataKind } from './masterData';

interface SelectProps {
  value?: string;
  onChange?: (value: string) => void;
  testId?: string;
  disabled?: boolean;
}

interface Option {
  value: string;
  label: string;
  /** On products: what is on hand, e.g. "12 件". */
  stock?: string;
}

/** A searchable select over the first page of one kind of master data, labelled "code name". */
function MasterDataSelect({
  kind,
  placeholder,
  testId,
  value,
  onChange,
  disabled,
}: SelectProps & { kind: Exclude<MasterDataKind, 'categories'>; placeholder: string }) {
  const { t } = useTranslation();
  const [{ data, fetching }] = useQuery({ query: MasterDataQuery, variables: masterDataVariables(kind, { first: OPTIONS_PAGE }) });
  const options: Option[] | undefined =
    kind === 'products'
      ? masterDataConnection(data, 'products')?.edges.map(({ node }) => {
          const onHand = node.stock.reduce((acc, s) => acc + (parseDecimal(s.quantity, 4) ?? 0n), 0n);
          return { value: node.id, label: `${node.code} ${node.name}`, stock: `${formatQuantity(formatScaled(onHand, 4, 4))} ${node.unit}` };
        })
      : masterDataConnection(data, kind)?.edges.map(({ node }) => ({ value: node.id, label: `${node.code} ${node.name}` }));
  return (
    <Select<string, Option>
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      disabled={disabled}
      loading={fetching}
      placeholder={placeholder}
      data-testid={testId}
      options={options}
      {...(kind === 'products' && {
        popupMatchSelectWidth: 320,
        optionRender: (option) => (
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
            <span>{option.data.label}</span>
            <span style={{ color: '#8c8c8c' }}>
              {t('masterDataSelect.onHand')} {option.data.stock}
            </span>
          </div>
        ),
      })}
    />
  );
}

/** A MasterDataSelect of one kind, with its placeholder and default test id. */
function kindSelect(kind: Exclude<MasterDataKind, 'categories'>, placeholder: ParseKeys, defaultTestId: string) {
  return function KindSelect({ testId = defaultTestId, ...props }: SelectProps) {
    const { t } = useTranslation();
    return <MasterDataSelect kind={kind} placeholder={t(placeholder)} testId={testId} {...props} />;
  };
}

export const CustomerSelect = kindSelect('customers', 'masterDataSelect.customer', 'customer-select');
export const SupplierSelect = kindSelect('suppliers', 'masterDataSelect.supplier', 'supplier-select');
export const WarehouseSelect = kindSelect('warehouses', 'masterDataSelect.warehouse', 'warehouse-select');
/** Products, with what is on hand across warehouses next to each option. */
export const ProductSelect = kindSelect('products', 'masterDataSelect.product', 'product-select');
