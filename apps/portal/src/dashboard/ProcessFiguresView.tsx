import { formatDuration } from '../common/format';

/** The part of GET /api/figures/process the dashboard shows (libs/process-metrics ProcessFigures). */
export interface ProcessFiguresData {
  cases: { uploaded: number; finished: number; inProgress: number };
  cycleTime: {
    uploadToApproved: { count: number; medianMs: number | null; p95Ms: number | null };
    uploadToPaid: { count: number; medianMs: number | null; p95Ms: number | null };
    shares: { machine: number | null; queue: number | null; people: number | null };
  };
  touchless: { count: number; of: number; rate: number | null };
  exceptions: { byCode: { code: string; count: number; rate: number | null }[] };
  backlog: { openTasks: number; oldestAgeMs: number | null };
  throughputPerDay: { day: string; uploaded: number; finished: number }[];
  corrections: { byField: { field: string; count: number }[] };
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`);
const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

function Bars({ label, rows }: { label: string; rows: { key: string; name: string; value: number; text?: string }[] }) {
  const largest = Math.max(1, ...rows.map((row) => row.value));
  if (rows.length === 0) return <p>None in this period.</p>;
  return (
    <ul className="bars" aria-label={label}>
      {rows.map((row) => (
        <li key={row.key}>
          <span className="bar-label">{row.name}</span>
          <span className="bar" style={{ width: `${(row.value / largest) * 100}%` }} />
          <span>{row.text ?? row.value}</span>
        </li>
      ))}
    </ul>
  );
}

/** How fast and how well the back office ran: cycle time and its split, touchless rate, exceptions, backlog. */
export function ProcessFiguresView({ figures }: { figures: ProcessFiguresData }) {
  const { cycleTime } = figures;
  const split = [
    { key: 'machine', name: 'Machine', value: cycleTime.shares.machine ?? 0, text: percent(cycleTime.shares.machine) },
    { key: 'queue', name: 'Queue', value: cycleTime.shares.queue ?? 0, text: percent(cycleTime.shares.queue) },
    { key: 'people', name: 'Waiting for people', value: cycleTime.shares.people ?? 0, text: percent(cycleTime.shares.people) },
  ];
  return (
    <div className="grid">
      <article aria-label="Cycle time">
        <header>Cycle time, upload to approved</header>
        <p className="figure">{duration(cycleTime.uploadToApproved.medianMs)}</p>
        <p>95th percentile {duration(cycleTime.uploadToApproved.p95Ms)} · to paid {duration(cycleTime.uploadToPaid.medianMs)} ({cycleTime.uploadToPaid.count} paid)</p>
        <Bars label="Where the time went" rows={split} />
      </article>
      <article aria-label="Touchless rate">
        <header>Touchless</header>
        <p className="figure">{percent(figures.touchless.rate)}</p>
        <p>{figures.touchless.count} of {figures.touchless.of} finished without a person · {figures.cases.inProgress} in progress</p>
      </article>
      <article aria-label="Backlog">
        <header>Backlog</header>
        <p className="figure">{figures.backlog.openTasks}</p>
        <p>open tasks · oldest {duration(figures.backlog.oldestAgeMs)}</p>
      </article>
      <article>
        <header>Exceptions by code</header>
        <Bars label="Exceptions by code" rows={figures.exceptions.byCode.map((entry) => ({ key: entry.code, name: entry.code, value: entry.count, text: `${entry.count} (${percent(entry.rate)})` }))} />
      </article>
      <article>
        <header>Documents per day</header>
        <Bars label="Documents per day" rows={figures.throughputPerDay.map((day) => ({ key: day.day, name: day.day, value: day.uploaded, text: `${day.uploaded} in · ${day.finished} done` }))} />
      </article>
      <article>
        <header>Corrections by field</header>
        <Bars label="Corrections by field" rows={figures.corrections.byField.map((entry) => ({ key: entry.field, name: entry.field, value: entry.count }))} />
      </article>
    </div>
  );
}
