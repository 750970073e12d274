/** A run, step, task or document status as a coloured word (the colour only repeats the word). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{status}</span>;
}
