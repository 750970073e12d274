import { DateTime } from 'luxon';
import { printIban } from './identifiers';
import { drawParty, type DrawnParty } from './held-out-4-sellers';
import { drawInvoice, type InvoiceDocument } from './invoice-model';
import type { Language } from './labels';
import { SeededRandom } from './random';

/**
 * The fourth held-out corpus: sellers drawn from company registers of many European countries with their real
 * legal forms (held-out-4-sellers.ts), sole traders without one, brands set as logos in odd fonts, the seller named
 * only in the footer, names broken over two lines, "c/o" and department lines, the buyer's block above the
 * seller's, and invoice numbers presented in ways no earlier corpus printed. Written before the vendor-name rules
 * it measures: score only, never study its documents or errors.
 */
export const HELD_OUT_4_LAYOUTS = ['logo-masthead', 'buyer-window-first', 'footer-seller', 'split-name-header'] as const;
export type HeldOut4LayoutName = (typeof HELD_OUT_4_LAYOUTS)[number];
export const DEFAULT_HELD_OUT_4_SEED = 31415;

export interface HeldOut4Invoice extends Omit<InvoiceDocument, 'layout'> {
  layout: HeldOut4LayoutName;
  sellerParty: DrawnParty;
  buyerParty: DrawnParty;
  /** Printed above the seller's address: a department, then a "c/o" line (either may be absent). */
  department: string | null;
  careOf: string | null;
  /** The brand set as a logo, in one of the odd fonts, or null. */
  logo: { text: string; font: string; spacing: number } | null;
  /** How the number is presented: a labelled row, a box, a title with it, or a sentence. */
  numberStyle: 'row' | 'box' | 'title' | 'sentence';
  numberLabel: string;
  /** The sentence form: `{n}` the number. */
  numberSentence: string;
  /** Layout choices: the legal name under the logo (else only in the footer), a heading over the seller's block, a footer company line. */
  variant: { nameUnderLogo: boolean; sellerHeading: boolean; footerLine: boolean };
}

const NUMBER_LABELS: Record<Language, string[]> = {
  en: ['Invoice ID', 'Invoice Ref', 'Our Ref. / Invoice', 'Invoice No', 'Number', 'Inv #', 'Bill number'],
  de: ['Rechnungs-ID', 'Unsere Rechnungsnr.', 'RechnungsNr', 'Nummer', 'Rg.-Nr', 'Beleg'],
  fr: ['Référence facture', 'Facture no', 'N° pièce', 'Numéro', 'Réf.', 'N° de document'],
  nl: ['Factuur ID', 'Ons factuurnummer', 'Nummer', 'Fact. nr', 'Referentie factuur'],
  es: ['Ref. factura', 'Factura núm.', 'Número', 'Serie/Número', 'Nº de factura'],
  it: ['Rif. fattura', 'Numero documento', 'N. fatt.', 'Fattura num.', 'Numero'],
  pl: ['Nr dokumentu', 'Numer faktury', 'Faktura nr', 'Nr fakt.', 'Numer'],
};
const NUMBER_SENTENCES: Record<Language, string[]> = {
  en: ['Please quote invoice {n} with your payment.', 'We hereby invoice you under number {n}:'],
  de: ['Bitte geben Sie bei Zahlung die Rechnungsnummer {n} an.', 'Wir berechnen Ihnen unter der Nummer {n}:'],
  fr: ['Merci de rappeler la facture {n} lors du règlement.', 'Nous vous facturons sous le numéro {n} :'],
  nl: ['Vermeld bij betaling factuurnummer {n}.', 'Wij factureren u onder nummer {n}:'],
  es: ['Indique la factura {n} en su pago.', 'Le facturamos con el número {n}:'],
  it: ['Indicare la fattura {n} nel pagamento.', 'Vi addebitiamo con il numero {n}:'],
  pl: ['Prosimy o podanie numeru faktury {n} w tytule przelewu.', 'Wystawiamy fakturę o numerze {n}:'],
};
const DEPARTMENTS: Record<Language, string[]> = {
  en: ['Accounts Receivable', 'Billing Department', 'Finance Dept.'],
  de: ['Abteilung Buchhaltung', 'Debitorenbuchhaltung', 'Rechnungswesen'],
  fr: ['Service comptabilité', 'Direction financière'],
  nl: ['Afdeling Debiteuren', 'Financiële administratie'],
  es: ['Departamento de facturación', 'Administración'],
  it: ['Ufficio amministrazione', 'Reparto contabilità'],
  pl: ['Dział księgowości', 'Dział rozliczeń'],
};
const CARE_OF = ['c/o Regus Business Centre', 'c/o Spaces Coworking', 'c/o WeWork', 'c/o Treuhandbüro Frei', 'c/o Accountancy Partners', 'c/o Mailbox 24'];
const LOGO_FONTS = ['DejaVuSerif-BoldItalic.ttf', 'DejaVuSansMono-Bold.ttf', 'DejaVuSansCondensed-BoldOblique.ttf', 'DejaVuSans-ExtraLight.ttf', 'DejaVuSerifCondensed-Italic.ttf'];

