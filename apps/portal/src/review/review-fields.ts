import type { ExtractOutputs, ExtractedField, TaskView } from '../api/types';

/** Below this, a value is shown as doubtful. */
export const LOW_CONFIDENCE = 0.8;

export interface ReviewField {
  name: string;
  label: string;
  extracted?: ExtractedField;
  /** What the reviewer sees and may change. */
  value: string;
  /** Part of the task's form (sent as form data) rather than a correction only. */
  inForm: boolean;
  required: boolean;
  pattern?: string;
  /** Low confidence, or named by a warning/error. */
  doubtful: boolean;
  issues: string[];
}

const LABELS: Record<string, string> = {
  vendorName: 'Vendor',
  vendorVatId: 'Vendor VAT id',
  customerName: 'Customer',
  invoiceNumber: 'Invoice number',
  issueDate: 'Issue date',
  dueDate: 'Due date',
  currency: 'Currency',
  totalNet: 'Total net',
  totalTax: 'Total tax',
  totalGross: 'Total gross',
  amountDue: 'Amount due',
  iban: 'IBAN',
  purchaseOrderNumber: 'PO number',
  comment: 'Comment',
};

export function labelOf(name: string): string {
  return LABELS[name] ?? name.replace(/([A-Z])/g, ' $1').replace(/^./, (first) => first.toUpperCase());
}

/** The extracted fields and the task form's fields, in one list (form-only fields such as a comment last). */
export function reviewFields(task: TaskView, outputs: ExtractOutputs | undefined): ReviewField[] {
  const properties = task.formSchema?.properties ?? {};
  const required = new Set(task.formSchema?.required ?? []);
  const issuesByField = new Map<string, string[]>();
  for (const issue of outputs?.issues ?? []) {
    if (issue.severity === 'info') continue;
    for (const field of issue.fields) issuesByField.set(field, [...(issuesByField.get(field) ?? []), issue.message]);
  }
  const names = [...Object.keys(outputs?.fields ?? {}).filter((name) => outputs?.fields[name]), ...Object.keys(properties)];
  return [...new Set(names)].map((name) => {
    const extracted = outputs?.fields[name] ?? undefined;
    const issues = issuesByField.get(name) ?? [];
    return {
      name,
      label: labelOf(name),
      extracted,
      value: extracted?.value ?? '',
      inForm: name in properties,
      required: required.has(name),
      pattern: properties[name]?.pattern,
      doubtful: issues.length > 0 || (extracted !== undefined && (extracted.value === null || extracted.confidence < LOW_CONFIDENCE)),
      issues,
    };
  });
}

/**
 * The decision's form data: the form's fields as they stand now and, when the form allows more properties,
 * every corrected field under its own name (what the workflow's `confirm-invoice` step reads from
 * `steps.review.outputs.data` to record the correction and teach the vendor's profile) plus `corrections`,
 * each field's value as read and as corrected.
 */
export function decisionData(task: TaskView, fields: ReviewField[], edited: Record<string, string>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const value = edited[field.name] ?? field.value;
    if (field.inForm && value !== '') data[field.name] = value;
  }
  const corrections: Record<string, { from: string | null; to: string }> = {};
  for (const field of fields) {
    const value = edited[field.name];
    if (field.extracted && value !== undefined && value !== (field.extracted.value ?? '')) corrections[field.name] = { from: field.extracted.value, to: value };
  }
  const schema = task.formSchema as { additionalProperties?: unknown; properties?: Record<string, unknown> } | undefined;
  const allowsMore = !schema || schema.additionalProperties !== false || 'corrections' in (schema.properties ?? {});
  if (allowsMore && Object.keys(corrections).length > 0) {
    for (const [name, correction] of Object.entries(corrections)) data[name] = correction.to;
    data['corrections'] = corrections;
  }
  return data;
}

/** Why a value would be refused by the form, before the server says so. */
export function fieldProblem(field: ReviewField, value: string): string | undefined {
  if (field.required && value.trim() === '') return 'required';
  if (field.pattern && value !== '' && !new RegExp(field.pattern).test(value)) return `must match ${field.pattern}`;
  return undefined;
}
