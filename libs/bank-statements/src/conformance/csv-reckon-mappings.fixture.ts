import type { CsvMapping } from '../csv/csv-mapping';

/**
 * Saved mappings for the reckon cases, derived from each case's upstream `test_args` (separator, comma cents,
 * header lines, date format) and a look at the columns. These are what a user would save once per bank.
 */
export const RECKON_MAPPINGS: Record<string, CsvMapping> = {
  bom_utf8_file: {
    delimiter: ',', decimalSeparator: '.', dateFormat: 'MM/dd/yyyy', headerRows: 1, hasHeader: true,
    columns: { date: 'Date', amount: 'Gross', currency: 'Currency', counterpartyName: 'Name', bankReference: 'Transaction ID', description: ['Name', 'Type', 'Status', 'Item Title'] },
  },
  danish_kroner_nordea_example: {
    delimiter: ';', decimalSeparator: ',', dateFormat: 'dd-MM-yyyy', headerRows: 0, hasHeader: false, currency: 'DKK',
    columns: { date: 0, valueDate: 2, amount: 3, description: [1] },
  },
  french_example: {
    delimiter: ';', decimalSeparator: ',', dateFormat: 'dd/MM/yyyy', headerRows: 0, hasHeader: false, currency: 'EUR',
    columns: { date: 1, amount: 4, reference: 3, description: [0, 2] },
  },
  invalid_header_example: {
    delimiter: ';', decimalSeparator: ',', dateFormat: 'dd/MM/yyyy', headerRows: 4, hasHeader: true,
    columns: { date: "Date de l'opération", amount: "Montant de l'opération", currency: 'Devise', description: ['Libellé', "Détail de l'écriture"] },
  },
  ledger_date_format: {
    delimiter: ',', decimalSeparator: '.', dateFormat: 'dd/MM/yyyy', headerRows: 0, hasHeader: false, currency: 'USD',
    columns: { date: 0, debit: 3, credit: 4, reference: 2, description: [1] },
  },
  nationwide: {
    delimiter: ',', decimalSeparator: '.', dateFormat: 'dd MMM yyyy', headerRows: 0, hasHeader: false, currency: 'GBP',
    columns: { date: 0, debit: 3, credit: 4, description: [1, 2] },
  },
  'regression/issue_51_account_tokens': {
    delimiter: ',', decimalSeparator: '.', dateFormat: 'MM/dd/yyyy', headerRows: 0, hasHeader: false, currency: 'CAD',
    columns: { date: 0, amount: 2, description: [1] },
  },
  'regression/issue_85_date_example': {
    delimiter: ',', decimalSeparator: '.', dateFormat: 'yyyy-MM-dd', headerRows: 0, hasHeader: false, currency: 'USD',
    columns: { date: 2, amount: 6, description: [0, 1, 4, 5] },
  },
  spanish_date_example: {
    delimiter: ',', decimalSeparator: '.', dateFormat: 'dd/MM/yyyy', headerRows: 0, hasHeader: false, currency: 'USD',
    columns: { date: 0, debit: 3, credit: 4, reference: 2, description: [1] },
  },
  suntrust: {
    delimiter: ',', decimalSeparator: '.', dateFormat: 'MM/dd/yyyy', headerRows: 0, hasHeader: false, currency: 'USD',
    columns: { date: 0, debit: 3, credit: 4, reference: 1, description: [2] },
  },
  two_money_columns: {
    delimiter: ',', decimalSeparator: '.', dateFormat: 'M/d/yyyy', headerRows: 0, hasHeader: false, currency: 'USD',
    columns: { date: 0, debit: 3, credit: 4, reference: 2, description: [1] },
  },
  yyyymmdd_date_example: {
    delimiter: ',', decimalSeparator: '.', dateFormat: 'yyyyMMdd', headerRows: 0, hasHeader: false, currency: 'USD',
    columns: { date: 1, amount: 3, description: [0, 2] },
  },
};
