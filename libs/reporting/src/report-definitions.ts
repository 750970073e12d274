import { DateTime } from 'luxon';
import { z } from 'zod';
import { DomainError } from '@conveyor/kernel';
import { apAgingReport } from './aging/ap-aging.report';
import type { RenderableReport } from './report-model';
import type { ReportSources } from './report-sources';
import { auditExtractReport } from './reports/audit-extract.report';
import { exceptionsReport } from './reports/exceptions.report';
import { reconciliationSummaryReport } from './reports/reconciliation-summary.report';
import { vendorStatementReport } from './reports/vendor-statement.report';

export interface ReportBuildContext {
  now: Date;
  sources: ReportSources;
}

/**
 * One kind of report: its parameters (checked with zod), who may generate it, and how it is built from
 * the sources. Later domains add theirs (process figures) with ReportRegistry.register.
 */
export interface ReportDefinition<Parameters = Record<string, unknown>> {
  type: string;
  title: string;
  description: string;
  /** Roles that may generate it on demand (any one suffices). */
  roles: readonly string[];
  parameters: z.ZodType<Parameters>;
  build(parameters: Parameters, context: ReportBuildContext): RenderableReport;
}

export class ReportRegistry {
  private readonly definitions = new Map<string, ReportDefinition>();

  constructor(definitions: readonly ReportDefinition[] = []) {
    for (const definition of definitions) this.register(definition);
  }

  register<Parameters>(definition: ReportDefinition<Parameters>): void {
    if (this.definitions.has(definition.type)) throw new DomainError('REPORT_TYPE_DUPLICATE', `The report type "${definition.type}" is registered twice`);
    this.definitions.set(definition.type, definition as unknown as ReportDefinition);
  }

  get(type: string): ReportDefinition {
    const definition = this.definitions.get(type);
    if (!definition) {
      throw new DomainError('INVALID_REPORT_TYPE', `There is no report "${type}"; known: ${this.types().join(', ')}`, { type, known: this.types() });
    }
    return definition;
  }

  types(): string[] {
    return [...this.definitions.keys()].sort();
  }

