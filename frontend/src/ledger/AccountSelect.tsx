import { Select } from 'antd';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AccountsQuery } from './operations';

/** Active accounts by code; only leaves can take lines, the server says so otherwise. */
export function AccountSelect({ value, onChange, testId }: { value?: string; onChange?: (v: string) => void; testId?: string }) {
  const { t } = useTranslation();
  const [{ data, fetching }] = useQuery({ query: AccountsQuery, variables: { first: 100, active: true } });
  return (
    <Select
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      loading={fetching}
      placeholder={t('vouchers.chooseAccount')}
      data-testid={testId}
      popupMatchSelectWidth={300}
      options={data?.accounts?.edges.map(({ node }) => ({ value: node.id, label: `${node.code} ${node.name}` }))}
    />
  );
}
