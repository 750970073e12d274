import { computeProcessFigures, type ProcessFactsQuery } from '@conveyor/process-metrics';
import { ReportRegistry } from '../report-definitions';
import type { ReportRow } from '../report-model';
import { humanDuration, processFiguresReportDefinition } from './process-figures.report';

const at = (iso: string) => new Date(iso);

describe('process-figures report', () => {
  it('asks for the last N days and lists the figures with their case counts, charting throughput and exceptions', async () => {
    const asked: ProcessFactsQuery[] = [];
    const registry = new ReportRegistry([processFiguresReportDefinition(async (query) => {
      asked.push(query);
      return computeProcessFigures({
        from: query.from, to: query.to, asOf: query.asOf, timeZone: query.timeZone, openTasks: [],
        cases: [{
          caseId: 'A', uploadedAt: at('2026-03-02T08:00:00Z'), approvedAt: at('2026-03-02T10:00:00Z'), paidAt: null, corrections: [{ field: 'totalGross', at: at('2026-03-02T09:59:00Z') }],
          run: {
            runId: 'r', workflowId: 'invoice-intake', status: 'succeeded', createdAt: at('2026-03-02T08:00:00Z'), finishedAt: at('2026-03-02T10:00:00Z'), exceptionCodes: ['LOW_CONFIDENCE'],
            steps: [{ stepId: 'review', type: 'approval', status: 'succeeded', availableAt: at('2026-03-02T08:00:00Z'), startedAt: at('2026-03-02T08:00:00Z'), finishedAt: at('2026-03-02T10:00:00Z') }],
            tasks: [],
          },
        }],
      });
    }) as never]);
    const now = at('2026-03-09T07:00:00Z');
    const report = registry.build('process-figures', { days: 7, timeZone: 'Europe/Berlin' }, { now, sources: {} });
    const rows: ReportRow[] = [];
    for await (const row of report.detail.rows) rows.push(row);
    expect(asked).toEqual([{ from: at('2026-03-02T07:00:00Z'), to: now, asOf: now, timeZone: 'Europe/Berlin', workflowId: 'invoice-intake' }]);
    const figure = (name: string) => rows.find((row) => row.cells['figure'] === name)?.cells;
    expect(figure('Upload to approved, median')).toEqual({ section: 'Cycle time', figure: 'Upload to approved, median', value: '2.0 h', count: 1 });
    expect(figure('Touchless (straight-through) rate')).toMatchObject({ value: '0.0 %', count: 1 });
    expect(figure('LOW_CONFIDENCE')).toMatchObject({ section: 'Exceptions', value: '100.0 %', count: 1 });
    expect(figure('totalGross')).toMatchObject({ section: 'Corrections', value: '100.0 %', count: 1 });
    const charts = report.summary().charts;
    expect(charts.map((chart) => chart.title)).toEqual(['Documents per day', 'Cases by exception code']);
    expect(charts[0]).toMatchObject({ categories: ['2026-03-02'], series: [{ name: 'uploaded', values: [1n] }, { name: 'finished', values: [1n] }] });
    expect(() => registry.build('process-figures', { days: 0 }, { now, sources: {} })).toThrow(/days/);
  });

  it('writes durations the way people read them', () => {
    expect([humanDuration(null), humanDuration(4_200), humanDuration(90 * 60_000), humanDuration(30 * 3_600_000), humanDuration(72 * 3_600_000)])
      .toEqual(['n/a', '4.2 s', '90.0 min', '30.0 h', '3.0 d']);
  });
});
