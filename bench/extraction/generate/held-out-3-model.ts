import { composeIBAN, isValidIBAN } from 'ibantools';
import { DateTime } from 'luxon';
import { HELD_OUT_3_LABELS, type HeldOut3Labels } from './held-out-3-labels';
import { drawInvoice, type InvoiceDocument, type Party } from './invoice-model';
import { isValidVatId, printIban } from './identifiers';
import { SeededRandom } from './random';

/**
 * The third held-out corpus: documents whose number is named the way accounting packages abbreviate and inflect
 * it (held-out-3-labels.ts), titles of several words, numbers printed only in the title, credit notes and
 * corrective invoices that cite the invoice they correct, pro-forma invoices, and sellers from Sweden, Norway and
 * Denmark who print amounts in "kr" only. Written before the rules it measures: score only, never study.
 */
export const HELD_OUT_3_LAYOUTS = ['number-in-heading', 'header-grid', 'credit-cited', 'side-panel'] as const;
export type HeldOut3LayoutName = (typeof HELD_OUT_3_LAYOUTS)[number];
export const DEFAULT_HELD_OUT_3_SEED = 16180;

export interface HeldOut3Invoice extends Omit<InvoiceDocument, 'layout'> {
  layout: HeldOut3LayoutName;
  /** The title as printed, with the number when `numberInTitle`. */
  heading: string;
  numberInTitle: boolean;
  /** Label of the document's own number (unused when the number is only in the title). */
  numberLabel: string;
  /** Credit notes: the corrected invoice's number, its label and a sentence citing it. */
  cited: { label: string; number: string; sentence: string | null; before: boolean } | null;
  /** A rival reference printed among the header fields. */
  otherReference: { label: string; value: string } | null;
  /** The seller's country when it is a Nordic seller printing amounts in "kr". */
  nordic: 'SE' | 'NO' | 'DK' | null;
}

function ownNumber(issue: DateTime, random: SeededRandom, credit: boolean): string {
  const year = issue.year;
  const month = issue.toFormat('MM');
  const patterns = credit
    ? [
        () => `KOR/${random.int(1, 299)}/${year}`,
        () => `CN-${random.digits(5)}`,
        () => `GS${year}${random.digits(4)}`,
        () => `${year}/K/${random.int(10, 999)}`,
        () => `AV${String(year).slice(2)}-${random.digits(4)}`,
        () => `${random.int(1, 9)}${random.digits(6)}`,
      ]
    : [
        () => `FV/${random.int(1, 999)}/${month}/${year}`,
        () => `${year}/${random.int(1, 9999)}`,
        () => `PF-${year}-${random.digits(4)}`,
        () => `${random.letters(2)}${String(year).slice(2)}${random.digits(5)}`,
        () => `${random.int(1, 9)}${random.digits(random.int(5, 7))}`,
        () => `R${String(year).slice(2)}-${random.digits(4)}`,
        () => `INV-${year}${month}-${random.digits(3)}`,
        () => `FA${year}-${random.digits(5)}`,
      ];
  return random.pick(patterns)();
}

const NORDIC = {
  SE: { currency: 'SEK', forms: ['AB'], cities: ['Stockholm', 'Göteborg', 'Malmö', 'Västerås'], names: ['Sverige', 'Sweden'], streets: ['Sveavägen', 'Vasagatan', 'Hamngatan'], postcode: (r: SeededRandom) => `${r.int(100, 989)} ${r.digits(2)}`, bban: (r: SeededRandom) => r.digits(20), vat: (r: SeededRandom) => `SE${r.digits(10)}01` },
  NO: { currency: 'NOK', forms: ['AS', 'ASA'], cities: ['Oslo', 'Bergen', 'Trondheim', 'Stavanger'], names: ['Norge', 'Norway'], streets: ['Karl Johans gate', 'Storgata', 'Bryggen'], postcode: (r: SeededRandom) => r.digits(4), bban: (r: SeededRandom) => r.digits(11), vat: (r: SeededRandom) => `NO${r.digits(9)}MVA` },
  DK: { currency: 'DKK', forms: ['ApS', 'A/S'], cities: ['København', 'Aarhus', 'Odense', 'Aalborg'], names: ['Danmark', 'Denmark'], streets: ['Vesterbrogade', 'Strøget', 'Nørregade'], postcode: (r: SeededRandom) => `${r.int(1000, 9990)}`, bban: (r: SeededRandom) => r.digits(14), vat: (r: SeededRandom) => `DK${r.int(1, 9)}${r.digits(7)}` },
} as const;
const STEMS = ['Lindholm', 'Fjordvik', 'Solberg', 'Havnø', 'Bjerke', 'Skogås', 'Vestergaard', 'Ekholm'];
const TRADES = ['Teknik', 'Konsult', 'Data', 'Logistik', 'Design', 'Maskin'];

function drawUntil<T>(draw: () => T, valid: (value: T) => boolean): T {
  for (let attempt = 0; attempt < 20000; attempt += 1) {
    const value = draw();
    if (valid(value)) return value;
  }
  throw new Error('no valid draw');
}