function ownNumber(issue: DateTime, random: SeededRandom): string {
  const year = issue.year;
  const short = String(year).slice(2);
  const patterns = [
    () => `${random.int(1, 9)}${random.digits(3)}/${short}`,
    () => `INV.${year}.${random.digits(5)}`,
    () => `${random.letters(3)}-${random.digits(4)}-${short}`,
    () => `F${short}${issue.toFormat('MM')}${random.digits(4)}`,
    () => `${year}-${random.digits(2)}-${random.digits(5)}`,
    () => `N${random.digits(6)}`,
    () => `${random.digits(3)}-${random.digits(3)}-${random.digits(3)}`,
    () => `FA/${random.digits(4)}/${year}/${random.letters(1)}`,
    () => `${random.letters(1)}${random.digits(8)}`,
    () => `${short}${random.digits(6)}`,
  ];
  return random.pick(patterns)();
}

/** The invoice behind document `index` of the fourth held-out corpus: depends on nothing but the seed and the index. */
export function drawHeldOut4Invoice(seed: number, index: number): HeldOut4Invoice {
  const layout = HELD_OUT_4_LAYOUTS[index % HELD_OUT_4_LAYOUTS.length];
  const base = drawInvoice(`q${String(index).padStart(4, '0')}-${layout}`, SeededRandom.forDocument(seed, index), { layout: 'letterhead', faultRate: 0.03 });
  const random = SeededRandom.forDocument(seed ^ 0x4d2b, index);
  const language = base.locale.language;
  const sellerParty = drawParty(random, { soleTraderChance: 0.15 });
  let buyerParty = drawParty(random, { soleTraderChance: 0.1 });
  while (buyerParty.name === sellerParty.name) buyerParty = drawParty(random, { soleTraderChance: 0.1 });
  const issue = DateTime.fromISO(base.issueDate, { zone: 'UTC' });
  const number = random.chance(0.5) ? ownNumber(issue, random) : base.invoiceNumber;
  const logo = layout === 'logo-masthead' || (layout === 'footer-seller' && random.chance(0.6)) || random.chance(0.15)
    ? { text: random.chance(0.4) ? sellerParty.brand.toUpperCase() : sellerParty.brand, font: random.pick(LOGO_FONTS), spacing: random.pick([0, 0, 1.5, 3]) }
    : null;
  const ibanPrinted = sellerParty.ibanPrinted ? printIban(sellerParty.ibanPrinted, random.chance(0.7)) : null;
  return {
    ...base,
    layout,
    invoiceNumber: number,
    seller: { name: sellerParty.name, addressLines: sellerParty.addressLines, vatIdPrinted: sellerParty.vatIdPrinted },
    buyer: { name: buyerParty.name, addressLines: buyerParty.addressLines, vatIdPrinted: random.chance(0.4) ? buyerParty.vatIdPrinted : null },
    ibanPrinted,
    bic: null,
    // The drawn ids are all valid: no checksum faults to expect.
    expectedIssues: base.expectedIssues.filter((issue) => issue !== 'iban_checksum' && issue !== 'vat_id_checksum'),
    sellerParty,
    buyerParty,
    department: random.chance(0.3) ? random.pick(DEPARTMENTS[language]) : null,
    careOf: random.chance(0.25) ? random.pick(CARE_OF) : null,
    logo,
    numberStyle: random.pick(['row', 'row', 'box', 'title', 'sentence'] as const),
    numberLabel: random.chance(0.5) ? random.pick(NUMBER_LABELS[language]) : base.labelChoice(base.creditNote ? 'creditNumber' : 'invoiceNumber'),
    numberSentence: random.pick(NUMBER_SENTENCES[language]),
    variant: { nameUnderLogo: random.chance(0.5), sellerHeading: random.chance(0.5), footerLine: random.chance(0.5) },
  };
}
