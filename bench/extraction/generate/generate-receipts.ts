import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from './generate-corpus';
import { SeededRandom } from './random';
import { drawReceipt, printedReceiptDate, receiptDateIsAmbiguous } from './receipt-model';
import { drawReceiptScan, renderReceiptPdf, scanReceipt } from './receipt-render';

/** Bump when what is drawn or how it is scanned changes: a corpus of another version is drawn again. */
export const RECEIPT_GENERATOR_VERSION = 1;

/** Ground truth of one generated receipt (the SROIE key fields under the common names). */
export interface ReceiptTruth {
  vendor_name: string;
  issue_date: string;
  total_gross: string;
  currency: 'MYR';
  _style: string;
  _printed: { issue_date: string; total_gross: string; total_label: string };
  /** ["issue_date"] when the date reads both ways and nothing on the roll decides. */
  _ambiguous_dates: string[];
  _scan: Record<string, unknown>;
}

export interface ReceiptManifest {
  generatorVersion: number;
  seed: number;
  quick: boolean;
  receipts: { id: string; file: string; truthFile: string }[];
}

export function receiptCorpusFolder(seed: number, quick: boolean): string {
  return join(REPOSITORY_ROOT, 'tmp', 'extraction-corpus', `receipts-${seed}${quick ? '-quick' : ''}`);
}

/** Draws, renders and scans the receipts (JPEG + truth JSON) unless the same corpus is already there. */
export async function generateReceipts(options: { seed: number; quick: boolean }): Promise<{ folder: string; manifest: ReceiptManifest }> {
  const folder = receiptCorpusFolder(options.seed, options.quick);
  const manifestPath = join(folder, 'manifest.json');
  if (existsSync(manifestPath)) {
    const existing = JSON.parse(readFileSync(manifestPath, 'utf8')) as ReceiptManifest;
    if (existing.generatorVersion === RECEIPT_GENERATOR_VERSION && existing.seed === options.seed && existing.quick === options.quick) return { folder, manifest: existing };
  }
  mkdirSync(folder, { recursive: true });
  const receipts: ReceiptManifest['receipts'] = [];
  const count = options.quick ? 10 : 40;
  for (let index = 0; index < count; index += 1) {
    const random = SeededRandom.forDocument(options.seed ^ 0x7ec1, index);
    const receipt = drawReceipt(`r${String(index).padStart(3, '0')}`, random);
    const scan = drawReceiptScan(random);
    const bytes = await scanReceipt(await renderReceiptPdf(receipt), scan, random);
    const truth: ReceiptTruth = {
      vendor_name: receipt.company,
      issue_date: receipt.issueDate,
      total_gross: receipt.total.toFixed(2),
      currency: 'MYR',
      _style: receipt.style,
      _printed: { issue_date: printedReceiptDate(receipt), total_gross: receipt.total.toFixed(2), total_label: receipt.totalLabel },
      _ambiguous_dates: receiptDateIsAmbiguous(receipt) ? ['issue_date'] : [],
      _scan: { ...scan },
    };
    writeFileSync(join(folder, `${receipt.id}.jpg`), bytes);
    writeFileSync(join(folder, `${receipt.id}.truth.json`), `${JSON.stringify(truth, null, 2)}\n`);
    receipts.push({ id: receipt.id, file: `${receipt.id}.jpg`, truthFile: `${receipt.id}.truth.json` });
  }
  const manifest: ReceiptManifest = { generatorVersion: RECEIPT_GENERATOR_VERSION, seed: options.seed, quick: options.quick, receipts };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { folder, manifest };
}
