import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { DomainError } from '@conveyor/kernel';
import { toMinorUnits } from './minor-units';
import type { OpenItem } from './reconciliation-types';

const optionalText = z
  .union([z.string(), z.null(), z.undefined()])
  .transform((value) => (value === undefined || value === null || value.trim() === '' ? null : value.trim()));
const isoDate = optionalText.refine((value) => value === null || /^\d{4}-\d{2}-\d{2}$/.test(value), 'must be a date YYYY-MM-DD');

const openItemSchema = z.object({
  id: z.string().trim().min(1),
  vendorName: optionalText,
  vendorIban: optionalText,
  invoiceNumber: optionalText,
  currency: z.string().trim().regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code').transform((code) => code.toUpperCase()),
  amount: z.string().trim().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "1234.50"'),
  issueDate: isoDate,
  dueDate: isoDate,
});

/**
 * The `--open-items` file of `conveyor reconcile`: a JSON array of open items (or `{ "openItems": [...] }`), or
 * a CSV file with a header row naming the same fields. Everything is checked before anything is used; the
 * first problems are reported together (OPEN_ITEMS_INVALID).
 */
export function parseOpenItemsFile(bytes: Buffer, fileName: string): OpenItem[] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new DomainError('OPEN_ITEMS_INVALID', `${fileName} is empty`);
  const rows = /\.csv$/i.test(fileName) ? readCsv(text, fileName) : readJson(text, fileName);
  const items: OpenItem[] = [];
  const problems: string[] = [];
  rows.forEach((row, position) => {
    const parsed = openItemSchema.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`item ${position + 1}: ${issue.path.join('.') || 'row'} ${issue.message}`);
      return;
    }
    try {
      toMinorUnits(parsed.data.amount, parsed.data.currency);
    } catch (error) {
      problems.push(`item ${position + 1}: ${(error as Error).message}`);
      return;
    }
    items.push(parsed.data);
  });
  if (problems.length > 0) {
    throw new DomainError('OPEN_ITEMS_INVALID', `${fileName}: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? ` (and ${problems.length - 10} more)` : ''}`, { problems: problems.slice(0, 50) });
  }
  return items;
}

function readJson(text: string, fileName: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DomainError('OPEN_ITEMS_INVALID', `${fileName} is not valid JSON (${(error as Error).message})`);
  }
  const list = Array.isArray(value) ? value : (value as { openItems?: unknown } | null)?.openItems;
  if (!Array.isArray(list)) throw new DomainError('OPEN_ITEMS_INVALID', `${fileName} must hold an array of open items or { "openItems": [...] }`);
  return list;
}

function readCsv(text: string, fileName: string): unknown[] {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parseCsv(text, { columns: true, delimiter, skip_empty_lines: true, trim: true, relax_column_count: false }) as unknown[];
  } catch (error) {
    throw new DomainError('OPEN_ITEMS_INVALID', `${fileName} is not a readable CSV file (${(error as Error).message})`);
  }
}
