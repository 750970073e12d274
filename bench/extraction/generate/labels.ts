/**
 * Printed labels per language, several variants each, as they appear on real invoices (written from
 * knowledge of invoices in each language, not from any extractor's rules). `{rate}` and `{n}`/`{m}`/`{d}`
 * are filled in when rendering.
 */
export const LANGUAGES = ['en', 'de', 'fr', 'nl', 'es', 'it', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface LabelSet {
  invoiceTitle: string[];
  creditTitle: string[];
  invoiceNumber: string[];
  creditNumber: string[];
  issueDate: string[];
  dueDate: string[];
  purchaseOrder: string[];
  customer: string[];
  seller: string[];
  vatId: string[];
  iban: string[];
  bic: string[];
  net: string[];
  tax: string[];
  totalTax: string[];
  gross: string[];
  amountDue: string[];
  prepaid: string[];
  currency: string[];
  description: string[];
  quantity: string[];
  unitPrice: string[];
  amount: string[];
  taxRate: string[];
  page: string;
  carriedForward: string[];
  continued: string;
  bank: string[];
  terms: string[];
  thanks: string[];
  phone: string;
  customerNumber: string[];
}

export const LABELS: Record<Language, LabelSet> = {
  en: {
    invoiceTitle: ['INVOICE', 'Invoice', 'Tax Invoice', 'VAT INVOICE'],
    creditTitle: ['CREDIT NOTE', 'Credit Note', 'Credit Memo'],
    invoiceNumber: ['Invoice No.', 'Invoice Number', 'Invoice #', 'Invoice no:', 'Inv. No.'],
    creditNumber: ['Credit Note No.', 'Credit Memo #', 'Credit note number'],
    issueDate: ['Invoice Date', 'Date', 'Date of issue', 'Issue date', 'Invoice date'],
    dueDate: ['Due Date', 'Payment due', 'Due by', 'Pay by'],
    purchaseOrder: ['PO Number', 'Purchase Order', 'Your order no.', 'Order ref.', 'P.O. #'],
    customer: ['Bill To', 'Invoice to', 'Customer', 'Sold to'],
    seller: ['From', 'Supplier', 'Seller'],
    vatId: ['VAT No.', 'VAT Reg. No.', 'VAT ID', 'VAT number'],
    iban: ['IBAN'],
    bic: ['BIC', 'SWIFT', 'SWIFT/BIC'],
    net: ['Subtotal', 'Net amount', 'Total excl. VAT', 'Net total'],
    tax: ['VAT', 'Tax', 'VAT {rate}%', 'Sales tax'],
    totalTax: ['Total VAT', 'VAT total', 'Total tax'],
    gross: ['Total', 'Total incl. VAT', 'Invoice total', 'Grand total', 'TOTAL'],
    amountDue: ['Amount due', 'Balance due', 'Amount payable', 'Please pay'],
    prepaid: ['Less deposit paid', 'Payments received', 'Paid on account'],
    currency: ['Currency', 'Amounts in'],
    description: ['Description', 'Item', 'Service'],
    quantity: ['Qty', 'Quantity', 'Units'],
    unitPrice: ['Unit price', 'Rate', 'Price'],
    amount: ['Amount', 'Line total', 'Net'],
    taxRate: ['VAT %', 'Tax'],
    page: 'Page {n} of {m}',
    carriedForward: ['Carried forward', 'Subtotal carried forward'],
    continued: 'continued',
    bank: ['Bank details', 'Payment details', 'Remittance information'],
    terms: ['Payment terms: {d} days net', 'Please pay within {d} days.', 'Terms: net {d}'],
    thanks: ['Thank you for your business.', 'We appreciate your prompt payment.', 'Thank you!'],
    phone: 'Tel.',
    customerNumber: ['Customer No.', 'Account no.', 'Customer ID'],
  },
  de: {
    invoiceTitle: ['RECHNUNG', 'Rechnung'],
    creditTitle: ['GUTSCHRIFT', 'Gutschrift', 'Rechnungskorrektur'],
    invoiceNumber: ['Rechnungsnummer', 'Rechnungs-Nr.', 'Rechnung Nr.', 'Beleg-Nr.', 'Re.-Nr.'],
    creditNumber: ['Gutschrift-Nr.', 'Gutschriftsnummer', 'Beleg-Nr.'],
    issueDate: ['Rechnungsdatum', 'Datum', 'Belegdatum', 'Ausstellungsdatum'],
    dueDate: ['Fällig am', 'Fälligkeitsdatum', 'Zahlbar bis', 'Zahlungsziel'],
    purchaseOrder: ['Ihre Bestellung', 'Bestellnummer', 'Bestell-Nr.', 'Ihre Bestell-Nr.'],
    customer: ['Rechnungsempfänger', 'Kunde', 'Rechnungsanschrift'],
    seller: ['Lieferant', 'Absender', 'Verkäufer'],
    vatId: ['USt-IdNr.', 'USt-ID', 'Umsatzsteuer-ID', 'UID-Nr.'],
    iban: ['IBAN'],
    bic: ['BIC', 'SWIFT-BIC'],
    net: ['Nettobetrag', 'Summe netto', 'Zwischensumme', 'Gesamt netto'],
    tax: ['MwSt.', 'USt.', 'zzgl. {rate}% MwSt.', 'Umsatzsteuer {rate}%'],
    totalTax: ['Summe MwSt.', 'Umsatzsteuer gesamt', 'MwSt. gesamt'],
    gross: ['Gesamtbetrag', 'Rechnungsbetrag', 'Summe brutto', 'Endbetrag', 'Gesamt brutto'],
    amountDue: ['Zahlbetrag', 'Offener Betrag', 'Zu zahlen', 'Noch zu zahlen'],
    prepaid: ['abzüglich Anzahlung', 'bereits bezahlt', 'Abschlagszahlung'],
    currency: ['Währung', 'Beträge in'],
    description: ['Bezeichnung', 'Beschreibung', 'Artikel', 'Leistung'],
    quantity: ['Menge', 'Anz.', 'Anzahl'],
    unitPrice: ['Einzelpreis', 'E-Preis', 'Preis'],
    amount: ['Betrag', 'Gesamt', 'Gesamtpreis'],
    taxRate: ['USt.', 'MwSt.'],
    page: 'Seite {n} von {m}',
    carriedForward: ['Übertrag', 'Zwischensumme Übertrag'],
    continued: 'Fortsetzung',
    bank: ['Bankverbindung', 'Zahlungsinformationen'],
    terms: ['Zahlbar innerhalb von {d} Tagen ohne Abzug.', 'Zahlungsziel: {d} Tage netto', 'Bitte überweisen Sie den Betrag innerhalb von {d} Tagen.'],
    thanks: ['Vielen Dank für Ihren Auftrag.', 'Wir danken für Ihr Vertrauen.', 'Mit freundlichen Grüßen'],
    phone: 'Tel.',
    customerNumber: ['Kundennummer', 'Kunden-Nr.', 'Debitor'],
  },
  fr: {
    invoiceTitle: ['FACTURE', 'Facture'],
    creditTitle: ['AVOIR', 'Avoir', "Facture d'avoir"],
    invoiceNumber: ['Facture n°', 'N° de facture', 'Numéro de facture', 'Facture N°', 'Réf. facture'],
    creditNumber: ['Avoir n°', "N° d'avoir"],
    issueDate: ['Date de facture', 'Date', "Date d'émission", 'Date de facturation'],
    dueDate: ["Date d'échéance", 'Échéance', 'À payer avant le', 'Date limite de paiement'],
    purchaseOrder: ['Bon de commande', 'Votre commande', 'N° de commande', 'Réf. commande'],
    customer: ['Client', 'Facturé à', 'Destinataire', 'Adresse de facturation'],
    seller: ['Fournisseur', 'Émetteur', 'Vendeur'],
    vatId: ['N° TVA intracommunautaire', 'TVA intracom.', 'N° TVA', 'Numéro de TVA'],
    iban: ['IBAN'],
    bic: ['BIC', 'Code BIC'],
    net: ['Total HT', 'Montant HT', 'Sous-total HT', 'Total hors taxes'],
    tax: ['TVA', 'Total TVA', 'TVA {rate} %', 'Montant TVA'],
    totalTax: ['Total TVA', 'Montant total TVA'],
    gross: ['Total TTC', 'Montant TTC', 'Total toutes taxes comprises'],
    amountDue: ['Net à payer', 'Reste à payer', 'Montant dû', 'Solde à régler'],
    prepaid: ['Acompte versé', 'Déjà réglé', 'Acompte reçu'],
    currency: ['Devise', 'Montants en'],
    description: ['Désignation', 'Description', 'Libellé'],
    quantity: ['Qté', 'Quantité'],
    unitPrice: ['Prix unitaire HT', 'P.U. HT', 'Prix unit.'],
    amount: ['Montant HT', 'Total HT', 'Montant'],
    taxRate: ['TVA', 'Taux TVA'],
    page: 'Page {n} sur {m}',
    carriedForward: ['Report', 'À reporter'],
    continued: 'suite',
    bank: ['Coordonnées bancaires', 'Règlement par virement'],
    terms: ['Paiement à {d} jours.', 'Conditions de paiement : {d} jours net', 'Règlement à {d} jours date de facture.'],
    thanks: ['Merci pour votre confiance.', 'Nous vous remercions de votre commande.'],
    phone: 'Tél.',
    customerNumber: ['N° client', 'Code client', 'Réf. client'],
  },
  nl: {
    invoiceTitle: ['FACTUUR', 'Factuur'],
    creditTitle: ['CREDITNOTA', 'Creditnota', 'Creditfactuur'],
    invoiceNumber: ['Factuurnummer', 'Factuurnr.', 'Factuur nr.', 'Nummer'],
    creditNumber: ['Creditnotanummer', 'Creditnota nr.'],
    issueDate: ['Factuurdatum', 'Datum', 'Datum factuur'],
    dueDate: ['Vervaldatum', 'Uiterste betaaldatum', 'Te betalen voor'],
    purchaseOrder: ['Inkoopordernummer', 'Uw referentie', 'Ordernummer', 'PO-nummer'],
    customer: ['Factuuradres', 'Klant', 'Aan'],
    seller: ['Leverancier', 'Afzender'],
    vatId: ['BTW-nummer', 'Btw-nr.', 'BTW nr', 'Btw-id'],
    iban: ['IBAN', 'Rekeningnummer (IBAN)'],
    bic: ['BIC'],
    net: ['Subtotaal', 'Totaal excl. btw', 'Bedrag excl. BTW'],
    tax: ['BTW', 'Btw {rate}%', 'BTW-bedrag'],
    totalTax: ['Totaal btw', 'BTW totaal'],
    gross: ['Totaal', 'Totaal incl. btw', 'Totaalbedrag', 'Factuurbedrag'],
    amountDue: ['Te betalen', 'Openstaand bedrag', 'Nog te betalen'],
    prepaid: ['Reeds betaald', 'Aanbetaling'],
    currency: ['Valuta', 'Bedragen in'],
    description: ['Omschrijving', 'Artikel', 'Product'],
    quantity: ['Aantal', 'Aant.'],
    unitPrice: ['Prijs', 'Stukprijs', 'Prijs per stuk'],
    amount: ['Bedrag', 'Totaal'],
    taxRate: ['BTW', 'Btw %'],
    page: 'Pagina {n} van {m}',
    carriedForward: ['Transport', 'Subtotaal transport'],
    continued: 'vervolg',
    bank: ['Bankgegevens', 'Betaalgegevens'],
    terms: ['Betaling binnen {d} dagen.', 'Betalingstermijn: {d} dagen', 'Gelieve binnen {d} dagen te betalen.'],
    thanks: ['Bedankt voor uw bestelling.', 'Hartelijk dank voor uw vertrouwen.'],
    phone: 'Tel.',
    customerNumber: ['Klantnummer', 'Debiteurnr.'],
  },
  es: {
    invoiceTitle: ['FACTURA', 'Factura'],
    creditTitle: ['FACTURA RECTIFICATIVA', 'Nota de crédito', 'Abono'],
    invoiceNumber: ['Nº de factura', 'Número de factura', 'Factura nº', 'Nº Factura'],
    creditNumber: ['Nº de factura rectificativa', 'Nº de abono'],
    issueDate: ['Fecha de factura', 'Fecha', 'Fecha de emisión', 'Fecha de expedición'],
    dueDate: ['Fecha de vencimiento', 'Vencimiento', 'Pagar antes de'],
    purchaseOrder: ['Nº de pedido', 'Su pedido', 'Pedido de compra', 'Orden de compra'],
    customer: ['Cliente', 'Facturar a', 'Datos del cliente'],
    seller: ['Emisor', 'Proveedor'],
    vatId: ['NIF-IVA', 'Nº IVA', 'CIF/NIF', 'NIF'],
    iban: ['IBAN'],
    bic: ['BIC', 'SWIFT'],
    net: ['Base imponible', 'Subtotal', 'Importe neto', 'Total sin IVA'],
    tax: ['IVA', 'IVA {rate}%', 'Cuota IVA', 'Total IVA'],
    totalTax: ['Total IVA', 'Total cuota IVA'],
    gross: ['Total', 'Total factura', 'Importe total', 'Total con IVA'],
    amountDue: ['Total a pagar', 'Importe pendiente', 'A pagar'],
    prepaid: ['Anticipo', 'Pagado a cuenta'],
    currency: ['Moneda', 'Importes en'],
    description: ['Concepto', 'Descripción', 'Artículo'],
    quantity: ['Cant.', 'Cantidad', 'Uds.'],
    unitPrice: ['Precio unitario', 'Precio', 'P. unit.'],
    amount: ['Importe', 'Total'],
    taxRate: ['IVA', '% IVA'],
    page: 'Página {n} de {m}',
    carriedForward: ['Suma y sigue', 'Suma anterior'],
    continued: 'continuación',
    bank: ['Datos bancarios', 'Forma de pago: transferencia'],
    terms: ['Pago a {d} días.', 'Vencimiento a {d} días fecha factura.', 'Condiciones de pago: {d} días'],
    thanks: ['Gracias por su confianza.', 'Gracias por su compra.'],
    phone: 'Tel.',
    customerNumber: ['Nº de cliente', 'Código cliente'],
  },
  it: {
    invoiceTitle: ['FATTURA', 'Fattura'],
    creditTitle: ['NOTA DI CREDITO', 'Nota di credito'],
    invoiceNumber: ['Fattura n.', 'Numero fattura', 'N. fattura', 'Fattura nr.'],
    creditNumber: ['Nota di credito n.', 'Numero documento'],
    issueDate: ['Data fattura', 'Data', 'Data emissione', 'Data documento'],
    dueDate: ['Scadenza', 'Data scadenza', 'Pagamento entro'],
    purchaseOrder: ['Ordine n.', 'Vs. ordine', 'Rif. ordine', 'Numero ordine'],
    customer: ['Cliente', 'Spett.le', 'Intestatario', 'Destinatario'],
    seller: ['Fornitore', 'Cedente'],
    vatId: ['P.IVA', 'Partita IVA', 'P. IVA'],
    iban: ['IBAN', 'Cod. IBAN'],
    bic: ['BIC', 'SWIFT'],
    net: ['Imponibile', 'Totale imponibile', 'Totale netto'],
    tax: ['IVA', 'IVA {rate}%', 'Totale IVA', 'Imposta'],
    totalTax: ['Totale IVA', 'Totale imposta'],
    gross: ['Totale', 'Totale fattura', 'Totale documento', 'Importo totale'],
    amountDue: ['Netto a pagare', 'Totale da pagare', 'Importo dovuto'],
    prepaid: ['Acconto', 'Già pagato'],
    currency: ['Valuta', 'Importi in'],
    description: ['Descrizione', 'Articolo', 'Prodotto'],
    quantity: ['Q.tà', 'Quantità', 'Qtà'],
    unitPrice: ['Prezzo unitario', 'Prezzo', 'Prezzo unit.'],
    amount: ['Importo', 'Totale'],
    taxRate: ['IVA', 'Aliquota'],
    page: 'Pagina {n} di {m}',
    carriedForward: ['A riportare', 'Riporto'],
    continued: 'segue',
    bank: ['Coordinate bancarie', 'Modalità di pagamento: bonifico'],
    terms: ['Pagamento a {d} giorni d.f.', 'Pagamento: bonifico {d} gg data fattura'],
    thanks: ['Grazie per averci scelto.', 'Cordiali saluti'],
    phone: 'Tel.',
    customerNumber: ['Codice cliente', 'Cod. cliente'],
  },
  pl: {
    invoiceTitle: ['FAKTURA VAT', 'Faktura', 'Faktura VAT'],
    creditTitle: ['FAKTURA KORYGUJĄCA', 'Korekta faktury'],
    invoiceNumber: ['Numer faktury', 'Faktura nr', 'Nr faktury', 'Faktura VAT nr'],
    creditNumber: ['Faktura korygująca nr', 'Nr korekty'],
    issueDate: ['Data wystawienia', 'Data', 'Data faktury'],
    dueDate: ['Termin płatności', 'Płatne do', 'Data płatności'],
    purchaseOrder: ['Nr zamówienia', 'Zamówienie', 'Numer zamówienia'],
    customer: ['Nabywca', 'Odbiorca', 'Klient'],
    seller: ['Sprzedawca', 'Wystawca'],
    vatId: ['NIP', 'NIP UE', 'VAT UE'],
    iban: ['IBAN', 'Nr konta (IBAN)'],
    bic: ['BIC', 'SWIFT'],
    net: ['Wartość netto', 'Razem netto', 'Suma netto'],
    tax: ['VAT', 'Kwota VAT', 'VAT {rate}%', 'Wartość VAT'],
    totalTax: ['Razem VAT', 'Suma VAT'],
    gross: ['Wartość brutto', 'Razem brutto', 'Suma brutto', 'Ogółem brutto'],
    amountDue: ['Do zapłaty', 'Pozostało do zapłaty', 'Kwota do zapłaty'],
    prepaid: ['Zapłacono', 'Zaliczka'],
    currency: ['Waluta', 'Kwoty w'],
    description: ['Nazwa towaru lub usługi', 'Nazwa', 'Opis'],
    quantity: ['Ilość', 'Il.'],
    unitPrice: ['Cena netto', 'Cena jedn.'],
    amount: ['Wartość netto', 'Kwota netto'],
    taxRate: ['Stawka VAT', 'VAT %'],
    page: 'Strona {n} z {m}',
    carriedForward: ['Z przeniesienia', 'Do przeniesienia'],
    continued: 'cd.',
    bank: ['Rachunek bankowy', 'Dane do przelewu'],
    terms: ['Termin płatności: {d} dni', 'Płatność przelewem w ciągu {d} dni.'],
    thanks: ['Dziękujemy za zakupy.', 'Dziękujemy za współpracę.'],
    phone: 'Tel.',
    customerNumber: ['Nr klienta', 'Kod klienta'],
  },
};

/** Month names as printed in dates ("12 March 2024", "12. März 2024", "12 marca 2024": Polish uses the genitive). */
export const MONTHS: Record<Language, { long: string[]; short: string[] }> = {
  en: {
    long: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
  de: {
    long: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    short: ['Jan.', 'Feb.', 'Mär.', 'Apr.', 'Mai', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Okt.', 'Nov.', 'Dez.'],
  },
  fr: {
    long: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    short: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  },
  nl: {
    long: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    short: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  },
  es: {
    long: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    short: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
  },
  it: {
    long: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
    short: ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  },
  pl: {
    long: ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
    short: ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'],
  },
};
