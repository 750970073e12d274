import Decimal from 'decimal.js';
import { DateTime } from 'luxon';
import { LABELS } from './labels';
import { LOCALES, postcodeFor, type DateStyle, type LocaleProfile } from './locales';
import { breakIbanChecksum, breakVatId, drawIban, drawVatId, hasIban, hasVatId, printIban, printVatId } from './identifiers';
import { currencyMarks, SPACE_CHARACTERS, type MoneyStyle } from './formatting';
import type { SeededRandom } from './random';

export const LAYOUTS = ['letterhead', 'label-value-table', 'two-column-header', 'totals-box', 'labels-above', 'boxed-grid', 'receipt', 'multi-page'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/** Deliberate faults a validator must flag (ground truth, never "fixed" in the values). */
export type ExpectedIssue = 'due_before_issue' | 'totals_off_by_cent' | 'iban_checksum' | 'vat_id_checksum';

export interface Party {
  name: string;
  addressLines: string[];
  vatIdPrinted: string | null;
}

export interface InvoiceLine {
  description: string;
  quantity: Decimal;
  unitPrice: Decimal;
  amount: Decimal;
  taxRate: string;
}

/** Everything a layout needs to draw one invoice, and the values it prints. */
export interface InvoiceDocument {
  id: string;
  layout: LayoutName;
  locale: LocaleProfile;
  creditNote: boolean;
  seller: Party;
  buyer: Party | null;
  invoiceNumber: string;
  issueDate: string;
  dueDate: string | null;
  purchaseOrder: string | null;
  customerNumber: string | null;
  currency: string;
  lines: InvoiceLine[];
  taxGroups: { rate: string; base: Decimal; tax: Decimal }[];
  net: Decimal;
  tax: Decimal;
  gross: Decimal;
  prepaid: Decimal | null;
  amountDue: Decimal | null;
  ibanPrinted: string | null;
  bic: string | null;
  money: MoneyStyle;
  dateStyle: DateStyle;
  /** With several VAT rates: also print a total VAT row (otherwise total tax is only printed per rate). */
  totalTaxRow: boolean;
  /** Print the currency code once in the header (needed where amounts carry no mark or an ambiguous one). */
  currencyLine: boolean;
  paymentDays: number;
  labelChoice: (key: keyof typeof LABELS.en) => string;
  expectedIssues: ExpectedIssue[];
  phone: string;
  font: 'sans' | 'serif' | 'mono' | 'condensed';
}

const DIALLING_CODES: Record<string, string> = { GB: '44', US: '1', SE: '46', DE: '49', CH: '41', AT: '43', FR: '33', NL: '31', BE: '32', ES: '34', IT: '39', PL: '48' };

const half = (value: Decimal): Decimal => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

function drawCompany(locale: LocaleProfile, random: SeededRandom): string {
  const stem = random.pick(locale.nameStems);
  const trade = random.pick(locale.trades);
  const form = random.pick(locale.legalForms);
  const shape = random.int(0, 2);
  if (locale.language === 'fr' || locale.language === 'es' || locale.language === 'it' || locale.language === 'pl') {
    return shape === 0 ? `${trade} ${stem} ${form}` : `${stem} ${trade} ${form}`;
  }
  if (shape === 2 && locale.language === 'en') return `${stem} & ${random.pick(locale.nameStems.filter((other) => other !== stem))} ${form}`;
  return `${stem} ${trade} ${form}`;
}

function drawAddress(locale: LocaleProfile, random: SeededRandom): string[] {
  const street = random.pick(locale.streets);
  const number = String(random.int(1, 180));
  const line1 = locale.language === 'fr' || locale.language === 'en' ? `${number} ${street}` : locale.language === 'es' || locale.language === 'it' ? `${street}, ${number}` : `${street} ${number}`;
  const city = random.pick(locale.cities);
  const postcode = postcodeFor(locale.country, () => random.unit());
  const line2 = locale.country === 'GB' ? `${city} ${postcode}` : locale.country === 'US' ? `${city} ${random.digits(5)}` : `${postcode} ${city}`;
  return [line1, line2];
}

function drawInvoiceNumber(locale: LocaleProfile, issue: DateTime, random: SeededRandom, credit: boolean): string {
  const year = issue.year;
  const seq = random.int(1, 99999);
  const patterns = [
    () => `${credit ? 'CN' : 'INV'}-${year}-${String(seq).padStart(5, '0')}`,
    () => `RE-${issue.toFormat('yyyyMMdd')}/${random.int(100, 999)}`,
    () => `${year}/${issue.toFormat('MM')}/${String(seq % 10000).padStart(4, '0')}`,
    () => `F${year}-${String(seq % 1000).padStart(3, '0')}`,
    () => `FV/${seq % 1000}/${issue.toFormat('MM')}/${year}`,
    () => `${random.letters(1)}-${random.int(10000, 99999)}`,
    () => `${random.int(100000, 9999999)}`,
    () => `FA${String(year).slice(2)}-${String(seq).padStart(5, '0')}`,
  ];
  return random.pick(patterns)();
}

function drawPurchaseOrder(random: SeededRandom): string {
  return random.pick([() => `PO-${random.int(2019, 2026)}-${random.digits(4)}`, () => `45${random.digits(8)}`, () => `BE-${random.digits(5)}`, () => `${random.letters(2)}${random.digits(6)}`])();
}

export interface DrawOptions {
  layout: LayoutName;
  /** Probability of each deliberate fault. */
  faultRate: number;
}

/** Draws one invoice: every printed value is decided here, so the ground truth is exactly what is on the page. */
export function drawInvoice(id: string, random: SeededRandom, options: DrawOptions): InvoiceDocument {
  const locale = random.pick(LOCALES);
  const labels = LABELS[locale.language];
  const creditNote = random.chance(0.08);
  const currency = random.pick(locale.currencies);
  const issue = DateTime.fromObject({ year: random.int(2019, 2026), month: random.int(1, 12), day: random.int(1, 28) }, { zone: 'UTC' });
  const paymentDays = random.pick([7, 10, 14, 21, 30, 30, 45, 60]);
  const expectedIssues: ExpectedIssue[] = [];
  const receipt = options.layout === 'receipt';

  let dueDate: string | null = null;
  if (!receipt && random.chance(0.8)) {
    if (random.chance(options.faultRate)) {
      dueDate = issue.minus({ days: random.int(3, 40) }).toISODate();
      expectedIssues.push('due_before_issue');
    } else dueDate = issue.plus({ days: paymentDays }).toISODate();
  }

  const lineCount = options.layout === 'multi-page' ? random.int(38, 75) : receipt ? random.int(1, 6) : random.int(1, 9);
  const rates = [...new Set(locale.taxRates)];
  const mainRate = locale.taxRates[0];
  const lines: InvoiceLine[] = [];
  for (let index = 0; index < lineCount; index += 1) {
    const item = random.pick(locale.items);
    const quantity = item.unit === 'hours' ? new Decimal(random.int(1, 32)).div(random.chance(0.3) ? 4 : 1) : item.unit === 'kg' ? new Decimal(random.int(100, 5000)).div(100) : new Decimal(random.pick([1, 1, 1, 2, 3, 4, 5, 6, 10, 12, 20, 25, 50]));
    const unitPrice = new Decimal(random.int(item.price[0] * 100, item.price[1] * 100)).div(100);
    const sign = creditNote ? -1 : 1;
    const price = unitPrice.times(sign);
    const taxRate = random.chance(0.8) ? mainRate : random.pick(rates);
    lines.push({ description: item.name, quantity, unitPrice: price, amount: half(quantity.times(price)), taxRate });
  }
  const groups = new Map<string, Decimal>();
  for (const line of lines) groups.set(line.taxRate, (groups.get(line.taxRate) ?? new Decimal(0)).plus(line.amount));
  const taxGroups = [...groups].map(([rate, base]) => ({ rate, base, tax: half(base.times(rate).div(100)) }));
  const net = lines.reduce((sum, line) => sum.plus(line.amount), new Decimal(0));
  const tax = taxGroups.reduce((sum, group) => sum.plus(group.tax), new Decimal(0));
  let gross = net.plus(tax);
  if (random.chance(options.faultRate)) {
    gross = gross.plus(random.chance(0.5) ? '0.01' : '-0.01');
    expectedIssues.push('totals_off_by_cent');
  }
  const prepaid = !creditNote && !receipt && random.chance(0.1) ? half(gross.times(random.pick([10, 20, 30, 50])).div(100)) : null;
  const amountDue = prepaid ? gross.minus(prepaid) : random.chance(0.5) ? gross : null;

  const seller: Party = { name: drawCompany(locale, random), addressLines: drawAddress(locale, random), vatIdPrinted: null };
  if (hasVatId(locale.country) && random.chance(receipt ? 0.6 : 0.9)) {
    let vatId = drawVatId(locale.country, random);
    if (random.chance(options.faultRate)) {
      vatId = breakVatId(vatId);
      expectedIssues.push('vat_id_checksum');
    }
    seller.vatIdPrinted = printVatId(vatId, random);
  }
  const buyer: Party | null = receipt ? null : { name: drawCompany(locale, random), addressLines: drawAddress(locale, random), vatIdPrinted: null };
  if (buyer && hasVatId(locale.country) && random.chance(0.4)) buyer.vatIdPrinted = printVatId(drawVatId(locale.country, random), random);

  let ibanPrinted: string | null = null;
  if (hasIban(locale.country) && random.chance(receipt ? 0.15 : 0.8)) {
    let iban = drawIban(locale.country, random);
    if (random.chance(options.faultRate)) {
      iban = breakIbanChecksum(iban);
      expectedIssues.push('iban_checksum');
    }
    ibanPrinted = printIban(iban, random.chance(0.7));
  }

  const mark = random.pick(currencyMarks(currency, locale));
  const money: MoneyStyle = {
    number: random.pick(locale.numberStyles),
    currencyMark: mark.mark,
    position: random.chance(0.15) ? 'none' : mark.position,
    negative: locale.language === 'en' && random.chance(0.4) ? 'parentheses' : random.chance(0.1) ? 'trailing-minus' : 'minus',
    spaceChar: random.pick(SPACE_CHARACTERS),
  };
  const dateStyle = random.pick(locale.dateStyles);
  const chosen = new Map<string, string>();
  const labelChoice = (key: keyof typeof LABELS.en): string => {
    const options = labels[key];
    if (!Array.isArray(options)) return options;
    const existing = chosen.get(key);
    if (existing) return existing;
    const value = random.pick(options);
    chosen.set(key, value);
    return value;
  };
  // Choose every label now, so rendering order never changes the random stream.
  for (const key of Object.keys(labels) as (keyof typeof LABELS.en)[]) labelChoice(key);

  return {
    id,
    layout: options.layout,
    locale,
    creditNote,
    seller,
    buyer,
    invoiceNumber: drawInvoiceNumber(locale, issue, random, creditNote),
    issueDate: issue.toISODate() ?? '',
    dueDate,
    purchaseOrder: !receipt && random.chance(0.45) ? drawPurchaseOrder(random) : null,
    customerNumber: !receipt && random.chance(0.4) ? random.digits(random.int(4, 7)) : null,
    currency,
    lines,
    taxGroups,
    net,
    tax,
    gross,
    prepaid,
    amountDue,
    ibanPrinted,
    bic: ibanPrinted && random.chance(0.6) ? `${random.letters(4)}${locale.country}${random.letters(2)}${random.chance(0.5) ? random.letters(3) : ''}` : null,
    money,
    dateStyle,
    totalTaxRow: taxGroups.length > 1 && random.chance(0.5),
    currencyLine: money.position === 'none' || ['$', 'kr', 'Fr.'].includes(money.currencyMark) || random.chance(0.2),
    paymentDays,
    labelChoice,
    expectedIssues,
    phone: `+${DIALLING_CODES[locale.country] ?? '1'} ${random.int(20, 99)} ${random.digits(3)} ${random.digits(4)}`,
    font: random.pick(['sans', 'sans', 'serif', 'mono', 'condensed'] as const),
  };
}
