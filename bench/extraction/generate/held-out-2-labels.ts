import type { Language } from './labels';

/** Labels only this corpus prints (variants per language as seen on invoices, not taken from any extractor). */
export interface ChargeLabels {
  invoiceNumber: string[];
  creditNumber: string[];
  /** Sum of the line amounts before discount and shipping. */
  goodsTotal: string[];
  discount: string[];
  shipping: string[];
  /** The taxable amount after discount and shipping. */
  net: string[];
  /** Heading of the top box that shows what to pay. */
  payBox: string[];
  originalInvoice: string[];
  creditReason: string[];
  deposit: string[];
  slip: string[];
  reference: string[];
  amount: string[];
}

export const CHARGE_LABELS: Record<Language, ChargeLabels> = {
  en: {
    invoiceNumber: ['Invoice No.', 'Invoice number', 'Invoice ID', 'Inv. no.', 'Invoice #'],
    creditNumber: ['Credit note no.', 'Credit No.', 'Credit memo number'],
    goodsTotal: ['Subtotal', 'Goods total', 'Items total'],
    discount: ['Discount {p}%', 'Less {p}% discount', 'Trade discount {p}%'],
    shipping: ['Shipping', 'Freight', 'Delivery & handling'],
    net: ['Net total', 'Total excl. VAT', 'Taxable amount'],
    payBox: ['Amount due', 'Total payable', 'Please pay'],
    originalInvoice: ['Original invoice', 'Relates to invoice', 'Credit against invoice'],
    creditReason: ['Credit for returned goods.', 'Price adjustment as agreed.', 'Cancellation of the invoice below.'],
    deposit: ['Less deposit paid', 'Advance payment received', 'Paid on {date}'],
    slip: ['Payment slip', 'Remittance advice'],
    reference: ['Payment reference', 'Reference'],
    amount: ['Amount', 'Amount enclosed'],
  },
  de: {
    invoiceNumber: ['Rechnungsnummer', 'Rechnungs-Nr.', 'Rg.-Nr.', 'Belegnummer', 'Re-Nr.'],
    creditNumber: ['Gutschrift-Nr.', 'Gutschriftsnummer', 'Korrektur-Nr.'],
    goodsTotal: ['Warenwert', 'Zwischensumme', 'Summe Positionen'],
    discount: ['Rabatt {p} %', 'abzgl. {p}% Rabatt', 'Nachlass {p}%'],
    shipping: ['Versandkosten', 'Fracht', 'Verpackung und Versand'],
    net: ['Nettobetrag', 'Summe netto', 'Gesamt netto'],
    payBox: ['Zahlbetrag', 'Zu zahlen', 'Rechnungsbetrag'],
    originalInvoice: ['Bezug Rechnung Nr.', 'zu Rechnung', 'Ursprungsrechnung'],
    creditReason: ['Gutschrift für Warenrücksendung.', 'Preisnachlass wie vereinbart.', 'Storno der unten genannten Rechnung.'],
    deposit: ['abzüglich Anzahlung', 'bereits geleistete Anzahlung', 'Anzahlung vom {date}'],
    slip: ['Überweisungsträger', 'Zahlschein'],
    reference: ['Verwendungszweck', 'Zahlungsreferenz'],
    amount: ['Betrag', 'Überweisungsbetrag'],
  },
  fr: {
    invoiceNumber: ['Facture n°', 'N° facture', 'Numéro de facture', 'N° de pièce'],
    creditNumber: ['Avoir n°', "Numéro d'avoir"],
    goodsTotal: ['Sous-total', 'Total articles', 'Total marchandises'],
    discount: ['Remise {p} %', 'Remise commerciale {p}%'],
    shipping: ['Frais de port', 'Frais de livraison', 'Transport'],
    net: ['Total HT', 'Montant HT', 'Total hors taxes'],
    payBox: ['Net à payer', 'Montant à régler', 'Total à payer'],
    originalInvoice: ["Facture d'origine", 'Réf. facture initiale', 'Annule et remplace la facture'],
    creditReason: ['Avoir pour retour de marchandise.', 'Geste commercial.', 'Annulation de la facture ci-dessous.'],
    deposit: ['Acompte versé', 'Acompte reçu le {date}', 'Déjà réglé'],
    slip: ['Talon de paiement', 'Bulletin de versement'],
    reference: ['Référence de paiement', 'Référence'],
    amount: ['Montant', 'Montant réglé'],
  },
  nl: {
    invoiceNumber: ['Factuurnummer', 'Factuurnr.', 'Factuur nr.', 'Referentie'],
    creditNumber: ['Creditnotanummer', 'Creditnota nr.'],
    goodsTotal: ['Subtotaal', 'Totaal artikelen', 'Goederenwaarde'],
    discount: ['Korting {p}%', 'Af: {p}% korting'],
    shipping: ['Verzendkosten', 'Vracht', 'Bezorgkosten'],
    net: ['Totaal excl. btw', 'Netto bedrag', 'Bedrag excl. BTW'],
    payBox: ['Te betalen', 'Totaal te betalen', 'Openstaand'],
    originalInvoice: ['Betreft factuur', 'Oorspronkelijke factuur', 'Creditering van factuur'],
    creditReason: ['Creditering wegens retour.', 'Prijscorrectie zoals afgesproken.'],
    deposit: ['Reeds betaald', 'Aanbetaling ontvangen', 'Vooruitbetaling {date}'],
    slip: ['Acceptgiro', 'Betaalstrook'],
    reference: ['Betalingskenmerk', 'Omschrijving'],
    amount: ['Bedrag', 'Te betalen bedrag'],
  },
  es: {
    invoiceNumber: ['Nº factura', 'Número de factura', 'Factura nº', 'Nº documento'],
    creditNumber: ['Nº rectificativa', 'Nº de abono', 'Rectificativa nº'],
    goodsTotal: ['Suma', 'Subtotal', 'Total artículos'],
    discount: ['Descuento {p}%', 'Dto. {p}%'],
    shipping: ['Gastos de envío', 'Portes', 'Transporte'],
    net: ['Base imponible', 'Total sin IVA', 'Importe neto'],
    payBox: ['Total a pagar', 'Importe a pagar', 'A pagar'],
    originalInvoice: ['Factura rectificada', 'Factura original nº', 'Rectifica a la factura'],
    creditReason: ['Abono por devolución de mercancía.', 'Rectificación de precio acordada.'],
    deposit: ['Anticipo recibido', 'Entregado a cuenta', 'Pagado el {date}'],
    slip: ['Justificante de pago', 'Resguardo de pago'],
    reference: ['Concepto', 'Referencia de pago'],
    amount: ['Importe', 'Importe ingresado'],
  },
  it: {
    invoiceNumber: ['Numero fattura', 'Fattura n°', 'N. fattura', 'Num. documento'],
    creditNumber: ['Nota di credito n°', 'N. nota credito'],
    goodsTotal: ['Totale merce', 'Subtotale', 'Totale righe'],
    discount: ['Sconto {p}%', 'Sconto incondizionato {p}%'],
    shipping: ['Spese di spedizione', 'Trasporto', 'Spese di consegna'],
    net: ['Imponibile', 'Totale imponibile', 'Totale netto'],
    payBox: ['Totale da pagare', 'Netto a pagare', 'Importo dovuto'],
    originalInvoice: ['Rif. fattura n.', 'Fattura di riferimento', 'Storno fattura'],
    creditReason: ['Nota di credito per reso merce.', 'Rettifica prezzo concordata.'],
    deposit: ['Acconto versato', 'Acconto ricevuto il {date}', 'Già pagato'],
    slip: ['Distinta di pagamento', 'Cedola di pagamento'],
    reference: ['Causale', 'Riferimento pagamento'],
    amount: ['Importo', 'Importo versato'],
  },
  pl: {
    invoiceNumber: ['Nr faktury', 'Numer faktury', 'Faktura nr', 'Nr dokumentu'],
    creditNumber: ['Korekta nr', 'Nr faktury korygującej'],
    goodsTotal: ['Suma pozycji', 'Razem pozycje', 'Wartość towarów'],
    discount: ['Rabat {p}%', 'Upust {p}%'],
    shipping: ['Koszty wysyłki', 'Transport', 'Dostawa'],
    net: ['Razem netto', 'Wartość netto', 'Suma netto'],
    payBox: ['Do zapłaty', 'Kwota do zapłaty', 'Razem do zapłaty'],
    originalInvoice: ['Dotyczy faktury nr', 'Faktura korygowana nr', 'Do faktury'],
    creditReason: ['Korekta z tytułu zwrotu towaru.', 'Obniżka ceny zgodnie z ustaleniami.'],
    deposit: ['Zaliczka wpłacona', 'Zapłacono zaliczką', 'Wpłata z dnia {date}'],
    slip: ['Polecenie przelewu', 'Dowód wpłaty'],
    reference: ['Tytułem', 'Tytuł przelewu'],
    amount: ['Kwota', 'Kwota przelewu'],
  },
};
