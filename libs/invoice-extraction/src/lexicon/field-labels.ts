/**
 * Printed labels of each header field in the seven languages we read. Written as people print them; matching
 * folds case, accents and punctuation (see labelKey), so "Rechnungs-Nr.:" matches "rechnungs nr".
 * A leading "~" marks a generic label ("Date", "Total", "VAT") that names the field only weakly: its
 * candidates start with a lower score and need agreement from elsewhere.
 */
export const LANGUAGES = ['en', 'de', 'fr', 'nl', 'es', 'it', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LABEL_TARGETS = [
  'invoiceNumber', 'issueDate', 'dueDate', 'totalNet', 'totalTax', 'totalGross', 'amountDue', 'vendorVatId', 'iban',
  'purchaseOrderNumber', 'vendorName', 'customerName', 'currency',
] as const;
export type LabelTarget = (typeof LABEL_TARGETS)[number];

type Lexicon = Record<LabelTarget, Record<Language, readonly string[]>>;

export const FIELD_LABELS: Lexicon = {
  invoiceNumber: {
    en: ['invoice number', 'invoice no', 'invoice nr', 'invoice #', 'inv no', 'inv nr', 'inv #', 'inv number', 'invoice id', 'invoice ref', 'bill number', 'bill no', 'receipt number', 'receipt no', 'credit note number', 'credit note no', 'credit no', 'credit memo no', 'credit memo number', 'credit note ref', 'document number', 'document no', '~#'],
    de: ['rechnungsnummer', 'rechnung nr', 'rechnungsnr', 'rechnung nummer', 're nr', 'renr', 'belegnummer', 'beleg nr', 'gutschriftsnummer', 'gutschrift nr', 'gutschrifts nr', 'dokumentnummer', 'rg nr', 'rg nummer', 'korrekturbeleg nr', 'korrekturbelegnummer', 'rechnungskorrektur nr'],
    fr: ['numéro de facture', 'numéro facture', 'n° de facture', 'n° facture', 'facture n°', 'facture numéro', 'no de facture', 'num facture', 'réf facture', 'référence facture', 'référence de la facture', "numéro d'avoir", 'avoir n°'],
    nl: ['factuurnummer', 'factuur nr', 'factuurnr', 'factuur nummer', 'nummer factuur', 'nr factuur', 'creditnota nummer', 'creditnotanummer', 'creditnota nr', 'creditfactuurnummer', 'creditfactuur nr'],
    es: ['número de factura', 'numero factura', 'nº de factura', 'n° factura', 'factura n°', 'factura nº', 'factura número', 'num factura', 'no de factura', 'factura no'],
    it: ['numero fattura', 'numero della fattura', 'fattura n', 'fattura n°', 'n fattura', 'nr fattura', 'fattura numero', 'numero documento', 'n documento', 'fatt n', 'fatt nr', 'fatt n°', 'documento n'],
    pl: ['numer faktury', 'faktura nr', 'faktura vat nr', 'nr faktury', 'faktura numer', 'nr dokumentu'],
  },
  issueDate: {
    en: ['invoice date', 'date of invoice', 'date of issue', 'issue date', 'issued on', 'date issued', 'billing date', 'bill date', 'tax point', 'tax point date', 'invoice dated', '~date', '~dated', '~of'],
    de: ['rechnungsdatum', 'rechnungs datum', 'ausstellungsdatum', 'belegdatum', 'datum der rechnung', 'rechnung vom', '~datum', '~vom'],
    fr: ['date de facture', 'date de la facture', 'date facture', 'date de facturation', "date d'émission", 'émise le', 'facture du', '~date', '~du'],
    nl: ['factuurdatum', 'factuur datum', 'datum factuur', 'datum van uitgifte', '~datum'],
    es: ['fecha de factura', 'fecha factura', 'fecha de emisión', 'fecha emisión', 'fecha de expedición', 'fecha expedición', '~fecha', '~del', '~de fecha'],
    it: ['data fattura', 'data della fattura', 'data documento', 'data di emissione', 'data emissione', '~data', '~del'],
    pl: ['data wystawienia', 'data faktury', 'wystawiono dnia', '~dnia', '~z dnia', '~data'],
  },
  dueDate: {
    en: ['due date', 'payment due', 'payment due date', 'date due', 'due on', 'due by', 'pay by', 'payable by', 'payment date', '~due'],
    de: ['fällig am', 'fällig bis', 'fälligkeitsdatum', 'fälligkeit', 'zahlbar bis', 'zahlungsziel', 'zahlungsfrist', 'zahlung bis'],
    fr: ["date d'échéance", 'échéance', 'date limite de paiement', 'à payer avant le', 'payable le', 'date de paiement', 'à régler avant le'],
    nl: ['vervaldatum', 'vervaldag', 'te betalen voor', 'uiterste betaaldatum', 'betalen voor', 'betaaldatum'],
    es: ['fecha de vencimiento', 'fecha vencimiento', 'vencimiento', 'fecha de pago', 'pagar antes de'],
    it: ['data scadenza', 'data di scadenza', 'scadenza', 'scadenza pagamento', 'data pagamento'],
    pl: ['termin płatności', 'termin zapłaty', 'data płatności', 'płatne do'],
  },
  totalNet: {
    en: ['subtotal', 'sub total', 'net amount', 'net total', 'total net', 'total excl vat', 'total excluding vat', 'total excl tax', 'amount excl vat', 'total before tax', 'total without vat', 'taxable amount', 'total excl gst', 'total excluding gst', 'total sales excl gst', 'total sales excluding gst', 'total exclusive of gst', 'amount excl gst', '~net'],
    de: ['nettobetrag', 'netto betrag', 'zwischensumme', 'summe netto', 'gesamt netto', 'nettosumme', 'netto summe', 'gesamtbetrag netto', 'rechnungsbetrag netto', 'warenwert', 'betrag netto', 'rechnungssumme ohne ust', 'rechnungssumme netto', 'summe netto excl ust', 'gesamtsumme netto', 'summe ohne ust', 'gesamt ohne ust', 'betrag ohne mwst', 'summe ohne mwst', 'nettowert', 'gesamt netto betrag', '~netto'],
    fr: ['total ht', 'montant ht', 'sous total', 'total hors taxes', 'montant hors taxes', 'montant eur ht', 'total eur ht', 'base ht', 'total hors tva', 'montant total ht', '~ht'],
    nl: ['subtotaal', 'exclusief btw', 'excl btw', 'totaal excl btw', 'bedrag excl btw', 'netto bedrag', 'nettobedrag', 'totaal exclusief btw', '~netto'],
    es: ['base imponible', 'subtotal', 'importe neto', 'total sin iva', 'total neto', '~base', '~neto'],
    it: ['imponibile', 'totale imponibile', 'subtotale', 'totale netto', 'importo netto', '~netto'],
    pl: ['wartość netto', 'razem netto', 'suma netto', 'kwota netto', '~netto'],
  },
  totalTax: {
    en: ['vat amount', 'total vat', 'tax amount', 'total tax', 'sales tax', 'vat total', 'total vat amount', 'total tax amount', 'gst amount', 'total gst', '~vat', '~tax', '~gst'],
    de: ['mwst betrag', 'mehrwertsteuer', 'umsatzsteuer', 'ust betrag', 'summe mwst', 'zzgl mwst', 'zzgl ust', 'steuerbetrag', 'steuerbetrag in eur', 'umsatzsteuerbetrag', 'mehrwertsteuerbetrag', 'summe ust', 'gesamt ust', 'gesamtsteuerbetrag', '~mwst', '~ust', '~steuer'],
    fr: ['montant tva', 'total tva', 'montant de la tva', 'total de la tva', 'tva', '~taxes'],
    nl: ['btw bedrag', 'totaal btw', 'btw', '~belasting'],
    es: ['total iva', 'cuota iva', 'importe iva', 'iva', '~impuestos'],
    it: ['totale iva', 'importo iva', 'iva', '~imposta'],
    pl: ['kwota vat', 'podatek vat', 'wartość vat', 'razem vat', 'suma vat', '~vat'],
  },
  totalGross: {
    en: ['grand total', 'total amount', 'invoice total', 'total incl vat', 'total including vat', 'total inc vat', 'gross amount', 'gross total', 'total gross', 'total for this invoice', 'invoice amount', 'total amount incl vat', 'total incl tax', 'total including tax', 'total incl gst', 'total including gst', 'total inclusive of gst', 'total sales incl gst', 'total sales inclusive of gst', 'total sales inclusive gst', 'total payable', 'total rounded', 'rounded total', 'total after rounding', 'nett total', 'nett amount', '~total'],
    de: ['gesamtbetrag', 'rechnungsbetrag', 'bruttobetrag', 'gesamt brutto', 'summe brutto', 'endbetrag', 'gesamtsumme', 'rechnungssumme', 'bruttosumme', 'gesamtbetrag brutto', 'betrag brutto', 'rechnungsbetrag brutto', 'summe inkl mwst', 'gesamt inkl mwst', 'gesamtbetrag inkl mwst', 'rechnungssumme mit ust', 'rechnungssumme brutto', 'gesamtsumme brutto', '~brutto', '~gesamt', '~summe', '~total'],
    fr: ['total ttc', 'montant ttc', 'montant total', 'total facture', 'montant eur ttc', 'total eur ttc', 'montant total ttc', 'total toutes taxes comprises', 'total toutes taxes', '~ttc', '~total'],
    nl: ['totaal', 'totaal incl btw', 'totaalbedrag', 'bedrag incl btw', 'totaal inclusief btw', 'factuurbedrag'],
    es: ['total factura', 'importe total', 'total con iva', 'total importe', '~total'],
    it: ['totale', 'totale fattura', 'totale documento', 'importo totale', 'totale ivato'],
    pl: ['wartość brutto', 'suma brutto', 'razem brutto', 'kwota brutto', 'ogółem', '~razem', '~brutto'],
  },
  amountDue: {
    en: ['amount due', 'balance due', 'total due', 'amount payable', 'total amount due', 'amount to pay', 'please pay', 'total payable', '~balance'],
    de: ['zahlbetrag', 'zu zahlen', 'zu zahlender betrag', 'offener betrag', 'restbetrag', 'fälliger betrag', 'noch zu zahlen'],
    fr: ['net à payer', 'somme à payer', 'montant à payer', 'reste à payer', 'montant dû', 'solde à payer', 'total à payer'],
    nl: ['te betalen', 'openstaand bedrag', 'totaal te betalen', 'te voldoen', 'nog te betalen'],
    es: ['importe a pagar', 'total a pagar', 'a pagar', 'saldo pendiente', 'importe adeudado'],
    it: ['netto a pagare', 'totale da pagare', 'importo dovuto', 'da pagare', 'saldo da pagare'],
    pl: ['do zapłaty', 'kwota do zapłaty', 'pozostało do zapłaty', 'razem do zapłaty'],
  },
  vendorVatId: {
    en: ['vat number', 'vat no', 'vat reg no', 'vat registration number', 'vat id', 'vat reg', 'tax id', 'tax number', '~vat'],
    de: ['ust idnr', 'ust id', 'ust id nr', 'ustidnr', 'umsatzsteuer id', 'umsatzsteuer identifikationsnummer', 'ust identnr', 'mwst nr', 'steuernummer', '~ust'],
    fr: ['numéro de tva', 'n° de tva', 'n° tva', 'tva intracommunautaire', 'n° de tva intracommunautaire', 'n° tva intracommunautaire', 'id tva', '~tva'],
    nl: ['btw nummer', 'btw nr', 'btw id', 'btw identificatienummer', '~btw'],
    es: ['nif', 'cif', 'nif iva', 'número de iva', 'n° iva'],
    it: ['partita iva', 'p iva', 'piva', 'codice fiscale'],
    pl: ['nip', 'nr nip', 'nip ue'],
  },
  iban: {
    en: ['iban', 'account iban'], de: ['iban'], fr: ['iban'], nl: ['iban'], es: ['iban'], it: ['iban', 'coordinate bancarie'], pl: ['iban', 'numer rachunku', 'nr konta', 'nr rachunku'],
  },
  purchaseOrderNumber: {
    en: ['po number', 'po no', 'po #', 'purchase order', 'purchase order number', 'p o number', 'your order', 'order number', 'order no', 'your reference', 'customer po'],
    de: ['bestellnummer', 'bestell nr', 'ihre bestellung', '~bestellung', 'auftragsnummer', 'auftrag nr', 'ihre bestellnummer'],
    fr: ['bon de commande', 'n° de commande', 'numéro de commande', 'commande n°', 'votre commande', 'réf commande'],
    nl: ['inkoopordernummer', 'ordernummer', 'bestelnummer', 'uw bestelling', 'inkooporder', 'uw ordernummer'],
    es: ['número de pedido', 'pedido n°', 'nº pedido', 'orden de compra', 'su pedido', '~pedido'],
    it: ['numero ordine', 'ordine n', 'ordine d acquisto', 'vostro ordine', 'rif ordine'],
    pl: ['nr zamówienia', 'numer zamówienia', '~zamówienie'],
  },
  vendorName: {
    en: ['from', 'seller', 'supplier', 'vendor', 'service provider', 'sold by', 'issued by', 'bill from'],
    de: ['lieferant', 'verkäufer', 'rechnungssteller', 'leistungserbringer', 'absender', 'auftragnehmer'],
    fr: ['vendeur', 'fournisseur', 'émetteur', 'prestataire', 'émis par'],
    nl: ['leverancier', 'verkoper', 'afzender'],
    es: ['proveedor', 'vendedor', 'emisor', 'emitido por'],
    it: ['fornitore', 'venditore', 'cedente', 'cedente prestatore', 'emittente'],
    pl: ['sprzedawca', 'dostawca', 'wystawca', 'sprzedający'],
  },
  customerName: {
    en: ['bill to', 'billed to', 'invoice to', 'sold to', 'customer', 'client', 'buyer', 'bill to address', 'invoiced to', 'ship to', 'deliver to'],
    de: ['rechnungsempfänger', 'rechnungsadresse', 'kunde', 'käufer', 'empfänger', 'auftraggeber', 'leistungsempfänger'],
    fr: ['facturé à', 'client', 'destinataire', 'adresse de facturation', 'acheteur', 'facturer à'],
    nl: ['factuur aan', 'aan', 'klant', 'afnemer', 'factuuradres', 'koper'],
    es: ['cliente', 'facturar a', 'destinatario', 'comprador', 'facturado a', 'datos del cliente'],
    it: ['cliente', 'destinatario', 'cessionario', 'cessionario committente', 'spett le', 'spettabile'],
    pl: ['nabywca', 'odbiorca', 'kupujący', 'płatnik'],
  },
  currency: {
    en: ['currency'], de: ['währung'], fr: ['devise', 'monnaie'], nl: ['valuta', 'munteenheid'], es: ['moneda', 'divisa'], it: ['valuta', 'divisa'], pl: ['waluta'],
  },
};

/** Title words printed on an invoice's head, never a party name. */
export const DOCUMENT_TITLES = [
  'invoice', 'tax invoice', 'credit note', 'receipt', 'bill', 'rechnung', 'gutschrift', 'quittung', 'facture', 'avoir', 'factuur', 'creditnota', 'nota',
  'factura', 'recibo', 'fattura', 'nota di credito', 'ricevuta', 'faktura', 'faktura vat', 'rachunek', 'korekta', 'proforma',
];

/**
 * Labels of things that are not our fields but sit where our labels do ("Customer No.", "Order date", "BIC"):
 * found like field labels, so a value window stops at them and a generic label inside them ("date") is not
 * mistaken for ours.
 */
export const OTHER_LABELS: readonly string[] = [
  // Receipt lines that print a "Total" or an amount but are not the total (quantities, rounding, payment).
  'total qty', 'total quantity', 'total items', 'total item', 'rounding', 'rounding adj', 'rounding adjustment', 'total rounding',
  'cash', 'change', 'tendered', 'total discount', 'discount', 'total savings', 'gst summary', 'gst id', 'gst id no', 'gst no', 'gst reg no', 'gst reg', 'gst registration no',
  'customer number', 'customer no', 'customer id', 'account number', 'account no', 'client number', 'client no', 'order date', 'delivery date', 'ship date',
  'shipping date', 'delivery note', 'phone', 'tel', 'telephone', 'fax', 'email', 'e mail', 'website', 'bic', 'swift', 'page', 'kvk', 'kvk nummer',
  'kundennummer', 'kunden nr', 'kundennr', 'lieferdatum', 'leistungsdatum', 'liefer und leistungsdatum', 'leistungszeitraum', 'lieferschein', 'bestelldatum', 'auftragsdatum', 'seite', 'telefon', 'handelsregister', 'hrb', 'amtsgericht',
  'numéro client', 'n° client', 'date de commande', 'date de livraison', 'siret', 'siren', 'rcs', 'téléphone', 'référence client',
  'klantnummer', 'orderdatum', 'leverdatum', 'pagina', 'telefoon',
  'número de cliente', 'fecha de pedido', 'fecha de entrega', 'teléfono', 'página',
  'codice cliente', 'data ordine', 'data consegna', 'telefono',
  'numer klienta', 'data sprzedaży', 'data dostawy', 'regon', 'krs', 'telefon', 'strona',
];

/**
 * Short words that name the issue date only right after an invoice number on the same line ("Rechnung Nr. 4711
 * vom 05.03.2018", "Facture n°562044387 du 02 Juillet 2015"); anywhere else they are prose ("du 1er au 31").
 */
export const DATE_CONNECTORS: readonly string[] = ['vom', 'du', 'del', 'de fecha', 'dated', 'of', 'dnia', 'z dnia'];

/**
 * "Nummer:", "Number", "Numéro" alone heading a cell of an invoice's header: the document's own number, named
 * weakly (a generic label). Inside a cell ("Klant nummer", "Phone number") they belong to the words before.
 */
export const BARE_NUMBER_LABELS: readonly string[] = ['nummer', 'number', 'numéro', 'número', 'numero', 'numer'];

/**
 * The parts a document-number label is built from, in any order within one cell ("N° de pièce", "Pièce n°",
 * "Num. documento", "Korrektur-Nr.", "Nr dok."): a number word, a document word (alone or as the head of a
 * compound: "Rechnungs-", "Beleg", "Factuur"), and between them only linking words or qualifiers. Printed
 * labels vary more than any list of whole phrases (each round of unseen invoices brought new spellings), so
 * the label is recognised from its parts rather than spelled out.
 */
export const DOCUMENT_WORDS: readonly string[] = [
  'invoice', 'inv', 'bill', 'document', 'doc', 'credit', 'creditnote', 'memo', 'proforma',
  'rechnung', 'rechnungs', 'rech', 'rg', 're', 'beleg', 'gutschrift', 'gutschrifts', 'korrektur', 'korrekturbeleg', 'storno', 'dokument', 'faktura', 'faktur',
  'facture', 'fact', 'avoir', 'piece', 'factuur', 'creditnota', 'creditfactuur', 'boekstuk', 'nota', 'factura', 'fra', 'rectificativa', 'abono',
  'fattura', 'fatt', 'documento', 'nc', 'credito', 'faktury', 'fakt', 'korekta', 'korekty', 'korygujacej', 'dokumentu', 'dok',
];
/** Words a number label may hold besides its number and document words ("N° de facture", "Faktura VAT nr"). */
export const NUMBER_LABEL_FILLERS: readonly string[] = ['de', 'di', 'del', 'della', 'd', 'du', 'l', 'la', 'of', 'the', 'der', 'des', 'vat', 'tax', 'pro', 'forma', 'note', 'our', 'unsere', 'notre', 'nostra', 'di', 'korygujaca', 'correctiva', 'commercial'];
/**
 * Words that make a number label name another document the page cites ("Rif. fattura n.", "Bezug Rechnung Nr.",
 * "Betreft factuur", "Faktura korygowana nr", "Factura rectificada"): the corrected invoice, not ours.
 */
export const CITING_WORDS: readonly string[] = [
  'ref', 'reference', 'rif', 'riferimento', 'bezug', 'betreft', 'betreffende', 'dotyczy', 'concerning', 'concerne', 'regarding', 'original', 'originale', 'origine', 'initiale',
  'ursprung', 'ursprungs', 'ursprungliche', 'ursprunglichen', 'oorspronkelijk', 'oorspronkelijke', 'oorspr', 'against', 'corrects', 'corrected', 'korrigiert', 'korrigierte',
  'rectifica', 'rectificada', 'rettifica', 'rettificata', 'korygowana', 'korygowanej', 'pierwotna', 'pierwotnej', 'zu', 'zur', 'sur', 'do', 'to', 'relates', 'storniert',
  'your', 'ihre', 'ihr', 'uw', 'votre', 'vostra', 'vs', 'su', 'wasza', 'related', 'cancels', 'annule',
];
/** A reference word alone heading its cell ("Referentie:", "Référence"): on an invoice's header, its own number, named weakly. */
export const BARE_REFERENCE_LABELS: readonly string[] = ['referentie', 'reference', 'référence', 'referenz', 'referencia', 'riferimento', 'referencja'];

/** Words that, after a document title ("Handelsrechnung (380) Nr."), introduce the invoice number. */
export const NUMBER_WORDS: readonly string[] = ['nr', 'no', 'n', '#', 'num', 'nummer', 'numero', 'numer', 'number'];
