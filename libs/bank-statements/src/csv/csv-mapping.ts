/** A column by its 0-based index or by its header name (as written in the header row). */
export type CsvColumn = number | string;

/**
 * A saved column mapping for one bank's CSV export. Amount comes from one signed column, or from a debit and a
 * credit column (either may hold a sign, a currency symbol or a 0 placeholder).
 */
export interface CsvMapping {
  /** Field separator: ",", ";", "\t" or "|". */
  delimiter: string;
  /** "." (1,234.56) or "," (1.234,56). */
  decimalSeparator: '.' | ',';
  /** luxon format tokens, e.g. "dd.MM.yyyy", "MM/dd/yyyy", "d/M/yyyy", "yyyyMMdd", "dd MMM yyyy". */
  dateFormat: string;
  /** Lines before the first data row; when `hasHeader` the last of them holds the column names. */
  headerRows: number;
  hasHeader: boolean;
  columns: {
    date: CsvColumn;
    valueDate?: CsvColumn;
    amount?: CsvColumn;
    debit?: CsvColumn;
    credit?: CsvColumn;
    currency?: CsvColumn;
    counterpartyName?: CsvColumn;
    counterpartyIban?: CsvColumn;
    reference?: CsvColumn;
    bankReference?: CsvColumn;
    /** Several columns are joined with "; ". */
    description?: CsvColumn[];
  };
  /** Currency when there is no currency column (or it is empty). */
  currency?: string;
  /** The statement's account, when the file does not say. */
  accountIban?: string;
  /** Some exports show payments as positive numbers: flip every sign. */
  negateAmounts?: boolean;
}
