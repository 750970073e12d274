import { DateTime } from 'luxon';
import { z } from 'zod';
import type { DurationStats, ProcessFactsQuery, ProcessFigures } from '@conveyor/process-metrics';
import type { ReportDefinition } from '../report-definitions';
import type { ReportColumn, ReportRow, ReportSummary, RenderableReport } from '../report-model';

/** Where the report gets its figures (the platform's figures service). */
export type ProcessFiguresLoader = (query: ProcessFactsQuery) => Promise<ProcessFigures>;

const parameters = z.strictObject({
  /** The last N days up to the run (or `to`): a weekly report asks for 7. */
  days: z.number().int().min(1).max(366).default(7),
  to: z.preprocess((value) => (value === '' || value === null ? undefined : value), z.iso.datetime({ offset: true }).optional()),
  timeZone: z.string().default('UTC').refine((zone) => DateTime.local().setZone(zone).isValid, 'is not a known time zone (e.g. Europe/Berlin)'),
  workflowId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).default('invoice-intake'),
});
type Parameters = z.output<typeof parameters>;

const COLUMNS: ReportColumn[] = [
  { key: 'section', header: 'Section', kind: 'text', width: 1.4 },
  { key: 'figure', header: 'Figure', kind: 'text', width: 2.6 },
  { key: 'value', header: 'Value', kind: 'text', width: 1.2 },
  { key: 'count', header: 'Cases', kind: 'integer', width: 0.8 },
];

/** Durations people read: minutes under two hours, hours under two days, else days. */
export function humanDuration(ms: number | null): string {
  if (ms === null) return 'n/a';
  const minutes = ms / 60_000;
  if (minutes < 1) return `${(ms / 1000).toFixed(1)} s`;
  if (minutes < 120) return `${minutes.toFixed(1)} min`;
  const hours = minutes / 60;
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} d`;
}

const percent = (rate: number | null) => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)} %`);

function figureRows(figures: ProcessFigures): ReportRow[] {
  const row = (section: string, figure: string, value: string, count: number | null = null): ReportRow => ({ kind: 'item', cells: { section, figure, value, count } });
  const stats = (section: string, name: string, value: DurationStats) => [
    row(section, `${name}, median`, humanDuration(value.medianMs), value.count),
    row(section, `${name}, 95th percentile`, humanDuration(value.p95Ms), value.count),
  ];
  const { cases, cycleTime } = figures;
  return [
    row('Volume', 'Documents uploaded', String(cases.uploaded), cases.uploaded),
    row('Volume', 'Finished', String(cases.finished), cases.finished),
    row('Volume', 'In progress', String(cases.inProgress), cases.inProgress),
    ...stats('Cycle time', 'Upload to approved', cycleTime.uploadToApproved),
    ...stats('Cycle time', 'Upload to paid', cycleTime.uploadToPaid),
    ...stats('Cycle time', 'Machine time', cycleTime.machine),
    ...stats('Cycle time', 'Queue time', cycleTime.queue),
    ...stats('Cycle time', 'Waiting for people', cycleTime.people),
    row('Cycle time', 'Share: machine / queue / people', `${percent(cycleTime.shares.machine)} / ${percent(cycleTime.shares.queue)} / ${percent(cycleTime.shares.people)}`),
    row('Quality', 'Touchless (straight-through) rate', percent(figures.touchless.rate), figures.touchless.of),
    row('Quality', 'Cases with an exception', percent(figures.exceptions.anyCode.rate), figures.exceptions.anyCode.of),
    ...figures.exceptions.byCode.map((entry) => row('Exceptions', entry.code, percent(entry.rate), entry.count)),
    ...figures.timeToDecision.byApprover.map((entry) => row('Time to decision', entry.actor, humanDuration(entry.medianMs), entry.count)),
    ...figures.timeToDecision.byStep.map((entry) => row('Time to decision', `${entry.workflowId} / ${entry.stepId}`, humanDuration(entry.medianMs), entry.count)),
    row('Backlog', 'Open tasks', String(figures.backlog.openTasks), figures.backlog.openTasks),
    row('Backlog', 'Oldest open task', humanDuration(figures.backlog.oldestAgeMs)),
    ...figures.corrections.byField.map((entry) => row('Corrections', entry.field, percent(entry.rate), entry.count)),
    ...figures.corrections.trend.map((entry) => row('Corrections per week', entry.week, entry.perCase === null ? 'n/a' : `${entry.perCase.toFixed(2)} per case`, entry.finishedCases)),
  ];
}

/**
 * The weekly KPI report: how fast and how well the back office ran, from the process figures (cycle time and
 * its split, touchless rate, exceptions, time to decision, backlog, corrections), with throughput and
 * exceptions charted.
 */
export function processFiguresReportDefinition(load: ProcessFiguresLoader): ReportDefinition<Parameters> {
  return {
    type: 'process-figures',
    title: 'Process figures',
    description: 'Cycle time (median, p95) and its split into machine, queue and people time; touchless rate; exceptions by code; time to decision; backlog; corrections per field.',
    roles: ['accountant', 'admin', 'auditor'],
    parameters,
    build(p, context): RenderableReport {
      const to = p.to ? new Date(p.to) : context.now;
      const from = new Date(to.getTime() - p.days * 86_400_000);
      let figures: ProcessFigures | undefined;
      async function* rows(): AsyncGenerator<ReportRow> {
        figures = await load({ from, to, asOf: context.now, timeZone: p.timeZone, workflowId: p.workflowId });
        yield* figureRows(figures);
      }
      return {
        type: 'process-figures',
        title: 'Process figures',
        subtitle: [`Documents uploaded ${from.toISOString()} to ${to.toISOString()} (${p.timeZone})`, `Workflow ${p.workflowId}`],
        generatedAt: context.now,
        detail: { title: 'Figures', columns: COLUMNS, rows: rows(), hasTotals: false },
        pdfDetailRows: 500,
        summary(): ReportSummary {
          if (!figures) return { tables: [], charts: [] };
          return {
            tables: [],
            charts: [
              { title: 'Documents per day', categories: figures.throughputPerDay.map((day) => day.day), series: [
                { name: 'uploaded', values: figures.throughputPerDay.map((day) => BigInt(day.uploaded)) },
                { name: 'finished', values: figures.throughputPerDay.map((day) => BigInt(day.finished)) },
              ] },
              { title: 'Cases by exception code', categories: figures.exceptions.byCode.map((entry) => entry.code), series: [
                { name: 'cases', values: figures.exceptions.byCode.map((entry) => BigInt(entry.count)) },
              ] },
            ],
          };
        },
      };
    },
  };
}
