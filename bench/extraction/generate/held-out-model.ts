import type { DateTime } from 'luxon';
import { DateTime as LuxonDateTime } from 'luxon';
import type { Language } from './labels';
import { drawInvoice, type InvoiceDocument } from './invoice-model';
import type { PrintedRow } from './printed-text';
import { SeededRandom } from './random';

/**
 * The held-out corpus: layout families, label variants and number shapes that the development corpus does not
 * have, drawn with their own seed. It was written before the rules it measures were tuned and is only scored,
 * never studied: keep its documents and its error dumps away from whoever writes extraction rules.
 */
export const HELD_OUT_LAYOUTS = ['header-table', 'sidebar', 'letter', 'title-number'] as const;
export type HeldOutLayoutName = (typeof HELD_OUT_LAYOUTS)[number];
export const DEFAULT_HELD_OUT_SEED = 90210;

/** Labels of the held-out corpus: other spellings people print for the fields a confuser sits next to. */
interface HeldOutLabels {
  invoiceNumber: string[];
  creditNumber: string[];
  purchaseOrder: string[];
  customerNumber: string[];
  seller: string[];
  vatId: string[];
  /** References that are not the invoice number but look like one (delivery note, contract, project). */
  deliveryNote: string[];
  contract: string[];
}

const HELD_OUT_LABELS: Record<Language, HeldOutLabels> = {
  en: {
    invoiceNumber: ['Invoice Ref.', 'Our invoice no.', 'Bill No.', 'Invoice No:', 'Inv #', 'Document No.', 'Invoice Number'],
    creditNumber: ['Credit No.', 'Credit memo no.', 'Credit Note Ref.'],
    purchaseOrder: ['Customer PO', 'PO Ref.', 'Order No.', 'Your Ref.', 'Purchase order no.'],
    customerNumber: ['Account No.', 'Client ID', 'Customer Ref.', 'Customer No.'],
    seller: ['Supplier', 'Issued by', 'Vendor', 'Remit to'],
    vatId: ['VAT Reg No', 'VAT Registration No.', 'VAT'],
    deliveryNote: ['Delivery Note No.', 'Packing slip #', 'Despatch note'],
    contract: ['Contract No.', 'Project No.', 'Job No.'],
  },
  de: {
    invoiceNumber: ['Rechnungs-Nummer', 'RG-Nr.', 'Rechnung-Nr.', 'Rechnungsnr.', 'Beleg-Nummer', 'Nummer', 'Rechnungsnummer'],
    creditNumber: ['Gutschrift Nr.', 'Korrekturbeleg-Nr.', 'Gutschrifts-Nr.'],
    purchaseOrder: ['Ihre Bestellnr.', 'Auftragsnummer', 'Ihr Auftrag', 'Bestellnummer Kunde'],
    customerNumber: ['Kunden-Nr.', 'Kd.-Nr.', 'Debitoren-Nr.', 'Ihre Kundennummer'],
    seller: ['Rechnungssteller', 'Anbieter', 'Auftragnehmer'],
    vatId: ['USt-IdNr', 'Ust.-ID-Nr.', 'USt-ID-Nr.'],
    deliveryNote: ['Lieferschein-Nr.', 'Lieferscheinnummer'],
    contract: ['Projekt-Nr.', 'Vertragsnummer', 'Auftragsbestätigung'],
  },
  fr: {
    invoiceNumber: ['N° facture', 'Facture numéro', 'No facture', 'Numéro', 'N° de facture', 'Facture N°'],
    creditNumber: ['Avoir N°', 'Numéro avoir'],
    purchaseOrder: ['Réf. commande client', 'Commande n°', 'Votre réf.'],
    customerNumber: ['Code client', 'N° de client', 'Compte client'],
    seller: ['Émis par', 'Prestataire', 'Fournisseur'],
    vatId: ['TVA Intra.', 'N° TVA Intracom.', 'Identifiant TVA'],
    deliveryNote: ['Bon de livraison', 'N° BL'],
    contract: ['N° de contrat', 'Affaire n°'],
  },
  nl: {
    invoiceNumber: ['Factuur nummer', 'Factuurnr', 'Nr. factuur', 'Factuurnummer', 'Factuur'],
    creditNumber: ['Creditnota nummer', 'Creditfactuurnr.'],
    purchaseOrder: ['Uw ordernummer', 'Inkooporder', 'Bestelnummer'],
    customerNumber: ['Klantnr.', 'Debiteurnummer', 'Relatienummer'],
    seller: ['Verkoper', 'Leverancier'],
    vatId: ['BTW-nr', 'Btw-identificatienummer', 'BTW'],
    deliveryNote: ['Pakbonnummer', 'Leverbon nr.'],
    contract: ['Contractnummer', 'Projectnummer'],
  },
  es: {
    invoiceNumber: ['Nº factura', 'Núm. factura', 'Factura número', 'N.º de factura', 'Número', 'Nº de factura'],
    creditNumber: ['Nº rectificativa', 'Factura rectificativa nº'],
    purchaseOrder: ['Nº pedido', 'Referencia pedido', 'Su referencia'],
    customerNumber: ['Nº cliente', 'Cód. cliente'],
    seller: ['Vendedor', 'Emitido por'],
    vatId: ['NIF', 'CIF', 'N.I.F.'],
    deliveryNote: ['Albarán nº', 'Nº albarán'],
    contract: ['Nº contrato', 'Nº proyecto'],
  },
  it: {
    invoiceNumber: ['Numero fattura', 'Fatt. n.', 'N. documento', 'Nr. fattura', 'Documento n.', 'Fattura N.'],
    creditNumber: ['Nota credito n.', 'N. nota di credito'],
    purchaseOrder: ['Vs. rif.', 'Ordine cliente n.', 'Rif. Vs. ordine'],
    customerNumber: ['Cod. cliente', 'Codice cliente', 'Cliente n.'],
    seller: ['Cedente', 'Venditore'],
    vatId: ['P.IVA', 'P.IVA/C.F.', 'Partita IVA'],
    deliveryNote: ['DDT n.', 'Documento di trasporto n.'],
    contract: ['Contratto n.', 'Commessa n.'],
  },
  pl: {
    invoiceNumber: ['Nr faktury', 'Numer dokumentu', 'Faktura VAT nr', 'Nr dokumentu', 'Faktura numer'],
    creditNumber: ['Korekta nr', 'Nr faktury korygującej'],
    purchaseOrder: ['Nr zamówienia klienta', 'Zamówienie nr', 'Nr zlecenia'],
    customerNumber: ['Nr klienta', 'Kod kontrahenta', 'Id klienta'],
    seller: ['Sprzedawca', 'Dostawca'],
    vatId: ['NIP', 'NIP-UE', 'NIP UE'],
    deliveryNote: ['Nr WZ', 'Dokument WZ nr'],
    contract: ['Nr umowy', 'Umowa nr'],
  },
};

