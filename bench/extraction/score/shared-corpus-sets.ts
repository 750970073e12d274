import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { ibanPassesMod97 } from './document-scoring';
import { parseDate } from './normalizers';
import { COMMON_FIELDS, emptyTruth, type CommonField, type ExpectedFlag, type TruthDocument } from './truth-document';
import { VerifiedFolder } from './verified-folder';

export const SHARED_CORPUS = resolve(__dirname, '../../../../shared/corpus');
export const EINVOICE_SUBSETS = ['ferd-zugferd10', 'ferd-zugferd233', 'fnfe-facturx', 'mustang'] as const;

type Json = Record<string, unknown>;
const text = (value: unknown): string | undefined => (value === null || value === undefined || value === '' ? undefined : String(value));

/** Flags any extractor must raise on these values, derived from the truth itself. */
function derivedFlags(expected: TruthDocument['expected']): ExpectedFlag[] {
  const flags: ExpectedFlag[] = [];
  // Only the ISO 13616 mod-97 check (the corpus names two such IBANs); national check digits are not ground truth.
  if (expected.iban && !ibanPassesMod97(expected.iban)) flags.push({ reason: 'iban_checksum', fields: ['iban'] });
  if (expected.issue_date && expected.due_date && expected.due_date < expected.issue_date) flags.push({ reason: 'due_before_issue', fields: ['issueDate', 'dueDate'] });
  if (expected.amount_due && expected.total_gross && Number(expected.amount_due) < 0 && Number(expected.total_gross) > 0) flags.push({ reason: 'negative_amount_due', fields: ['amountDue'] });
  return flags;
}

function annotations(document: TruthDocument, json: Json, rename: Partial<Record<string, CommonField>>): void {
  const common = (key: string): CommonField | undefined => rename[key] ?? (COMMON_FIELDS as readonly string[]).find((field) => field === key) as CommonField | undefined;
  for (const key of (json._scoring_exclusions as string[] | undefined) ?? []) {
    const field = common(key);
    if (field) document.excluded.add(field);
  }
  for (const [key, visible] of Object.entries((json._visible_in_text_layer as Record<string, boolean> | undefined) ?? {})) {
    const field = common(key);
    if (field && visible === false) document.invisible.add(field);
  }
  for (const [key, value] of Object.entries((json._visual_overrides as Json | undefined) ?? {})) {
    const field = common(key);
    if (field && text(value)) document.printed[field] = text(value);
  }
}

