import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from 'urql';
import { MeetingUserOptionsQuery } from './operations';

export interface UserOption {
  id: string;
  displayName: string;
}

interface Props {
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  /** People already known (the attendees): shown by name before anyone searches. */
  known?: readonly UserOption[];
  testId?: string;
  allowClear?: boolean;
  /** The person just chosen, with their name (single mode). */
  onPick?: (user: UserOption) => void;
}

/** A person picker: active users found by name or username as one types. */
export function UserSelect({ value, onChange, multiple, placeholder, known = [], testId, allowClear = true, onPick }: Props) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<UserOption[]>([]);
  const [{ data, fetching }] = useQuery({ query: MeetingUserOptionsQuery, variables: { search: search.trim() || null } });
  const options = useMemo(() => {
    const byId = new Map<string, UserOption>();
    for (const u of [...known, ...picked]) byId.set(u.id, u);
    for (const e of data?.users?.edges ?? []) byId.set(e.node.id, { id: e.node.id, displayName: `${e.node.displayName}（${e.node.username}）` });
    return [...byId.values()].map((u) => ({ value: u.id, label: u.displayName }));
  }, [data, known, picked]);
  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      showSearch
      allowClear={allowClear}
      filterOption={false}
      onSearch={setSearch}
      loading={fetching}
      value={value}
      placeholder={placeholder}
      options={options}
      data-testid={testId}
      onChange={(v: string | string[] | undefined) => {
        const ids = v === undefined ? [] : Array.isArray(v) ? v : [v];
        const chosen = options.filter((o) => ids.includes(o.value)).map((o) => ({ id: o.value, displayName: o.label }));
        setPicked(chosen);
        setSearch('');
        if (!multiple && chosen[0]) onPick?.(chosen[0]);
        onChange?.(v);
      }}
    />
  );
}