/** A seller from Sweden, Norway or Denmark billing in its own krona/krone, printed "kr" (or "kr.") with no code. */
function asNordic(invoice: HeldOut3Invoice, random: SeededRandom): HeldOut3Invoice {
  const country = random.pick(['SE', 'NO', 'DK'] as const);
  const nordic = NORDIC[country];
  const seller: Party = {
    name: `${random.pick(STEMS)} ${random.pick(TRADES)} ${random.pick(nordic.forms)}`,
    addressLines: [`${random.pick(nordic.streets)} ${random.int(1, 140)}`, `${nordic.postcode(random)} ${random.pick(nordic.cities)}`, ...(random.chance(0.5) ? [random.pick(nordic.names)] : [])],
    vatIdPrinted: random.chance(0.6) ? drawUntil(() => nordic.vat(random), isValidVatId) : null,
  };
  const iban = random.chance(0.6)
    ? drawUntil(() => composeIBAN({ countryCode: country, bban: nordic.bban(random) }), (value) => value !== null && value !== undefined && isValidIBAN(value))!
    : null;
  const mark = country === 'DK' && random.chance(0.5) ? 'kr.' : 'kr';
  const position = country === 'NO' && random.chance(0.5) ? 'before' : 'after';
  return {
    ...invoice,
    nordic: country,
    seller,
    currency: nordic.currency,
    ibanPrinted: iban ? printIban(iban, random.chance(0.7)) : null,
    bic: null,
    expectedIssues: invoice.expectedIssues.filter((issue) => issue !== 'iban_checksum' && issue !== 'vat_id_checksum'),
    money: { ...invoice.money, number: random.pick(['space-comma', 'dot-comma'] as const), currencyMark: mark, position, spaceChar: ' ' },
    // Only the mark: the code is printed in a currency row on a third of them.
    currencyLine: random.chance(0.3),
  };
}

/** The invoice behind document `index` of the third held-out corpus: depends on nothing but the seed and the index. */
export function drawHeldOut3Invoice(seed: number, index: number): HeldOut3Invoice {
  const layout = HELD_OUT_3_LAYOUTS[index % HELD_OUT_3_LAYOUTS.length];
  const base = drawInvoice(`t${String(index).padStart(4, '0')}-${layout}`, SeededRandom.forDocument(seed, index), { layout: 'letterhead', faultRate: 0.03 });
  const random = SeededRandom.forDocument(seed ^ 0x3c1f, index);
  const labels: HeldOut3Labels = HELD_OUT_3_LABELS[base.locale.language];
  const issue = DateTime.fromISO(base.issueDate, { zone: 'UTC' });
  const credit = layout === 'credit-cited' || base.creditNote;
  const number = ownNumber(issue, random, credit);
  const numberInTitle = layout === 'number-in-heading' || (layout === 'credit-cited' && random.chance(0.3));
  const titleWord = random.pick(credit ? labels.creditTitles : labels.invoiceTitles);
  const numberWord = random.pick(labels.titleNumberWords);
  const heading = numberInTitle ? [titleWord, numberWord, number].filter(Boolean).join(' ') : titleWord;
  const citedNumber = ownNumber(issue.minus({ days: random.int(10, 90) }), random, false);
  const citedSentence = random.pick(labels.citingSentence).replace('{n}', citedNumber);
  let invoice: HeldOut3Invoice = {
    ...base,
    layout,
    creditNote: credit,
    invoiceNumber: number,
    heading,
    numberInTitle,
    numberLabel: random.pick(credit ? labels.creditNumber : labels.invoiceNumber),
    cited: credit ? { label: random.pick(labels.citedInvoice), number: citedNumber, sentence: random.chance(0.5) ? citedSentence : null, before: random.chance(0.5) } : null,
    otherReference: random.chance(0.4) ? { label: random.pick(labels.otherReference), value: `${random.letters(2)}-${random.digits(5)}` } : null,
    nordic: null,
  };
  if (credit && !base.creditNote) invoice = asCredit(invoice);
  if (base.locale.country === 'SE' || ((base.locale.language === 'en' || base.locale.language === 'de') && random.chance(0.3))) invoice = asNordic(invoice, random);
  return invoice;
}

/** Every amount negative; no prepayment. */
function asCredit(invoice: HeldOut3Invoice): HeldOut3Invoice {
  return {
    ...invoice,
    lines: invoice.lines.map((line) => ({ ...line, unitPrice: line.unitPrice.negated(), amount: line.amount.negated() })),
    taxGroups: invoice.taxGroups.map((group) => ({ ...group, base: group.base.negated(), tax: group.tax.negated() })),
    net: invoice.net.negated(),
    tax: invoice.tax.negated(),
    gross: invoice.gross.negated(),
    prepaid: null,
    amountDue: invoice.amountDue ? invoice.gross.negated() : null,
  };
}
