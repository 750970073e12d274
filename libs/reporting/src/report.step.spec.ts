import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTemplate } from '@conveyor/workflow-dsl';
import { ReportRegistry, builtInReportDefinitions } from './report-definitions';
import { createReportStepType } from './report.step';

describe('the report step', () => {
  const step = createReportStepType({ registry: new ReportRegistry(builtInReportDefinitions()) });

  it('checks literal input when a workflow is published', () => {
    expect(step.checkWith!({ report: 'ap-aging', format: 'xlsx', deliver: { email: ['finance@example.com'] } })).toEqual([]);
    expect(step.checkWith!({ report: '${{ inputs.report }}', format: 'pdf' })).toEqual([]);
    expect(step.checkWith!({ report: 'aging', format: 'docx', deliver: { email: ['nobody'], fax: '123' } }).map((problem) => problem.path.join('.')).sort())
      .toEqual(['deliver.email.0', 'deliver.fax', 'format', 'report']);
  });

  it('takes one address as a list and defaults to PDF with no delivery', () => {
    expect(step.parseInput({ report: 'exceptions', deliver: { email: 'a@example.com' } })).toEqual({
      report: 'exceptions', format: 'pdf', parameters: {}, deliver: { email: ['a@example.com'] },
    });
    expect(() => step.parseInput({ report: 'exceptions', deliver: { webhook: 'ftp://example.com' } })).toThrow(expect.objectContaining({ code: 'BAD_STEP_INPUT' }));
  });

  it('lets a later domain add its report type, once', () => {
    const registry = new ReportRegistry(builtInReportDefinitions());
    expect(registry.types()).toEqual(['ap-aging', 'audit-extract', 'exceptions', 'reconciliation-summary', 'vendor-statement']);
    const figures = { ...registry.get('exceptions'), type: 'process-figures' };
    registry.register(figures);
    expect(registry.types()).toContain('process-figures');
    expect(() => registry.register(figures)).toThrow(expect.objectContaining({ code: 'REPORT_TYPE_DUPLICATE' }));
  });

  it('reads the as-of moment of the shipped workflows from a cron firing, and takes now when started by hand', () => {
    const registry = new ReportRegistry(builtInReportDefinitions());
    for (const file of ['month-end-reports.yaml', 'weekly-kpi-report.yaml']) {
      const template = /asOf: "(.*)"/.exec(readFileSync(join(__dirname, '../../../workflows', file), 'utf8'))![1];
      const context = (trigger: Record<string, unknown>) => ({ inputs: {}, steps: {}, run: { id: 'r', workflowId: 'w', revision: 1 }, trigger });
      expect(renderTemplate(template, context({ type: 'cron', scheduledAt: '2026-11-30T21:00:00.000Z' }))).toBe('2026-11-30T21:00:00.000Z');
      expect(renderTemplate(template, context({ type: 'manual' }))).toBe('');
      const now = new Date('2026-12-01T10:00:00Z');
      const report = registry.build('exceptions', { asOf: '', timeZone: 'Europe/Berlin' }, { now, sources: { exceptions: { exceptions: async function* () {} } } });
      expect(report.subtitle[0]).toBe('As of 2026-12-01T10:00:00.000Z (Europe/Berlin)');
    }
  });
});
