import Decimal from 'decimal.js';
import { z } from 'zod';
import { DEFAULT_DOCUMENT_SORT, DOCUMENT_SORTS, DOCUMENT_STATUSES, isCalendarDate, isSearchableAmount, type DocumentFilter } from '@conveyor/documents';

const text = (max: number, description: string) => z.string().trim().min(1, 'must not be empty').max(max).describe(description);
const amount = (description: string) =>
  z.string().refine(isSearchableAmount, 'must be a decimal amount with a dot, e.g. "1190.50" (at most 18 digits before the dot and 6 after)').describe(description);
const calendarDate = (description: string) => z.string().refine(isCalendarDate, 'must be a date as YYYY-MM-DD that exists').describe(description);
const instantOrDate = (description: string) =>
  z.union([z.iso.datetime({ offset: true }), z.string().refine(isCalendarDate)], { error: 'must be a date (YYYY-MM-DD) or an ISO 8601 instant with a time zone' })
    .describe(description);

/**
 * GET /api/documents: search, sort and one page. Texts are case-insensitive substrings; the invoice fields
 * are the accountant's confirmed values when there are any, else the extracted ones.
 */
export const listDocumentsQuerySchema = z
  .strictObject({
    status: z.union([z.enum(DOCUMENT_STATUSES), z.array(z.enum(DOCUMENT_STATUSES))]).optional().describe('Document status; repeat for several'),
    /** An actor id as recorded: user:<id> or api-key:<id>. */
    uploadedBy: z.string().min(1).max(200).optional().describe('Who uploaded: user:<id> or api-key:<id>'),
    vendor: text(200, 'Part of the vendor name, any case').optional(),
    invoiceNumber: text(100, 'Part of the invoice number, any case (substring: "0042" finds "RE-2026-0042")').optional(),
    q: text(200, 'Part of the file name, the vendor name or the invoice number').optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').optional().describe('Invoice currency'),
    amountMin: amount('Total gross at least this (exact decimal; any currency unless currency is given)').optional(),
    amountMax: amount('Total gross at most this').optional(),
    issueDateFrom: calendarDate('Issue date on or after (YYYY-MM-DD)').optional(),
    issueDateTo: calendarDate('Issue date on or before (YYYY-MM-DD)').optional(),
    uploadedFrom: instantOrDate('Uploaded at or after this instant; a date means its start (00:00 UTC)').optional(),
    uploadedTo: instantOrDate('Uploaded before this instant; a date means through its end (UTC)').optional(),
    sort: z.enum(DOCUMENT_SORTS as [string, ...string[]]).optional()
      .describe(`Order: a field, or "-field" for descending; documents without the field come last. Default ${DEFAULT_DOCUMENT_SORT}`),
    limit: z.coerce.number().int().min(1).max(200).optional().describe('Page size (default 50)'),
    offset: z.coerce.number().int().min(0).max(1_000_000).optional().describe('Documents to skip (numbered pages)'),
    cursor: z.string().min(1).max(500).optional().describe('nextCursor of the previous page (default order only; not with offset)'),
  })
  .refine((query) => !query.amountMin || !query.amountMax || !new Decimal(query.amountMin).gt(query.amountMax), {
    message: 'must not be more than amountMax', path: ['amountMin'],
  })
  .refine((query) => !query.issueDateFrom || !query.issueDateTo || query.issueDateFrom <= query.issueDateTo, {
    message: 'must not be after issueDateTo', path: ['issueDateFrom'],
  })
  .refine((query) => query.cursor === undefined || (query.offset === undefined && (query.sort ?? DEFAULT_DOCUMENT_SORT) === DEFAULT_DOCUMENT_SORT), {
    message: `a cursor pages the default order (${DEFAULT_DOCUMENT_SORT}) only, without offset`, path: ['cursor'],
  });
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuerySchema>;

const DAY_MS = 86_400_000;

/** The query as the intake service's filter: one status list, upload bounds as instants (`uploadedTo` exclusive). */
export function toDocumentFilter(query: ListDocumentsQuery): DocumentFilter {
  const { status, uploadedFrom, uploadedTo, sort, ...rest } = query;
  const dayOrInstant = (value: string, endOfDay: boolean) =>
    isCalendarDate(value) ? new Date(Date.parse(`${value}T00:00:00Z`) + (endOfDay ? DAY_MS : 0)) : new Date(value);
  return {
    ...rest,
    ...(status !== undefined ? { status: Array.isArray(status) ? status : [status] } : {}),
    ...(uploadedFrom !== undefined ? { uploadedFrom: dayOrInstant(uploadedFrom, false) } : {}),
    ...(uploadedTo !== undefined ? { uploadedBefore: dayOrInstant(uploadedTo, true) } : {}),
    ...(sort !== undefined ? { sort: sort as DocumentFilter['sort'] } : {}),
  };
}
