import type { DocumentLayout } from '@conveyor/document-reading';
import type { ExtractionIssue, InvoiceFieldName, InvoiceFields, LineItem } from '@conveyor/documents';
import { foldText, labelKey } from './layout/fold-text';
import { buildDocumentText, type DocumentText, type Token } from './layout/text-lines';
import { findLabels, type LabelHit } from './lexicon/label-finder';
import { CURRENCY_NAMES, currencyOfMark } from './values/currency-reading';
import { readAmounts, type DecimalSeparator } from './values/amount-reading';
import { findDates, interpretDate, type DateOrder, type PrintedDate } from './values/date-reading';
import { decideLocale, type DocumentLocale } from './values/document-locale';
import { findIbans, findVatIds } from './values/identifier-reading';
import { checkExtractedInvoice } from './fields/extraction-checks';
import { collectCandidates, type Candidate } from './fields/field-candidates';
import { clampConfidence, confidenceOf, groupCandidates, toExtractedField, type ValueGroup } from './fields/field-resolution';
import { extractItemTables } from './fields/line-items';
import { customerBlockLines, customerCandidates, vendorCandidates } from './fields/party-names';
import { resolveTotals } from './fields/totals-resolution';

export interface ExtractFieldsOptions {
  /** Fields below this confidence get a LOW_CONFIDENCE issue (routing the document to review). Default 0.7. */
  readonly lowConfidenceThreshold?: number;
  /** What a vendor profile or template knows about this vendor's documents; wins over page evidence. */
  readonly known?: { readonly decimalSeparator?: DecimalSeparator; readonly dateOrder?: DateOrder };
}

export interface FieldExtraction {
  readonly fields: InvoiceFields;
  readonly lineItems: LineItem[];
  readonly issues: ExtractionIssue[];
  /** How the document writes numbers and dates, as decided (vendor profiles learn from it). */
  readonly locale: DocumentLocale;
  /** Findings about how single values were read (ambiguous dates, ...), before the cross-field checks. */
  readonly readingIssues: ExtractionIssue[];
  readonly checkContext: { readonly lineAmountsIncludeTax: boolean; readonly printedCurrencies: readonly string[] };
}

export const DEFAULT_LOW_CONFIDENCE_THRESHOLD = 0.7;
const SIMPLE_FIELDS: readonly InvoiceFieldName[] = ['invoiceNumber', 'issueDate', 'dueDate', 'iban', 'vendorVatId', 'purchaseOrderNumber', 'amountDue'];

/**
 * Reads an invoice's fields from its page layout without a template: labels in seven languages, values right
 * of or under them, scored and cross-checked into a confidence per field. See the lib's README for the rules.
 */
