import type { Language } from './labels';

/**
 * Labels only the third held-out corpus prints: the abbreviations, inflections and several-word titles that
 * accounting packages print in each language, written from how such documents look, not from any extractor's
 * lexicon (issue 4: every round of blind documents so far brought spellings no rule knew).
 */
export interface HeldOut3Labels {
  /** Several-word or qualified titles of an invoice (pro forma, tax, commercial, final, sales invoice…). */
  invoiceTitles: string[];
  /** Titles of credit notes and corrective invoices. */
  creditTitles: string[];
  /** A number word printed between a title and the number ("Rechnung Nr. 2024-17"); '' for none. */
  titleNumberWords: string[];
  /** The invoice's own number. */
  invoiceNumber: string[];
  /** A credit note's or corrective invoice's own number. */
  creditNumber: string[];
  /** The number of the invoice a credit note corrects (a rival number on the page). */
  citedInvoice: string[];
  /** A sentence naming the corrected invoice: `{n}` its number. */
  citingSentence: string[];
  /** Other references printed near the number (rivals that are not the invoice number). */
  otherReference: string[];
}

export const HELD_OUT_3_LABELS: Record<Language, HeldOut3Labels> = {
  en: {
    invoiceTitles: ['Pro Forma Invoice', 'PROFORMA INVOICE', 'Commercial Invoice', 'Sales Invoice', 'TAX INVOICE', 'Final Invoice', 'Invoice / Delivery Note'],
    creditTitles: ['Credit Note', 'CREDIT MEMO', 'Corrective Invoice', 'Credit Invoice'],
    titleNumberWords: ['No.', 'No', '#', 'Nr.', ''],
    invoiceNumber: ['Inv No', 'Invoice Ref.', 'Doc. No.', 'Document number', 'Bill No.', 'Our invoice no.', 'Invoice nr.', 'Proforma No.'],
    creditNumber: ['Credit note #', 'CN No.', 'Credit No', 'Credit memo nr.', 'Document No.'],
    citedInvoice: ['Ref. invoice', 'Against invoice no.', 'Original invoice #', 'Re invoice', 'Corrects invoice'],
    citingSentence: ['This credit note refers to invoice {n}.', 'Credit against our invoice {n}.'],
    otherReference: ['Delivery note no.', 'Your ref.', 'Quote no.'],
  },
  de: {
    invoiceTitles: ['Proforma-Rechnung', 'PROFORMARECHNUNG', 'Schlussrechnung', 'Rechnung / Lieferschein', 'Abschlagsrechnung', 'Handelsrechnung'],
    creditTitles: ['Rechnungskorrektur', 'Stornorechnung', 'Gutschrift', 'Korrekturrechnung'],
    titleNumberWords: ['Nr.', 'Nr', 'Nummer', ''],
    invoiceNumber: ['Rech.-Nr.', 'RG-Nr.', 'Belegnr.', 'Beleg Nr.', 'Rechnungs-Nummer', 'Rg. Nr.', 'Fakturanummer', 'Dokument-Nr.'],
    creditNumber: ['Gutschrifts-Nr.', 'Gutschrift Nr.', 'Storno-Nr.', 'Korrekturbeleg Nr.', 'Beleg-Nummer'],
    citedInvoice: ['zur Rechnung Nr.', 'Bezug: Rechnung', 'Ursprungsbeleg', 'Korrigiert Rechnung', 'Referenz Rechnung'],
    citingSentence: ['Diese Gutschrift bezieht sich auf die Rechnung {n}.', 'Korrektur zu unserer Rechnung {n}.'],
    otherReference: ['Lieferschein-Nr.', 'Ihr Zeichen', 'Angebots-Nr.'],
  },
  fr: {
    invoiceTitles: ['Facture pro forma', 'FACTURE PROFORMA', "Facture d'acompte", 'Facture de solde', 'Facture commerciale'],
    creditTitles: ['Facture rectificative', "Facture d'avoir", 'AVOIR', 'Note de crédit'],
    titleNumberWords: ['n°', 'N°', 'No', 'nº', ''],
    invoiceNumber: ['N° facture', 'No de facture', 'Num. facture', 'Pièce n°', 'Facture numéro', 'N° document', 'Numéro pièce'],
    creditNumber: ["N° de l'avoir", 'Avoir numéro', 'Note de crédit n°', 'N° pièce'],
    citedInvoice: ["Facture d'origine n°", 'Sur facture n°', 'Réf. facture', 'Concerne la facture', 'Rectifie la facture'],
    citingSentence: ['Cet avoir annule la facture {n}.', 'Avoir relatif à notre facture {n}.'],
    otherReference: ['Bon de livraison n°', 'Votre réf.', 'Devis n°'],
  },
  nl: {
    invoiceTitles: ['Pro forma factuur', 'PROFORMA FACTUUR', 'Verkoopfactuur', 'Factuur / Pakbon', 'Eindfactuur'],
    creditTitles: ['Creditfactuur', 'CREDITNOTA', 'Correctiefactuur'],
    titleNumberWords: ['nr.', 'Nr', 'nummer', ''],
    invoiceNumber: ['Fact.nr.', 'Factuurnr', 'Nummer factuur', 'Boekstuknummer', 'Documentnr.', 'Factuur-nr.'],
    creditNumber: ['Creditfactuur nr.', 'Creditnotanr.', 'Creditnr.', 'Nummer creditnota'],
    citedInvoice: ['Betreft factuur nr.', 'Correctie op factuur', 'Oorspr. factuurnr.', 'Ref. factuur'],
    citingSentence: ['Deze creditnota betreft factuur {n}.', 'Creditering van onze factuur {n}.'],
    otherReference: ['Pakbonnr.', 'Uw referentie', 'Offertenr.'],
  },
  es: {
    invoiceTitles: ['Factura proforma', 'FACTURA PROFORMA', 'Factura simplificada', 'Factura de venta', 'Factura comercial'],
    creditTitles: ['Factura rectificativa', 'ABONO', 'Factura de abono', 'Nota de crédito'],
    titleNumberWords: ['nº', 'n.º', 'núm.', 'Nº', ''],
    invoiceNumber: ['N.º de factura', 'Nº Fra.', 'Núm. factura', 'Factura número', 'Nº doc.', 'Número documento'],
    creditNumber: ['Rectificativa número', 'Nº abono', 'Abono nº', 'Núm. rectificativa'],
    citedInvoice: ['Rectifica la factura nº', 'Factura original', 'Ref. factura', 'Factura rectificada nº'],
    citingSentence: ['Esta factura rectifica la factura {n}.', 'Abono de nuestra factura {n}.'],
    otherReference: ['Albarán nº', 'Su referencia', 'Presupuesto nº'],
  },
  it: {
    invoiceTitles: ['Fattura proforma', 'FATTURA PRO FORMA', 'Fattura accompagnatoria', 'Fattura differita', 'Fattura immediata'],
    creditTitles: ['Nota di credito', 'NOTA CREDITO', 'Fattura di storno'],
    titleNumberWords: ['n.', 'nr.', 'N°', 'num.', ''],
    invoiceNumber: ['Fatt. n°', 'Nr. fattura', 'N° documento', 'Numero documento', 'Doc. n.', 'Fattura nr.'],
    creditNumber: ['N.C. n°', 'Nota credito nr.', 'Nota di credito num.', 'Documento n.'],
    citedInvoice: ['Rif. fattura', 'Rettifica fattura n.', 'Storno della fattura n.', 'Fattura di origine'],
    citingSentence: ['La presente nota di credito si riferisce alla fattura {n}.', 'Storno della nostra fattura {n}.'],
    otherReference: ['DDT n.', 'Vs. rif.', 'Preventivo n.'],
  },
  pl: {
    invoiceTitles: ['Faktura VAT', 'FAKTURA PRO FORMA', 'Faktura proforma', 'Faktura końcowa', 'Faktura zaliczkowa'],
    creditTitles: ['Faktura korygująca', 'KOREKTA FAKTURY', 'Faktura VAT korygująca', 'Nota korygująca'],
    titleNumberWords: ['nr', 'Nr', 'NR', ''],
    invoiceNumber: ['Nr dok.', 'Faktura VAT nr', 'Numer dokumentu', 'Nr fakt.', 'Faktura numer'],
    creditNumber: ['Nr korekty', 'Faktura korygująca nr', 'Korekta numer', 'Numer korekty'],
    citedInvoice: ['Do faktury nr', 'Korygowana faktura', 'Dotyczy faktury', 'Faktura pierwotna nr'],
    citingSentence: ['Korekta dotyczy faktury {n}.', 'Koryguje fakturę {n}.'],
    otherReference: ['WZ nr', 'Zamówienie nr', 'Oferta nr'],
  },
};
