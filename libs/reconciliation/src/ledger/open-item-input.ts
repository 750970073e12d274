import { z } from 'zod';
import { DomainError } from '@conveyor/kernel';
import { toMinorUnits } from '../minor-units';
import type { OpenItem } from '../reconciliation-types';
import type { NewOpenItem } from './ledger.model';

const text = z.string().trim().min(1);
const optionalText = z.string().trim().nullish().transform((value) => (value ? value : null));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** An open item sent through the API: the `--open-items` contract plus what the ledger keeps besides. */
export const openItemInputSchema = z.strictObject({
  /** The sender's id for the item; sending it again adds nothing. */
  id: optionalText,
  vendorName: text,
  vendorIban: optionalText,
  invoiceNumber: text,
  currency: z.string().trim().regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code').transform((code) => code.toUpperCase()),
  amount: z.string().trim().regex(/^\d+(\.\d+)?$/, 'must be a positive decimal string such as "1234.50"'),
  issueDate: isoDate,
  dueDate: isoDate.nullish().transform((value) => value ?? null),
  documentId: z.string().uuid().nullish().transform((value) => value ?? null),
  paymentReferences: z.array(text).max(20).default([]),
});
export type OpenItemInput = z.input<typeof openItemInputSchema>;

/** Checks every item first and reports all problems together (OPEN_ITEMS_INVALID): all are stored, or none. */
export function toNewOpenItems(inputs: unknown[], newId: () => string): NewOpenItem[] {
  const problems: string[] = [];
  const items: NewOpenItem[] = [];
  inputs.forEach((input, position) => {
    const where = inputs.length > 1 ? `item ${position + 1}` : 'item';
    const parsed = openItemInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where}: ${issue.path.join('.') || 'body'} ${issue.message}`);
      return;
    }
    const item = parsed.data;
    let amountMinor: number;
    try {
      amountMinor = toMinorUnits(item.amount, item.currency);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
      return;
    }
    if (amountMinor <= 0) return void problems.push(`${where}: amount must be above zero`);
    items.push({
      id: newId(), externalId: item.id, vendorName: item.vendorName, vendorIban: item.vendorIban?.replace(/\s+/g, '').toUpperCase() ?? null,
      invoiceNumber: item.invoiceNumber, documentId: item.documentId, currency: item.currency, amountMinor, issueDate: item.issueDate, dueDate: item.dueDate,
      paymentReferences: item.paymentReferences,
    });
  });
  if (problems.length > 0) {
    throw new DomainError('OPEN_ITEMS_INVALID', `The open items were refused, nothing was saved: ${problems.slice(0, 10).join('; ')}`, { problems: problems.slice(0, 100) });
  }
  return items;
}

/** Items of the `conveyor reconcile --open-items` file (already checked by parseOpenItemsFile) as API inputs. */
export function fromContractItems(items: OpenItem[]): unknown[] {
  return items.map((item) => ({
    id: item.id, vendorName: item.vendorName, vendorIban: item.vendorIban, invoiceNumber: item.invoiceNumber, currency: item.currency,
    amount: item.amount, issueDate: item.issueDate, dueDate: item.dueDate, paymentReferences: item.paymentReferences ?? [],
  }));
}