export function extractInvoiceFields(layout: DocumentLayout, options: ExtractFieldsOptions = {}): FieldExtraction {
  const text = buildDocumentText(layout);
  const hits = findLabels(text);
  const locale = decideLocale(localeEvidence(text, hits, options));
  const tables = extractItemTables(text, hits, locale.decimalSeparator);
  const candidates = collectCandidates({ text, hits, locale, tableHeaderLines: new Set(tables.map((table) => table.headerLine)) });
  const customerBlock = customerBlockLines({ text, hits, vendorAnchors: [] });
  const fields: InvoiceFields = {};
  const issues: ExtractionIssue[] = [];
  const chosen = new Map<InvoiceFieldName, ValueGroup>();

  for (const name of SIMPLE_FIELDS) {
    const own = candidates
      .filter((candidate) => candidate.field === name)
      .map((candidate) => (name === 'vendorVatId' && customerBlock.has(candidate.tokens[0]?.line ?? -1) ? { ...candidate, score: candidate.score * 0.4 } : candidate));
    const groups = groupCandidates(own);
    if (groups.length === 0) continue;
    chosen.set(name, groups[0]);
    fields[name] = toExtractedField(text, groups[0], confidenceOf(groups[0], groups));
  }

  if (!fields.issueDate) {
    const only = onlyPrintedDate(text, locale, chosen.get('dueDate')?.value);
    if (only) {
      chosen.set('issueDate', only);
      fields.issueDate = toExtractedField(text, only, 0.6);
    }
  }

  const totalGroups = (name: 'totalNet' | 'totalTax' | 'totalGross') => groupCandidates(candidates.filter((candidate) => candidate.field === name));
  const totals = resolveTotals({ totalNet: totalGroups('totalNet'), totalTax: totalGroups('totalTax'), totalGross: totalGroups('totalGross') });
  for (const [name, pick] of Object.entries(totals.chosen) as [InvoiceFieldName, { group: ValueGroup; confidence: number }][]) {
    chosen.set(name, pick.group);
    fields[name] = toExtractedField(text, pick.group, pick.confidence);
  }
  const gross = fields.totalGross;
  if (gross && fields.amountDue && fields.amountDue.value === gross.value) {
    fields.amountDue = { ...fields.amountDue, confidence: clampConfidence(Math.max(fields.amountDue.confidence, gross.confidence)) };
  }

  const currency = resolveCurrency(text, candidates, chosen.get('totalGross')?.best.tokens ?? [], locale);
  if (currency) fields.currency = currency;

  const anchors = [chosen.get('vendorVatId'), chosen.get('iban')].flatMap((group) => group?.best.tokens ?? []);
  const vendor = bestName(vendorCandidates({ text, hits, vendorAnchors: anchors }));
  if (vendor) fields.vendorName = toExtractedField(text, vendor.group, vendor.confidence);
  const customer = bestName(customerCandidates({ text, hits, vendorAnchors: anchors }));
  if (customer && customer.group.value !== vendor?.group.value) fields.customerName = toExtractedField(text, customer.group, customer.confidence);

  for (const name of ['issueDate', 'dueDate'] as const) {
    const reading = chosen.get(name)?.best.date;
    const field = fields[name];
    if (!reading?.ambiguous || !field) continue;
    fields[name] = { ...field, confidence: Math.min(field.confidence, 0.4) };
    issues.push({
      code: 'DATE_AMBIGUOUS',
      severity: 'warning',
      message: `${name} is printed as "${chosen.get(name)?.best.tokens.map((token) => token.text).join(' ')}": ${reading.iso} (day first) or ${reading.alternative} (month first); nothing in the document tells which`,
      fields: [name],
    });
  }
  const vatCandidate = chosen.get('vendorVatId')?.best;
  if (vatCandidate?.formatInvalid && !/^[A-Z]{2}/.test(vatCandidate.value)) {
    issues.push({ code: 'VAT_ID_FORMAT', severity: 'error', message: `VAT id ${vatCandidate.value} does not have its country's format`, fields: ['vendorVatId'] });
  }

  let lineItems = tables.flatMap((table) => table.items);
  const creditTitle = creditNoteTitle(text);
  if (creditTitle) {
    // Credit notes mean money back: amounts printed without a sign are made negative, as the XML reader does.
    for (const name of ['totalNet', 'totalTax', 'totalGross', 'amountDue'] as const) {
      const field = fields[name];
      if (field?.value && !field.value.startsWith('-') && !/^0(\.0+)?$/.test(field.value)) fields[name] = { ...field, value: `-${field.value}` };
    }
    lineItems = lineItems.map((item) => (item.amount && !item.amount.startsWith('-') && !/^0(\.0+)?$/.test(item.amount) ? { ...item, amount: `-${item.amount}` } : item));
    issues.push({ code: 'CREDIT_NOTE', severity: 'info', message: `credit note ("${creditTitle}"): amounts are negative, money goes back to the buyer`, fields: ['totalNet', 'totalTax', 'totalGross', 'amountDue'] });
  }
  const checkContext = { lineAmountsIncludeTax: tables.some((table) => table.amountsIncludeTax), printedCurrencies: printedCurrencies(text, locale) };
  return { fields, lineItems, issues: finishIssues(fields, lineItems, issues, checkContext, options.lowConfidenceThreshold), locale, readingIssues: issues, checkContext };
}

