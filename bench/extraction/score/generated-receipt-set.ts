import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReceiptManifest, ReceiptTruth } from '../generate/generate-receipts';
import { emptyTruth, type TruthDocument } from './truth-document';

/**
 * The generated till receipts, scored like SROIE (vendor, date, total, currency MYR; day-first dates). Not
 * complete: the roll prints subtotals, GST and cash that are not in the truth, so only these fields count.
 */
export function loadGeneratedReceipts(folder: string, manifest: ReceiptManifest): TruthDocument[] {
  return manifest.receipts.map((entry) => {
    const truth = JSON.parse(readFileSync(join(folder, entry.truthFile), 'utf8')) as ReceiptTruth;
    const document = emptyTruth({ set: 'generated/receipts', id: entry.id, file: join(folder, entry.file), intendedPath: 'ocr' });
    document.receipt = true;
    document.expected = { vendor_name: truth.vendor_name, issue_date: truth.issue_date, total_gross: truth.total_gross, currency: truth.currency };
    document.ambiguousDates = truth._ambiguous_dates.includes('issue_date') ? ['issue_date'] : [];
    document.tags = { layout: truth._style };
    return document;
  });
}
