import { DomainError } from '@conveyor/kernel';
import type { StepContext, StepType } from '@conveyor/workflow-engine';
import { checkStepWith, isExpression, parseStepInput, type WithProblem } from '@conveyor/workflow-steps';
import { z } from 'zod';
import type { ReportRegistry } from './report-definitions';
import { REPORT_FORMATS } from './report-model';
import type { ReportService } from './report.service';

const listOf = <Item extends z.ZodType>(item: Item) =>
  z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(item).min(1, 'needs at least one address').max(100));

export const reportStepInputSchema = z.strictObject({
  report: z.string({ error: 'must be a report type' }).min(1),
  format: z.enum(REPORT_FORMATS as [string, ...string[]], { error: `must be one of ${REPORT_FORMATS.join(', ')}` }).default('pdf'),
  parameters: z.record(z.string(), z.unknown()).default({}),
  deliver: z.strictObject({
    email: listOf(z.email({ error: 'must be an email address' })).optional(),
    webhook: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  }).default({}),
});

export type ReportStepInput = z.output<typeof reportStepInputSchema>;

/**
 * The `report` step: generates a report into the report store (once per step: a repeated attempt gets the
 * same report back) and delivers it by e-mail with the file attached and/or to a webhook. Outputs the
 * report's id, file name, size, SHA-256 and what each delivery answered.
 */
export function createReportStepType(options: { reports: ReportService } | { registry: ReportRegistry; reports?: undefined }): StepType<ReportStepInput> {
  const registry = options.reports?.registry ?? (options as { registry: ReportRegistry }).registry;
  return {
    type: 'report',
    description:
      `Generates a report (${registry.types().join(', ')}) as CSV, XLSX or PDF, stores it, and e-mails it as an attachment ` +
      'and/or posts it to a webhook; outputs the report id, file name, size and SHA-256.',
    parseInput: (input) => parseStepInput('report', reportStepInputSchema, input),
    checkWith: (withValues) => [...checkStepWith(reportStepInputSchema, withValues), ...checkReportType(withValues, registry)],
    execute: async (input, context) => {
      if (!options.reports) throw new DomainError('REPORTS_UNAVAILABLE', 'The report step is loaded for validation only here');
      return runReportStep(input, context, options.reports);
    },
  };
}

async function runReportStep(input: ReportStepInput, context: StepContext, reports: ReportService) {
  const actor = { id: `run:${context.runId}` };
  const report = await reports.generate(
    { type: input.report, format: input.format as (typeof REPORT_FORMATS)[number], parameters: input.parameters, idempotencyKey: context.idempotencyKey },
    actor,
  );
  const delivered = await reports.deliver(report.id, input.deliver, { actor, idempotencyKey: context.idempotencyKey, signal: context.signal });
  if (delivered.email && delivered.email.rejected.length > 0) context.logger.warn('the mail relay refused some report recipients', { rejected: delivered.email.rejected });
  return {
    status: 'succeeded' as const,
    outputs: { reportId: report.id, fileName: report.fileName, format: report.format, sizeBytes: report.sizeBytes, sha256: report.sha256, delivered },
  };
}

function checkReportType(withValues: Record<string, unknown>, registry: ReportRegistry): WithProblem[] {
  const type = withValues?.['report'];
  if (typeof type !== 'string' || isExpression(type) || registry.types().includes(type)) return [];
  return [{ path: ['report'], message: `is not a report type; known: ${registry.types().join(', ')}` }];
}