/** Reading findings plus the cross-field checks and LOW_CONFIDENCE flags, on the fields as they now stand. */
export function finishIssues(
  fields: InvoiceFields,
  lineItems: readonly LineItem[],
  readingIssues: readonly ExtractionIssue[],
  context: FieldExtraction['checkContext'],
  threshold = DEFAULT_LOW_CONFIDENCE_THRESHOLD,
): ExtractionIssue[] {
  return [...readingIssues, ...checkExtractedInvoice({ fields, lineItems, ...context, lowConfidenceThreshold: threshold })];
}

const CREDIT_NOTE_TITLES = new Set(
  ['credit note', 'credit memo', 'gutschrift', 'rechnungskorrektur', 'stornorechnung', 'avoir', "facture d'avoir", 'creditnota', 'creditfactuur', 'factura rectificativa', 'nota de crédito', 'nota di credito', 'faktura korygująca', 'korekta'].map(labelKey),
);

/** A credit note says so in its title: a short cell in the top part of page one starting with one of these words. */
function creditNoteTitle(text: DocumentText): string | undefined {
  for (const line of text.byPage.get(1) ?? []) {
    if (line.bbox.y > 0.4) break;
    for (const segment of line.segments) {
      if (segment.length > 6) continue;
      for (const width of [3, 2, 1]) {
        const words = segment.slice(0, width);
        if (words.length === width && CREDIT_NOTE_TITLES.has(words.map((token) => token.key).join(''))) return words.map((token) => token.text).join(' ');
      }
    }
  }
  return undefined;
}

function localeEvidence(text: DocumentText, hits: readonly LabelHit[], options: ExtractFieldsOptions) {
  const numberTexts = text.lines.flatMap((line) => line.tokens.filter((token) => /\d/.test(token.text)).map((token) => token.text));
  const dates: PrintedDate[] = text.lines.flatMap((line) => findDates(line.tokens));
  const countries = text.lines.flatMap((line) => [...findIbans(line.tokens), ...findVatIds(line.tokens)].map((found) => found.value.slice(0, 2)));
  const marks = text.lines.flatMap((line) => line.tokens.map((token) => currencyOfMark(token.text.replace(/[\d.,\s-]+/g, '') || token.text)).filter((mark): mark is string => mark !== undefined));
  return { hits, numberTexts, dates, countries, currencies: marks.filter((mark) => mark !== '$'), dollarSign: marks.includes('$'), known: options.known };
}

function printedCurrencies(text: DocumentText, locale: DocumentLocale): string[] {
  return text.lines.flatMap((line) => readAmounts(line.tokens, locale.decimalSeparator).map((amount) => amount.currency).filter((code): code is string => code !== undefined));
}

/**
 * The invoice currency: a currency label's value; the mark printed with the gross total; the marks and codes
 * printed with other amounts or alone; currency names in words. "$" means USD only when nothing else names a
 * currency, and then with a lower confidence.
 */
