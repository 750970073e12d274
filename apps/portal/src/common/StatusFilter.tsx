interface StatusFilterProps {
  /** The statuses to choose from; the empty choice ("all") comes first. */
  statuses: readonly string[];
  value: string;
  onChange(status: string): void;
}

/** A labelled status select for list filters: "all" or one status. */
export function StatusFilter({ statuses, value, onChange }: StatusFilterProps) {
  return (
    <label>
      Status
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {['', ...statuses].map((name) => (
          <option key={name} value={name}>
            {name || 'all'}
          </option>
        ))}
      </select>
    </label>
  );
}
