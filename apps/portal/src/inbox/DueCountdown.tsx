import { dueText } from '../common/format';

/** The task's due date as time left, in red once overdue, amber within a day. */
export function DueCountdown({ dueAt, now }: { dueAt?: string; now: number }) {
  if (!dueAt) return <span className="muted">no due date</span>;
  const due = dueText(dueAt, now);
  return (
    <time dateTime={dueAt} className={due.overdue ? 'due-overdue' : due.soon ? 'due-soon' : 'due-later'} title={new Date(dueAt).toLocaleString()}>
      {due.text}
    </time>
  );
}