/** invoices/invoice2data: PDFs (text path) and their PNG renders (OCR path), against `*.core.json` and upstream lines. */
export function loadInvoice2data(): TruthDocument[] {
  const folder = new VerifiedFolder(resolve(SHARED_CORPUS, 'invoices/invoice2data'));
  const usStyle = new Set(['AmazonWebServices', 'SammyMaystoneLinesTest']);
  return folder.list('files', '.core.json').flatMap((corePath) => {
    const stem = corePath.replace(/\.core\.json$/, '');
    const id = stem.replace(/^files\//, '');
    const core = folder.readJson<Json>(corePath);
    const upstream = folder.readJson<Json[]>(`${stem}.json`)[0] ?? {};
    const build = (file: string, path: 'text' | 'ocr', set: string): TruthDocument => {
      const document = emptyTruth({ set, id, file: folder.verifiedPath(file), intendedPath: path });
      const rename: Partial<Record<string, CommonField>> = { seller_vat_id: 'vendor_vat_id' };
      for (const [key, value] of Object.entries(core)) {
        if (key.startsWith('_')) continue;
        const field = rename[key] ?? ((COMMON_FIELDS as readonly string[]).includes(key) ? (key as CommonField) : undefined);
        if (field && text(value)) document.expected[field] = text(value);
      }
      annotations(document, core, rename);
      const lines = ((upstream.lines ?? upstream.line_items) as Json[] | undefined) ?? [];
      document.lines = lines.filter((line) => line.price_subtotal !== undefined).map((line) => ({ name: text(line.name) ?? null, quantity: (line.qty as number | undefined) ?? null, amount: line.price_subtotal as number }));
      document.dateOrder = usStyle.has(id) ? 'mdy' : 'dmy';
      document.expectedFlags = derivedFlags(document.expected);
      return document;
    };
    const documents = [build(`${stem}.pdf`, 'text', 'invoices/invoice2data')];
    if (folder.has(`${stem}.png`)) documents.push(build(`${stem}.png`, 'ocr', 'invoices/invoice2data (png)'));
    return documents;
  });
}

/** invoices/einvoice/<subset>: hybrid PDFs against `expected.json` (the issuer's XML). */
export function loadEInvoiceSubset(subset: (typeof EINVOICE_SUBSETS)[number]): TruthDocument[] {
  const folder = new VerifiedFolder(resolve(SHARED_CORPUS, 'invoices/einvoice', subset));
  const rename: Partial<Record<string, CommonField>> = { seller_name: 'vendor_name', buyer_name: 'customer_name', seller_vat_id: 'vendor_vat_id' };
  return folder.list('files', '.expected.json').map((expectedPath) => {
    const stem = expectedPath.replace(/\.expected\.json$/, '');
    const json = folder.readJson<Json>(expectedPath);
    const document = emptyTruth({ set: `invoices/einvoice/${subset}`, id: stem.replace(/^files\//, ''), file: folder.verifiedPath(`${stem}.pdf`), intendedPath: 'text' });
    for (const [key, value] of Object.entries(json)) {
      const field = rename[key] ?? ((COMMON_FIELDS as readonly string[]).includes(key) ? (key as CommonField) : undefined);
      if (field && text(value)) document.expected[field] = text(value);
    }
    annotations(document, json, rename);
    document.lines = ((json.line_items as Json[] | undefined) ?? []).filter((line) => line.line_net_amount !== null && line.line_net_amount !== undefined).map((line) => ({ name: text(line.name) ?? null, quantity: (line.quantity as number | null) ?? null, amount: line.line_net_amount as number }));
    document.expectedFlags = derivedFlags(document.expected);
    if (Object.keys(document.printed).length > 0) document.expectedFlags.push({ reason: 'page_differs_from_xml', fields: ['totalGross', 'totalTax', 'amountDue'] });
    return document;
  });
}

const lastNumber = (value: string): string | undefined => value.match(/-?\d[\d,]*\.\d+|-?\d+/g)?.at(-1);

/** invoices/fatura: values parsed out of the labelled regions (`"TOTAL : 744.38 EUR"`). */
export function loadFatura(): TruthDocument[] {
  const folder = new VerifiedFolder(resolve(SHARED_CORPUS, 'invoices/fatura'));
  return folder.list('annotations', '.json').map((annotationPath) => {
    const id = annotationPath.replace(/^annotations\//, '').replace(/\.json$/, '');
    const regions = folder.readJson<Record<string, { text?: string }>>(annotationPath);
    const document = emptyTruth({ set: 'invoices/fatura', id, file: folder.verifiedPath(`images/${id}.jpg`), intendedPath: 'ocr' });
    const region = (key: string): string | undefined => regions[key]?.text;
    const date = (key: string): string | undefined => {
      const found = region(key)?.match(/\d{1,2}-[A-Za-z]{3}-\d{4}/)?.[0];
      return found ? parseDate(found, 'dmy')?.iso : undefined;
    };
    document.expected.issue_date = date('DATE');
    document.expected.due_date = date('DUE_DATE');
    const po = region('PO_NUMBER')?.split(':').at(-1)?.trim();
    if (po) document.expected.purchase_order_number = po;
    for (const [key, field] of [['SUB_TOTAL', 'total_net'], ['TAX', 'total_tax'], ['TOTAL', 'total_gross']] as const) {
      const value = region(key) ? lastNumber(region(key)!) : undefined;
      if (value) document.expected[field] = value;
    }
    const total = region('TOTAL') ?? '';
    document.expected.currency = /EUR/.test(total) ? 'EUR' : /USD|\$/.test(total) ? 'USD' : undefined;
    const gstin = region('GSTIN_SELLER')?.split(':').at(-1)?.trim();
    if (gstin) document.expected.vendor_vat_id = gstin;
    const buyer = region('BUYER')?.split('\n')[0]?.split(':').at(-1)?.trim();
    if (buyer) document.expected.customer_name = buyer;
    for (const field of COMMON_FIELDS) if (document.expected[field] === undefined) delete document.expected[field];
    document.expectedFlags = derivedFlags(document.expected);
    return document;
  });
}

export type SroieSplit = 'dev' | 'held-out';

/**
 * The deterministic half a receipt belongs to: the first byte of SHA-256 of its id, even → dev (looked at while
 * writing rules), odd → held-out (only scored). So a figure on held-out receipts is one no rule was fitted to.
 */
export function sroieSplitOf(id: string): SroieSplit {
  return Number.parseInt(createHash('sha256').update(id).digest('hex').slice(0, 2), 16) % 2 === 0 ? 'dev' : 'held-out';
}

/** receipts/sroie: `key/*.json` as printed; dates day-first, currency MYR. `split` keeps one half only. */
export function loadSroie(split?: SroieSplit): TruthDocument[] {
  const folder = new VerifiedFolder(resolve(SHARED_CORPUS, 'receipts/sroie'));
  const ids = folder.list('key', '.json').map((keyPath) => keyPath.replace(/^key\//, '').replace(/\.json$/, ''));
  return ids.filter((id) => split === undefined || sroieSplitOf(id) === split).map((id) => {
    const keyPath = `key/${id}.json`;
    const key = folder.readJson<{ company?: string; date?: string; total?: string }>(keyPath);
    const document = emptyTruth({ set: 'receipts/sroie', id, file: folder.verifiedPath(`img/${id}.jpg`), intendedPath: 'ocr' });
    document.receipt = true;
    if (key.company) document.expected.vendor_name = document.raw.vendor_name = key.company;
    if (key.date) {
      document.raw.issue_date = key.date;
      const parsed = parseDate(key.date, 'dmy');
      if (parsed) document.expected.issue_date = parsed.iso;
    }
    if (key.total) {
      document.raw.total_gross = key.total;
      document.expected.total_gross = key.total;
    }
    document.expected.currency = 'MYR';
    document.tags = { split: sroieSplitOf(id) };
    return document;
  });
}
