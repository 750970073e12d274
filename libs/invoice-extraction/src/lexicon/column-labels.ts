/** Column headers of item tables in the seven languages (matched like field labels: folded, joined words). */
export const COLUMN_TYPES = ['description', 'quantity', 'unitPrice', 'amount', 'taxRate'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const COLUMN_LABELS: Record<ColumnType, readonly string[]> = {
  description: [
    'description', 'item', 'items', 'item description', 'product', 'products', 'service', 'services', 'details', 'article',
    'artikel', 'bezeichnung', 'beschreibung', 'artikelbezeichnung', 'leistung', 'leistungsbeschreibung', 'produkt',
    'désignation', 'libellé', 'description article', 'prestation', 'omschrijving', 'artikelomschrijving', 'dienst',
    'descripción', 'concepto', 'artículo', 'producto', 'descrizione', 'articolo', 'prodotto', 'opis', 'nazwa', 'nazwa towaru', 'nazwa towaru lub usługi', 'towar', 'usługa',
  ],
  quantity: ['qty', 'quantity', 'units', 'hours', 'hrs', 'menge', 'anzahl', 'stück', 'stunden', 'qté', 'quantité', 'aantal', 'uren', 'cantidad', 'cant', 'quantità', 'qtà', 'ilość', 'ilosc'],
  unitPrice: [
    'unit price', 'price', 'rate', 'unit cost', 'price per unit', 'einzelpreis', 'preis', 'e preis', 'ep', 'stückpreis', 'preis netto', 'prix unitaire', 'prix', 'pu', 'prix unitaire ht',
    'prijs', 'prijs per stuk', 'stukprijs', 'eenheidsprijs', 'precio', 'precio unitario', 'prezzo', 'prezzo unitario', 'cena', 'cena jedn', 'cena jednostkowa', 'cena netto',
  ],
  amount: [
    'amount', 'total', 'line total', 'net amount', 'amount net', 'price incl vat', 'betrag', 'gesamt', 'gesamtpreis', 'summe', 'gesamtbetrag', 'montant', 'montant ht', 'total ht',
    'montant ttc', 'bedrag', 'totaal', 'prijs incl btw', 'bedrag excl btw', 'importe', 'total línea', 'importo', 'totale', 'wartość', 'wartość netto', 'wartość brutto', 'kwota',
  ],
  taxRate: ['vat', 'vat %', 'vat rate', 'tax', 'tax %', 'tax rate', 'mwst', 'mwst %', 'ust', 'ust %', 'steuer', 'tva', 'tva %', '% tva', 'taux tva', 'btw', 'btw %', 'iva', 'iva %', '% iva', 'stawka vat', 'stawka', 'vat %'],
};

/** Header words that say the amount column includes tax (so the line sum is compared with the gross total). */
export const INCLUDES_TAX = ['incl', 'inkl', 'ttc', 'brutto', 'gross', 'inclusief', 'ivato', 'ivainc'];
