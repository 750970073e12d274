import { z } from 'zod';
import { runIdSchema } from './run.schema';

/** An instant with its time zone: `2026-03-02T08:00:00Z` or `2026-03-02T09:00:00+01:00`. */
const instantSchema = z.iso.datetime({ offset: true, message: 'an ISO 8601 date and time with a time zone (Z or +hh:mm)' });
const textFilter = z.string().min(1).max(1000);

/** Which records to read. `from` is inclusive, `to` exclusive. */
export const auditFilterSchema = z
  .object({
    from: instantSchema.optional(),
    to: instantSchema.optional(),
    actor: textFilter.optional(),
    action: textFilter.optional(),
    entityType: textFilter.optional(),
    entityId: textFilter.optional(),
    workflowId: textFilter.optional(),
    runId: runIdSchema.optional(),
  })
  .refine((filter) => !filter.from || !filter.to || Date.parse(filter.from) <= Date.parse(filter.to), {
    message: '"from" must not be after "to"',
    path: ['from'],
  });
export type AuditFilterQuery = z.infer<typeof auditFilterSchema>;

export const auditQuerySchema = auditFilterSchema.safeExtend({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  /** Opaque cursor from a previous page's nextCursor (same order). */
  cursor: z.string().min(1).optional(),
  /** desc (default): newest first; asc: in chain order. */
  order: z.enum(['asc', 'desc']).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const AUDIT_EXPORT_FORMATS = ['jsonl', 'csv'] as const;

export const auditExportQuerySchema = auditFilterSchema.safeExtend({
  format: z.enum(AUDIT_EXPORT_FORMATS).default('jsonl'),
});
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

/**
 * One record as hashed: absent values are null, not left out, so an unfiltered JSON Lines export holds
 * everything needed to recompute the chain.
 */
export const auditRecordSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  workflowId: z.string().nullable(),
  revision: z.number().int().nullable(),
  runId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditRecordBody = z.infer<typeof auditRecordSchema>;

export const auditPageSchema = z.object({
  items: z.array(auditRecordSchema),
  nextCursor: z.string().optional(),
});
export type AuditPageBody = z.infer<typeof auditPageSchema>;

export const AUDIT_BREAK_REASONS = ['edited', 'missing', 'reordered', 'head-mismatch'] as const;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  /** Records verified intact and in place. */
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.enum(AUDIT_BREAK_REASONS), message: z.string() }).optional(),
  /** The last seq and hash the trail recorded: note it down to detect a rewritten trail later. */
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
});
export type AuditVerificationBody = z.infer<typeof auditVerificationSchema>;
