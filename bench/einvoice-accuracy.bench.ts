/**
 * E-invoice accuracy: runs the extraction over every e-invoice of ../shared/corpus (checked against each
 * subset's SHA256SUMS) and scores it per subset and per field against `*.expected.json`, following the corpus
 * README: only fields present in the ground truth are scored, `_scoring_exclusions` are skipped, exact and
 * normalized matches side by side, precision/recall/F1 and a 95 % Wilson interval on normalized recall.
 * The XML path is scored against the XML values (`_visual_overrides` are for visible-content extraction).
 *   npm run bench:einvoice
 */
import { readFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import type { ExtractionResult, InvoiceFieldName, LineItem } from '@conveyor/documents';
import { extractEInvoiceDocument } from '@conveyor/einvoice';
import { EINVOICE_SUBSETS, loadEInvoiceCorpus, type EInvoiceExpectation } from '../libs/einvoice/src/einvoice-corpus.fixture';

type Kind = 'name' | 'id' | 'date' | 'currency' | 'amount' | 'compact';
const FIELDS: [keyof EInvoiceExpectation & string, InvoiceFieldName, Kind][] = [
  ['seller_name', 'vendorName', 'name'],
  ['seller_vat_id', 'vendorVatId', 'compact'],
  ['buyer_name', 'customerName', 'name'],
  ['invoice_number', 'invoiceNumber', 'id'],
  ['issue_date', 'issueDate', 'date'],
  ['due_date', 'dueDate', 'date'],
  ['currency', 'currency', 'currency'],
  ['total_net', 'totalNet', 'amount'],
  ['total_tax', 'totalTax', 'amount'],
  ['total_gross', 'totalGross', 'amount'],
  ['amount_due', 'amountDue', 'amount'],
  ['iban', 'iban', 'compact'],
  ['purchase_order_number', 'purchaseOrderNumber', 'id'],
];
const CORE_FIELDS = ['seller_name', 'invoice_number', 'issue_date', 'total_gross', 'currency'];

interface Tally {
  truths: number;
  predicted: number;
  exact: number;
  normalized: number;
}
const emptyTally = (): Tally => ({ truths: 0, predicted: 0, exact: 0, normalized: 0 });

async function main(): Promise<void> {
  const corpus = loadEInvoiceCorpus();
  const tallies = new Map<string, Tally>();
  const documents = new Map<string, { total: number; allCore: number; linesAllRight: number }>();
  const failures: string[] = [];
  for (const document of corpus) {
    const result = await extractEInvoiceDocument(readFileSync(document.pdfPath), document.pdfPath);
    const excluded = new Set(document.expected._scoring_exclusions ?? []);
    let allCore = true;
    for (const [truthName, field, kind] of FIELDS) {
      if (excluded.has(truthName)) continue;
      const truth = document.expected[truthName] as string | number | null | undefined;
      const predicted = result.fields[field]?.value ?? null;
      const tally = tallies.get(`${document.subset}|${truthName}`) ?? emptyTally();
      tallies.set(`${document.subset}|${truthName}`, tally);
      const present = truth !== null && truth !== undefined && truth !== '';
      if (predicted !== null) tally.predicted += 1;
      if (!present) continue;
      tally.truths += 1;
      if (predicted === null) {
        if (CORE_FIELDS.includes(truthName)) allCore = false;
        failures.push(`${document.subset}/${document.name} ${truthName}: missing, expected ${JSON.stringify(truth)}`);
        continue;
      }
      if (exactMatch(kind, predicted, truth)) tally.exact += 1;
      if (normalizedMatch(kind, predicted, truth)) tally.normalized += 1;
      else {
        if (CORE_FIELDS.includes(truthName)) allCore = false;
        failures.push(`${document.subset}/${document.name} ${truthName}: got ${JSON.stringify(predicted)}, expected ${JSON.stringify(truth)}`);
      }
    }
    const lines = scoreLines(result, document.expected);
    const lineTally = tallies.get(`${document.subset}|line_items`) ?? emptyTally();
    tallies.set(`${document.subset}|line_items`, lineTally);
    lineTally.truths += lines.truths;
    lineTally.predicted += lines.predicted;
    lineTally.exact += lines.correct;
    lineTally.normalized += lines.correct;
    const stats = documents.get(document.subset) ?? { total: 0, allCore: 0, linesAllRight: 0 };
    documents.set(document.subset, stats);
    stats.total += 1;
    if (allCore) stats.allCore += 1;
    if (lines.correct === lines.truths && lines.predicted === lines.truths) stats.linesAllRight += 1;
  }
  printTable(tallies, documents);
  process.stdout.write(failures.length === 0 ? '\nevery scored field is correct (normalized)\n' : `\nwrong or missing:\n  ${failures.join('\n  ')}\n`);
}

function printTable(tallies: Map<string, Tally>, documents: Map<string, { total: number; allCore: number; linesAllRight: number }>): void {
  const header = ['subset', 'field', 'n', 'exact', 'normalized', 'precision', 'recall', 'F1', 'recall 95% CI'];
  const rows: string[][] = [];
  for (const subset of EINVOICE_SUBSETS) {
    for (const name of [...FIELDS.map(([truthName]) => truthName), 'line_items']) {
      const tally = tallies.get(`${subset}|${name}`);
      if (!tally || tally.truths === 0) continue;
      const precision = tally.predicted === 0 ? 0 : tally.normalized / tally.predicted;
      const recall = tally.normalized / tally.truths;
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      const [low, high] = wilson(tally.normalized, tally.truths);
      rows.push([subset, name, String(tally.truths), pct(tally.exact / tally.truths), pct(recall), pct(precision), pct(recall), pct(f1), `${pct(low)}–${pct(high)}`]);
    }
  }
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  process.stdout.write(`${line(header)}\n|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|\n${rows.map(line).join('\n')}\n\n`);
  for (const [subset, stats] of documents) {
    process.stdout.write(`${subset}: ${stats.allCore}/${stats.total} documents with all core fields right, ${stats.linesAllRight}/${stats.total} with all lines right\n`);
  }
}

const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** 95 % Wilson score interval. */
function wilson(successes: number, n: number): [number, number] {
  const z = 1.96;
  const p = successes / n;
  const centre = p + (z * z) / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const denominator = 1 + (z * z) / n;
  return [Math.max(0, (centre - margin) / denominator), Math.min(1, (centre + margin) / denominator)];
}

function exactMatch(kind: Kind, predicted: string, truth: string | number): boolean {
  if (typeof truth === 'number' || kind === 'amount') return isDecimal(predicted) && new Decimal(predicted).equals(new Decimal(truth));
  return predicted.trim() === truth.trim();
}

function normalizedMatch(kind: Kind, predicted: string, truth: string | number): boolean {
  switch (kind) {
    case 'amount': {
      const [a, b] = [normalizeAmount(predicted), normalizeAmount(String(truth))];
      return a !== undefined && b !== undefined && a.minus(b).abs().lessThan(0.005);
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(predicted.trim()) && predicted.trim() === String(truth).trim();
    case 'currency':
      return normalizeCurrency(predicted) === normalizeCurrency(String(truth));
    case 'id':
      return normalizeId(predicted) === normalizeId(String(truth));
    case 'compact':
      return compact(predicted) === compact(String(truth));
    case 'name': {
      const candidate = normalizeName(predicted);
      const truthText = String(truth);
      return [truthText, ...truthText.split('\n')].map(normalizeName).some((option) => option !== '' && option === candidate);
    }
  }
}

const isDecimal = (text: string): boolean => /^-?\d+(\.\d+)?$/.test(text);

/** README rule: the decimal separator is the last , or . followed by one or two digits at the end. */
function normalizeAmount(text: string): Decimal | undefined {
  let value = text.replace(/€|EUR|\$|£|RM|Rs|₹|zł|PLN|USD|GBP/g, '').replace(/[\s\u00a0\u202f\u2009]/g, '');
  const negative = /^\(.*\)$/.test(value) || value.startsWith('-') || value.endsWith('-');
  value = value.replace(/[()+-]/g, '');
  const match = /^(.*?)(?:[.,](\d{1,2}))?$/.exec(value);
  const integer = match?.[1].replace(/[.,']/g, '') ?? '';
  if (!/^\d+$/.test(integer)) return undefined;
  const amount = new Decimal(match?.[2] === undefined ? integer : `${integer}.${match[2]}`);
  return negative ? amount.negated() : amount;
}

function normalizeCurrency(text: string): string {
  const symbols: Record<string, string> = { '€': 'EUR', '£': 'GBP', RM: 'MYR', Rs: 'INR', '₹': 'INR', 'zł': 'PLN', $: 'USD' };
  const trimmed = text.trim();
  return symbols[trimmed] ?? trimmed.toUpperCase();
}

function normalizeId(text: string): string {
  return text
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/^(#|NO\.|NR\.|N°)/, '');
}

const compact = (text: string): string => text.toUpperCase().replace(/[\s.-]/g, '');

const LEGAL_FORMS: [RegExp, string][] = [
  [/\bspolka akcyjna\b|\bs a\b/g, 'sa'],
  [/\bb v\b/g, 'bv'],
  [/\bsdn bhd\b|\bs b\b/g, 'sdnbhd'],
  [/\blimited\b/g, 'ltd'],
  [/\bincorporated\b/g, 'inc'],
  [/\bco kg\b/g, 'cokg'],
];

function normalizeName(text: string): string {
  let value = text.normalize('NFKC').toLowerCase().replace(/&/g, ' and ');
  value = value
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, token] of LEGAL_FORMS) value = value.replace(pattern, token);
  return value;
}

/** One-to-one line matching: a line is right when net amount and quantity match and the name is similar (≥ 0.8). */
function scoreLines(result: ExtractionResult, expected: EInvoiceExpectation): { truths: number; predicted: number; correct: number } {
  const truths = (expected.line_items ?? []).filter((line) => line.line_net_amount !== null);
  const unmatched: LineItem[] = [...result.lineItems];
  let correct = 0;
  for (const truth of truths) {
    const index = unmatched.findIndex(
      (line) =>
        line.amount !== null &&
        new Decimal(line.amount).minus(truth.line_net_amount!).abs().lessThan(0.005) &&
        (truth.quantity === null || (line.quantity !== null && new Decimal(line.quantity).equals(truth.quantity))) &&
        similarity(normalizeName(line.description ?? ''), normalizeName(truth.name ?? '')) >= 0.8,
    );
    if (index >= 0) {
      correct += 1;
      unmatched.splice(index, 1);
    }
  }
  return { truths: truths.length, predicted: result.lineItems.length, correct };
}

/** Normalized Levenshtein similarity. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return 1 - previous[b.length] / Math.max(a.length, b.length, 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`einvoice accuracy bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