  /** Checks the parameters and builds the report; bad parameters are INVALID_REPORT_PARAMETERS with every problem. */
  build(type: string, parameters: unknown, context: ReportBuildContext): RenderableReport {
    const definition = this.get(type);
    const parsed = definition.parameters.safeParse(parameters ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'parameters'}: ${issue.message}`);
      throw new DomainError('INVALID_REPORT_PARAMETERS', `Bad parameters for the ${type} report: ${problems.join('; ')}`, { problems });
    }
    return definition.build(parsed.data, context);
  }
}

const timeZone = z.string().default('UTC').refine((zone) => DateTime.local().setZone(zone).isValid, 'is not a known time zone (e.g. Europe/Berlin)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((date) => DateTime.fromISO(date).isValid, 'is not a real date');
/** Empty text counts as absent: a workflow passes '' when its trigger has no scheduled time. */
const emptyAsAbsent = (value: unknown) => (value === '' || value === null ? undefined : value);
const asOf = z.preprocess(emptyAsAbsent, z.string().min(1).max(40).optional()).describe('A date (YYYY-MM-DD) or an ISO instant; default: now');
const uuid = z.uuid();
const ACCOUNTING = ['accountant', 'admin'] as const;

function need<T>(source: T | undefined, name: string, type: string): T {
  if (!source) throw new DomainError('REPORT_SOURCE_UNAVAILABLE', `The ${type} report needs the ${name} data, which this installation does not have yet`, { type }, false);
  return source;
}

const apAgingParameters = z.strictObject({
  asOf, timeZone,
  bucketEdges: z.array(z.number().int().min(1)).min(1).max(12).optional(),
  vendorId: uuid.optional(),
  vendorName: z.string().min(1).max(300).optional(),
});

const vendorStatementParameters = z.strictObject({ asOf, timeZone, vendorId: uuid.optional(), vendorName: z.string().min(1).max(300).optional() })
  .refine((value) => value.vendorId !== undefined || value.vendorName !== undefined, 'needs vendorId or vendorName');

const exceptionsParameters = z.strictObject({
  asOf: z.preprocess(emptyAsAbsent, z.iso.datetime({ offset: true }).optional()),
  timeZone,
  resolvedSinceDays: z.number().int().min(0).max(3660).default(30),
});

const auditExtractParameters = z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), documentId: uuid.optional(), timeZone })
  .refine((value) => value.documentId !== undefined || (value.from !== undefined && value.to !== undefined), 'needs a period (from and to) or a documentId')
  .refine((value) => value.from === undefined || value.to === undefined || value.from <= value.to, 'from must not be after to');

const reconciliationParameters = z.strictObject({ from: isoDate, to: isoDate, account: z.string().min(1).max(100).optional() });

/** The reports Conveyor ships. The process-figures report joins with libs/process-metrics. */
export function builtInReportDefinitions(): ReportDefinition[] {
  const definitions = [
    {
      type: 'ap-aging', title: 'Accounts payable aging', roles: ACCOUNTING,
      description: 'Open items by vendor and currency in buckets of days past due, as of a date, with totals per vendor and currency.',
      parameters: apAgingParameters,
      build: (p, context) => apAgingReport(need(context.sources.openItems, 'open items', 'ap-aging'), { ...p, asOf: p.asOf ?? context.now.toISOString() }, context.now),
    } satisfies ReportDefinition<z.output<typeof apAgingParameters>>,
    {
      type: 'vendor-statement', title: 'Vendor statement', roles: ACCOUNTING,
      description: 'The open items of one vendor with their totals per currency.',
      parameters: vendorStatementParameters,
      build: (p, context) => vendorStatementReport(need(context.sources.openItems, 'open items', 'vendor-statement'), { ...p, asOf: p.asOf ?? context.now.toISOString() }, context.now),
    } satisfies ReportDefinition<z.output<typeof vendorStatementParameters>>,
    {
      type: 'exceptions', title: 'Exceptions', roles: ACCOUNTING,
      description: 'Open exceptions by code, owner and age; resolved ones with their resolution.',
      parameters: exceptionsParameters,
      build: (p, context) => {
        const at = p.asOf ? new Date(p.asOf) : context.now;
        return exceptionsReport(need(context.sources.exceptions, 'exceptions', 'exceptions'), {
          asOf: at, timeZone: p.timeZone, resolvedFrom: new Date(at.getTime() - p.resolvedSinceDays * 86_400_000),
        }, context.now);
      },
    } satisfies ReportDefinition<z.output<typeof exceptionsParameters>>,
    {
      type: 'audit-extract', title: 'Audit extract', roles: [...ACCOUNTING, 'auditor'],
      description: 'The audit trail of a period (dates inclusive, in the time zone) or of one document, with hashes.',
      parameters: auditExtractParameters,
      build: (p, context) => {
        const start = (date: string) => DateTime.fromISO(date, { zone: p.timeZone }).startOf('day').toJSDate();
        const from = p.from === undefined ? undefined : start(p.from);
        const to = p.to === undefined ? undefined : DateTime.fromISO(p.to, { zone: p.timeZone }).plus({ days: 1 }).startOf('day').toJSDate();
        const description = [
          p.from !== undefined && p.to !== undefined ? `Period ${p.from} to ${p.to} (${p.timeZone})` : undefined,
          p.documentId ? `Document ${p.documentId}` : undefined,
        ].filter(Boolean).join('; ');
        return auditExtractReport(need(context.sources.audit, 'audit trail', 'audit-extract'), { from, to, entityId: p.documentId, description }, context.now);
      },
    } satisfies ReportDefinition<z.output<typeof auditExtractParameters>>,
    {
      type: 'reconciliation-summary', title: 'Reconciliation summary', roles: ACCOUNTING,
      description: 'Auto-matched, suggested, manually matched and unmatched bank lines and amounts per account and period.',
      parameters: reconciliationParameters,
      build: (p, context) => reconciliationSummaryReport(need(context.sources.reconciliation, 'reconciliation', 'reconciliation-summary'), p, context.now),
    } satisfies ReportDefinition<z.output<typeof reconciliationParameters>>,
  ];
  return definitions as unknown as ReportDefinition[];
}
