import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InvoiceFieldName } from '@conveyor/documents';
import type { CorpusManifest } from '../generate/generate-corpus';
import type { GeneratedTruth } from '../generate/ground-truth';
import { COMMON_FIELDS, emptyTruth, type CommonField, type TruthDocument } from './truth-document';

const FLAG_FIELDS: Record<string, InvoiceFieldName[]> = {
  due_before_issue: ['issueDate', 'dueDate'],
  totals_off_by_cent: ['totalNet', 'totalTax', 'totalGross'],
  iban_checksum: ['iban'],
  vat_id_checksum: ['vendorVatId'],
};

/** The generated corpus: every field on the page is in the truth, so a value found where none is printed is wrong. */
export function loadGeneratedSets(folder: string, manifest: CorpusManifest): TruthDocument[] {
  return manifest.documents.map((entry) => {
    const truth = JSON.parse(readFileSync(join(folder, entry.truthFile), 'utf8')) as GeneratedTruth & { _degradation?: { name: string } };
    const document = emptyTruth({ set: entry.set, id: entry.id, file: join(folder, entry.file), intendedPath: entry.set === 'generated/scanned' ? 'ocr' : 'text' });
    for (const field of COMMON_FIELDS) {
      const value = truth[field as keyof GeneratedTruth];
      if (typeof value === 'string' && value !== '') document.expected[field] = value;
    }
    document.lines = truth.line_items.map((line) => ({ name: line.name, quantity: line.quantity, amount: line.line_net_amount }));
    document.expectedFlags = truth._expected_issues.map((reason) => ({ reason, fields: FLAG_FIELDS[reason] ?? [] }));
    document.ambiguousDates = truth._ambiguous_dates.filter((field): field is CommonField => (COMMON_FIELDS as readonly string[]).includes(field));
    document.dateOrder = truth._locale === 'en-US' ? 'mdy' : 'dmy';
    for (const field of truth._not_printed ?? []) if ((COMMON_FIELDS as readonly string[]).includes(field)) document.invisible.add(field as CommonField);
    document.complete = true;
    document.tags = { layout: truth._layout, language: truth._language, ...(truth._degradation ? { scan: truth._degradation.name } : {}) };
    return document;
  });
}