/** An invoice of the held-out corpus: the common model plus what only these layouts print. */
export interface HeldOutInvoice extends Omit<InvoiceDocument, 'layout'> {
  layout: HeldOutLayoutName;
  /** Other references printed among the header fields, in reading order with them. */
  otherReferences: PrintedRow[];
  /** Where the other references go among the meta rows (index into the rows after the number). */
  referencesAt: number;
  /** Letter layout: a short brand printed above everything (the legal name is in the footer only). */
  brand: string | null;
}

/** Number shapes of the held-out corpus (the development corpus has others): spaced, slashed, zero-padded, hashed. */
function drawHeldOutNumber(issue: DateTime, random: SeededRandom, credit: boolean): string {
  const year = issue.year;
  const patterns = [
    () => `${year}-${String(random.int(1, 9999)).padStart(4, '0')}`,
    () => `${credit ? 'GS' : 'RG'} ${year} ${String(random.int(1, 9999)).padStart(4, '0')}`,
    () => `SI-${random.digits(6)}`,
    () => `${random.letters(2)}${String(year).slice(2)}${random.digits(5)}`,
    () => `${random.int(1, 999)}/${year}`,
    () => `000${random.int(10000, 99999)}`,
    () => `${issue.toFormat('yyMM')}-${random.int(100, 999)}`,
    () => `FA/${year}/${issue.toFormat('MM')}/${random.int(1, 999)}`,
    () => `${random.letters(3)}-${random.digits(3)}-${random.digits(4)}`,
    () => `${random.int(10000, 99999)}`,
  ];
  return random.pick(patterns)();
}

/** The held-out invoice behind document `index`: depends on nothing but the seed and the index. */
export function drawHeldOutInvoice(seed: number, index: number): HeldOutInvoice {
  const layout = HELD_OUT_LAYOUTS[index % HELD_OUT_LAYOUTS.length];
  const base = drawInvoice(`h${String(index).padStart(4, '0')}-${layout}`, SeededRandom.forDocument(seed, index), { layout: 'letterhead', faultRate: 0.05 });
  // A second stream for what is held-out only, so the common draw stays what drawInvoice makes of the seed.
  const random = SeededRandom.forDocument(seed ^ 0x40d0, index);
  const labels = HELD_OUT_LABELS[base.locale.language];
  const chosen = new Map<string, string>();
  for (const key of Object.keys(labels) as (keyof HeldOutLabels)[]) chosen.set(key, random.pick(labels[key]));
  const labelChoice: InvoiceDocument['labelChoice'] = (key) => chosen.get(key) ?? base.labelChoice(key);
  const issue = LuxonDateTime.fromISO(base.issueDate, { zone: 'UTC' });
  const otherReferences: PrintedRow[] = [];
  if (random.chance(0.45)) otherReferences.push({ label: chosen.get('deliveryNote')!, value: random.pick([() => `LS-${issue.year}-${random.digits(4)}`, () => random.digits(6), () => `${random.letters(2)}${random.digits(5)}`])() });
  if (random.chance(0.3)) otherReferences.push({ label: chosen.get('contract')!, value: random.pick([() => `K-${random.digits(5)}`, () => `${issue.year}-${random.digits(3)}`, () => random.digits(7)])() });
  const customerNumber = base.customerNumber ?? (random.chance(0.4) ? random.pick([() => random.digits(5), () => `C-${random.digits(5)}`, () => `${random.letters(1)}${random.digits(6)}`])() : null);
  const stem = base.seller.name.split(/\s+/)[0];
  return {
    ...base,
    layout,
    invoiceNumber: drawHeldOutNumber(issue, random, base.creditNote),
    customerNumber,
    labelChoice,
    otherReferences,
    referencesAt: random.int(0, 3),
    brand: layout === 'letter' && random.chance(0.5) && stem.length >= 4 ? stem.toUpperCase() : null,
  };
}
