import Decimal from 'decimal.js';
import type { ExtractionIssue, ExtractionResult, InvoiceFieldName } from '@conveyor/documents';

/** Without any of these an invoice cannot be booked or paid: a document missing one always goes to a person. */
export const REQUIRED_POSTING_FIELDS = ['vendorName', 'invoiceNumber', 'issueDate', 'currency', 'totalGross'] as const satisfies readonly InvoiceFieldName[];

/**
 * Also used to post and pay (tax lines, the amount and date of payment, the payee's account, the vendor key), but
 * not printed on every invoice: they block only when the document carries them (a value was read) and a check or
 * the confidence speaks against it. A printed one the reader missed is not a value, so nothing wrong is taken.
 */
export const CONDITIONAL_POSTING_FIELDS = ['totalNet', 'totalTax', 'amountDue', 'dueDate', 'iban', 'vendorVatId'] as const satisfies readonly InvoiceFieldName[];

export const POSTING_CRITICAL_FIELDS: readonly InvoiceFieldName[] = [...REQUIRED_POSTING_FIELDS, ...CONDITIONAL_POSTING_FIELDS];

/** Why a person must look: the issues that block and the required fields that were not read. */
export interface ReviewReasons {
  blockingIssues: ExtractionIssue[];
  missingFields: InvoiceFieldName[];
}

type ReviewInput = Pick<ExtractionResult, 'fields' | 'issues'>;

/**
 * Net + tax = gross, all three read: the totals vouch for each other, so line amounts that do not add up to them
 * say something about the line items (a discount or charge not read as a line), not about the totals.
 */
function totalsAgree(fields: ReviewInput['fields']): boolean {
  const [net, tax, gross] = [fields.totalNet?.value, fields.totalTax?.value, fields.totalGross?.value];
  return net != null && tax != null && gross != null && new Decimal(net).plus(tax).equals(gross);
}

function blocks(issue: ExtractionIssue, fields: ReviewInput['fields']): boolean {
  if (issue.severity === 'info') return false;
  if (issue.severity === 'error') return true;
  // A warning naming no field is about the whole document (an OCR or reading problem): every value is in doubt.
  if (issue.fields.length === 0) return true;
  if (issue.code === 'LINE_SUM_MISMATCH' && totalsAgree(fields)) return false;
  return issue.fields.some((field) => POSTING_CRITICAL_FIELDS.includes(field));
}

/**
 * What the rule holds against a document. The issues themselves (codes, messages, fields) stay on the result
 * unchanged: a non-blocking warning (a low-confidence customer name, an unsure purchase order number) is shown to
 * whoever opens the document, it just does not stop it.
 */
export function reviewReasons(result: ReviewInput): ReviewReasons {
  return {
    blockingIssues: result.issues.filter((issue) => blocks(issue, result.fields)),
    missingFields: REQUIRED_POSTING_FIELDS.filter((name) => result.fields[name]?.value == null),
  };
}

/**
 * Whether a person must look at an extraction before it is used. It blocks on any error; on any warning about a
 * posting-critical field (low confidence, a failed check, an ambiguous date, a bad IBAN or VAT id) or about the
 * whole document; and on a missing required field. Warnings only about informational fields (customer name,
 * purchase order number; line items whose sum disagrees while net + tax = gross) do not block. The `extract` step
 * publishes this as `needsReview`, invoice-intake.yaml routes on it, and the accuracy benchmark counts silent
 * errors with `autoAcceptedFields`, which follows it.
 */
export function needsReview(result: ReviewInput): boolean {
  const reasons = reviewReasons(result);
  return reasons.blockingIssues.length > 0 || reasons.missingFields.length > 0;
}

/**
 * The values the system takes without a person: on a document that needs no review, every value read that no
 * warning or error names; on any other document none. A flagged informational value on a passing document goes
 * through marked unsure (its warning stays on the result), so it is not taken silently.
 */
export function autoAcceptedFields(result: ReviewInput): Set<InvoiceFieldName> {
  if (needsReview(result)) return new Set();
  const flagged = new Set(result.issues.filter((issue) => issue.severity !== 'info').flatMap((issue) => issue.fields));
  const read = (Object.entries(result.fields) as [InvoiceFieldName, { value: string | null } | null | undefined][]).filter(([, field]) => field?.value != null).map(([name]) => name);
  return new Set(read.filter((name) => !flagged.has(name)));
}