function resolveCurrency(text: DocumentText, candidates: readonly Candidate[], grossTokens: readonly Token[], locale: DocumentLocale) {
  const found: Candidate[] = candidates.filter((candidate) => candidate.field === 'currency');
  const grossLine = grossTokens[0]?.line;
  for (const line of text.lines) {
    for (const amount of readAmounts(line.tokens, locale.decimalSeparator)) {
      if (!amount.currency || amount.percent) continue;
      const onGross = amount.tokens.some((token) => grossTokens.includes(token)) || line.index === grossLine;
      const code = amount.currency === '$' ? 'USD' : amount.currency;
      const score = (onGross ? 0.75 : 0.3) * (amount.currency === '$' ? 0.6 : 1);
      const mark = amount.tokens.filter((token) => currencyOfMark(token.text) !== undefined || /\D/.test(token.text.replace(/[\d.,]/g, '')));
      found.push({ field: 'currency', value: code, score, tokens: mark.length > 0 ? mark : amount.tokens, evidence: amount.currency === '$' ? 'dollar sign' : 'currency mark' });
    }
    for (const token of line.tokens) {
      const code = currencyOfMark(token.text.replace(/[.,:;]$/, ''));
      if (code && code !== '$' && /^[A-Z]{3}$/.test(code)) found.push({ field: 'currency', value: code, score: 0.25, tokens: [token], evidence: 'currency code' });
    }
    const words = line.tokens.map((token) => token.key);
    for (const name of CURRENCY_NAMES) {
      const at = words.findIndex((_, index) => name.words.every((word, offset) => words[index + offset] === word));
      if (at >= 0) found.push({ field: 'currency', value: name.code, score: 0.5, tokens: line.tokens.slice(at, at + name.words.length), evidence: 'currency name' });
    }
  }
  const real = found.filter((candidate) => candidate.evidence !== 'dollar sign');
  const dollarOnly = real.length === 0;
  const dollarCountry = dollarOnly ? dollarCurrencyOfLegalForms(text) : undefined;
  // Only a printed dollar sign is read as that country's dollar: with no currency printed at all, nothing is guessed.
  if (dollarCountry && found.length > 0) {
    const groups = groupCandidates(found.map((candidate) => ({ ...candidate, value: dollarCountry })));
    return toExtractedField(text, groups[0], Math.min(confidenceOf(groups[0], groups), 0.75));
  }
  const groups = groupCandidates(dollarOnly ? found : real);
  if (groups.length === 0) return undefined;
  const confidence = confidenceOf(groups[0], groups);
  return toExtractedField(text, groups[0], dollarOnly ? Math.min(confidence, 0.75) : confidence);
}

/** "$" with a company form that exists in one dollar country only (Malaysian "Sdn Bhd", Australian "Pty Ltd", Singapore "Pte Ltd"). */
const DOLLAR_COUNTRY_FORMS: Record<string, string> = { sdnbhd: 'MYR', ptyltd: 'AUD', pteltd: 'SGD' };

function dollarCurrencyOfLegalForms(text: DocumentText): string | undefined {
  for (const line of text.lines) {
    for (let index = 0; index + 1 < line.tokens.length; index += 1) {
      const code = DOLLAR_COUNTRY_FORMS[line.tokens[index].key + line.tokens[index + 1].key];
      if (code) return code;
    }
  }
  return undefined;
}

/**
 * A receipt often prints its date without a label. When the whole document prints exactly one date (the due
 * date aside), that is its issue date, below the auto-accept threshold so a person sees it: "the only date",
 * never "the first date".
 */
function onlyPrintedDate(text: DocumentText, locale: DocumentLocale, dueDate: string | undefined): ValueGroup | undefined {
  const readings = text.lines.flatMap((line) => findDates(line.tokens).map((date) => ({ date, reading: interpretDate(date, locale.dateOrder) })));
  const distinct = [...new Set(readings.map((entry) => entry.reading?.iso).filter((iso): iso is string => iso !== undefined && iso !== dueDate))];
  if (distinct.length !== 1) return undefined;
  const entry = readings.find((candidate) => candidate.reading?.iso === distinct[0])!;
  const candidate: Candidate = { field: 'issueDate', value: distinct[0], score: 0.6, tokens: entry.date.tokens, evidence: 'the only date printed', date: entry.reading };
  return { field: 'issueDate', value: distinct[0], support: 0.6, best: candidate, members: [candidate] };
}

/** Names agree when they fold to the same letters ("Coolblue B.V." and "COOLBLUE BV"). */
function bestName(candidates: readonly Candidate[]): { group: ValueGroup; confidence: number } | undefined {
  const byKey = groupCandidates(candidates.map((candidate) => ({ ...candidate, value: nameKey(candidate.value) })));
  if (byKey.length === 0) return undefined;
  const top = byKey[0];
  const printed = candidates.filter((candidate) => nameKey(candidate.value) === top.value).sort((a, b) => b.score - a.score)[0];
  return { group: { ...top, value: printed.value, best: printed }, confidence: confidenceOf(top, byKey) };
}

function nameKey(name: string): string {
  return foldText(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
