import Decimal from 'decimal.js';
import type { DocumentLayout } from '@conveyor/document-reading';
import type { ExtractionIssue, InvoiceFieldName, InvoiceFields, LineItem } from '@conveyor/documents';
import { foldText, labelKey } from './layout/fold-text';
import { buildDocumentText, tokensText, type DocumentText, type Token } from './layout/text-lines';
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
import { blockOwner, customerBlockLines, customerCandidates, vendorCandidates } from './fields/party-names';
import { customerNameCorroborated, UNCORROBORATED_NAME_CONFIDENCE, vendorNameCorroborated } from './fields/party-corroboration';
import { paymentWitness } from './fields/receipt-payment';
import { amountDueExplained, CONTRADICTED_TOTAL_CONFIDENCE, resolveTotals, taxRowSums, type TotalsEvidence } from './fields/totals-resolution';

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

  const payment = paymentWitness(text, locale.decimalSeparator, candidates.filter((candidate) => candidate.field === 'totalGross'));
  const totalGroups = (name: 'totalNet' | 'totalTax' | 'totalGross') =>
    groupCandidates([
      ...candidates.filter((candidate) => candidate.field === name),
      ...(name === 'totalGross' && payment ? [payment] : []),
      ...(name === 'totalTax' ? taxRowSums(candidates) : []),
    ]);
  const totals = resolveTotals({ totalNet: totalGroups('totalNet'), totalTax: totalGroups('totalTax'), totalGross: totalGroups('totalGross') }, { lineSum: lineSumOf(tables), printedAmounts: printedAmountValues(text, locale) });
  for (const [name, pick] of Object.entries(totals.chosen) as [InvoiceFieldName, { group: ValueGroup; confidence: number }][]) {
    chosen.set(name, pick.group);
    fields[name] = toExtractedField(text, pick.group, pick.confidence);
  }
  const gross = fields.totalGross;
  if (gross && fields.amountDue && fields.amountDue.value === gross.value) {
    fields.amountDue = { ...fields.amountDue, confidence: clampConfidence(Math.max(fields.amountDue.confidence, gross.confidence)) };
  } else if (gross?.value && fields.amountDue?.value && !amountDueExplained(new Decimal(fields.amountDue.value), new Decimal(gross.value), printedAmountValues(text, locale))) {
    // Amount due ≠ gross with no deposit or payment printed to explain the gap: one of them is misread.
    fields.amountDue = { ...fields.amountDue, confidence: Math.min(fields.amountDue.confidence, CONTRADICTED_TOTAL_CONFIDENCE) };
  }

  const currency = resolveCurrency(text, candidates, chosen.get('totalGross')?.best.tokens ?? [], locale);
  if (currency) fields.currency = currency;

  const anchors = [chosen.get('vendorVatId'), chosen.get('iban')].flatMap((group) => group?.best.tokens ?? []);
  // The name a customer label governs is the buyer's: never the vendor, however strong its other evidence.
  const customer = bestName(customerCandidates({ text, hits, vendorAnchors: anchors }));
  const buyerKey = customer ? nameKey(customer.group.value) : undefined;
  const sellers = vendorCandidates({ text, hits, vendorAnchors: anchors }).filter((candidate) => nameKey(candidate.value) !== buyerKey);
  const vendor = bestName(sellers);
  let vendorCorroborated = true;
  if (vendor) {
    const identifiers = { iban: chosen.get('iban')?.best.tokens, vatIds: candidates.filter((candidate) => candidate.field === 'vendorVatId').map((candidate) => candidate.tokens) };
    vendorCorroborated = vendorNameCorroborated({ text, candidates: sellers, winner: vendor.group, identifiers });
    fields.vendorName = toExtractedField(text, vendor.group, vendorCorroborated ? vendor.confidence : Math.min(vendor.confidence, UNCORROBORATED_NAME_CONFIDENCE));
  }
  if (vendor) {
    // The vendor's VAT id is the one in the vendor's block: an id under another party's name is theirs.
    const owned = ownVatCandidates(text, candidates, customerBlock, vendor.group.value);
    const groups = groupCandidates(owned);
    if (groups.length === 0) {
      chosen.delete('vendorVatId');
      delete fields.vendorVatId;
    } else {
      chosen.set('vendorVatId', groups[0]);
      // The id was taken for being in the vendor's block: as unsure as the name that picked it.
      const confidence = confidenceOf(groups[0], groups);
      fields.vendorVatId = toExtractedField(text, groups[0], vendorCorroborated ? confidence : Math.min(confidence, UNCORROBORATED_NAME_CONFIDENCE));
    }
  }
  if (customer && customer.group.value !== vendor?.group.value) {
    const confidence = customerNameCorroborated(customer.group, hits) ? customer.confidence : Math.min(customer.confidence, UNCORROBORATED_NAME_CONFIDENCE);
    fields.customerName = toExtractedField(text, customer.group, confidence);
  }

  for (const name of ['issueDate', 'dueDate'] as const) {
    const reading = chosen.get(name)?.best.date;
    const field = fields[name];
    if (!reading?.ambiguous || !field) continue;
    // A suggested order makes its reading the likelier one, still below any auto-accept threshold.
    fields[name] = { ...field, confidence: Math.min(field.confidence, reading.suggestedOrder ? 0.6 : 0.4) };
    const printed = chosen.get(name)?.best.tokens.map((token) => token.text).join(' ');
    const [dayFirst, monthFirst] = reading.suggestedOrder === 'mdy' ? [reading.alternative, reading.iso] : [reading.iso, reading.alternative];
    issues.push({
      code: 'DATE_AMBIGUOUS',
      severity: 'warning',
      message: reading.suggestedOrder
        ? `${name} is printed as "${printed}": ${dayFirst} (day first) or ${monthFirst} (month first); read ${reading.suggestedOrder === 'dmy' ? 'day' : 'month'} first as ${locale.dateOrderEvidence} suggest, but no date in the document proves the order`
        : `${name} is printed as "${printed}": ${dayFirst} (day first) or ${monthFirst} (month first); nothing in the document tells which`,
      fields: [name],
    });
  }
  const vatCandidate = chosen.get('vendorVatId')?.best;
  if (vatCandidate?.formatInvalid && !/^[A-Z]{2}/.test(vatCandidate.value)) {
    issues.push({ code: 'VAT_ID_FORMAT', severity: 'error', message: `VAT id ${vatCandidate.value} does not have its country's format`, fields: ['vendorVatId'] });
  } else if (vatCandidate?.checksumInvalid && !/^[A-Z]{2}/.test(vatCandidate.value)) {
    issues.push({ code: 'VAT_ID_CHECKSUM', severity: 'warning', message: `VAT id ${vatCandidate.value} has its country's format but its check digit fails`, fields: ['vendorVatId'] });
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

/** Every amount printed in the document (not percentages). */
function printedAmountValues(text: DocumentText, locale: DocumentLocale): Decimal[] {
  return text.lines.flatMap((line) => readAmounts(line.tokens, locale.decimalSeparator).filter((amount) => !amount.percent).map((amount) => amount.value));
}

/** The item tables' line amounts added up, when every row has one. */
function lineSumOf(tables: ReturnType<typeof extractItemTables>): TotalsEvidence['lineSum'] {
  const amounts = tables.flatMap((table) => table.items.map((item) => item.amount));
  if (amounts.length === 0 || amounts.some((amount) => amount === null)) return undefined;
  return { value: Decimal.sum(...(amounts as string[])), includesTax: tables.some((table) => table.amountsIncludeTax) };
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
  if (real.length === 0) {
    const krona = kronaOfCountry(text);
    if (krona) return toExtractedField(text, { field: 'currency', value: krona.code, support: krona.score, best: krona.candidate, members: [krona.candidate] }, krona.score);
  }
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

/** Countries whose currency is printed "kr"/"kr.", and their names as addresses print them. */
const KRONA: Record<string, { code: string; names: readonly string[] }> = {
  SE: { code: 'SEK', names: ['sverige', 'sweden', 'schweden', 'suede', 'zweden', 'suecia', 'svezia', 'szwecja'] },
  NO: { code: 'NOK', names: ['norge', 'norway', 'norwegen', 'norvege', 'noorwegen', 'noruega', 'norvegia', 'norwegia'] },
  DK: { code: 'DKK', names: ['danmark', 'denmark', 'danemark', 'denemarken', 'dinamarca', 'danimarca', 'dania'] },
  IS: { code: 'ISK', names: ['island', 'iceland', 'islande', 'ijsland', 'islandia', 'islanda'] },
};

/**
 * "kr" names the Swedish, Norwegian, Danish and Icelandic currencies alike: with amounts printed in "kr" and no
 * other currency mark, the country decides, from the IBANs and VAT ids printed (0.8) or, failing those, a
 * country name in an address (0.6, below auto-accept). Two countries, or none: no currency.
 */
function kronaOfCountry(text: DocumentText): { code: string; score: number; candidate: Candidate } | undefined {
  const marks = text.lines.flatMap((line) =>
    line.tokens.filter((token, index) => token.key === 'kr' && [line.tokens[index - 1], line.tokens[index + 1]].some((beside) => beside !== undefined && /\d/.test(beside.text))),
  );
  if (marks.length === 0) return undefined;
  const idCountries = new Set(text.lines.flatMap((line) => [...findIbans(line.tokens), ...findVatIds(line.tokens)].map((found) => found.value.slice(0, 2))).filter((country) => country in KRONA));
  const named = new Set(text.lines.flatMap((line) => line.tokens.map((token) => Object.keys(KRONA).find((country) => KRONA[country].names.includes(token.key))).filter((country): country is string => country !== undefined)));
  const [countries, score] = idCountries.size > 0 ? [idCountries, 0.8] : [named, 0.6];
  if (countries.size !== 1) return undefined;
  const code = KRONA[[...countries][0]].code;
  return { code, score, candidate: { field: 'currency', value: code, score, tokens: marks.slice(0, 1), evidence: `"kr" with ${idCountries.size > 0 ? 'an IBAN or VAT id' : 'an address'} of ${[...countries][0]}` } };
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
  const readings = text.lines.flatMap((line) => findDates(line.tokens).map((date) => ({ date, reading: interpretDate(date, locale.dateOrder, locale.dateOrderProven) })));
  const distinct = [...new Set(readings.map((entry) => entry.reading?.iso).filter((iso): iso is string => iso !== undefined && iso !== dueDate))];
  if (distinct.length !== 1) return undefined;
  const entry = readings.find((candidate) => candidate.reading?.iso === distinct[0])!;
  const candidate: Candidate = { field: 'issueDate', value: distinct[0], score: 0.6, tokens: entry.date.tokens, evidence: 'the only date printed', date: entry.reading };
  return { field: 'issueDate', value: distinct[0], support: 0.6, best: candidate, members: [candidate] };
}

/** VAT id candidates that are not another party's: those in the vendor's block count more, others' are dropped. */
function ownVatCandidates(text: DocumentText, candidates: readonly Candidate[], customerBlock: ReadonlySet<number>, vendorName: string): Candidate[] {
  const vendorKey = nameKey(vendorName);
  const owned: Candidate[] = [];
  for (const candidate of candidates) {
    if (candidate.field !== 'vendorVatId') continue;
    const inCustomerBlock = customerBlock.has(candidate.tokens[0]?.line ?? -1);
    const owner = blockOwner(text, candidate.tokens);
    const ownerKey = owner ? nameKey(tokensText(owner)) : undefined;
    if (ownerKey !== undefined && ownerKey !== vendorKey && !vendorKey.startsWith(ownerKey)) continue;
    const score = ownerKey !== undefined ? Math.min(0.98, candidate.score * 1.25) : inCustomerBlock ? candidate.score * 0.4 : candidate.score;
    owned.push({ ...candidate, score });
  }
  return owned;
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
