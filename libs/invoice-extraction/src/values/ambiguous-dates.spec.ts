import { DEFAULT_LOW_CONFIDENCE_THRESHOLD, extractInvoiceFields } from '../extract-invoice-fields';
import { layoutOf, stacked, type PlacedText } from '../layout-builder.fixture';

/**
 * English numeric dates whose day and month are both 12 or less, on pages where nothing proves the order: the
 * currency or a VAT id's country suggests one (US dollars: month first; pounds, euros, a GB VAT id: day first),
 * but that is a hint, not proof. Each case mirrors a page shape the benchmark found auto-accepted at 0.9; every
 * such date must come back flagged DATE_AMBIGUOUS, below the auto-accept threshold, with both readings named.
 */
interface AmbiguousCase {
  readonly page: readonly PlacedText[];
  /** Field → the reading returned (the hinted order's, else day first) and the other reading. */
  readonly dates: Partial<Record<'issueDate' | 'dueDate', [string, string]>>;
}

const CASES: Record<string, AmbiguousCase> = {
  'labels above values, the currency in a header cell (EUR)': {
    page: [
      { text: 'Invoice', x: 0.08, y: 0.05 },
      { text: 'Inv. No.            Invoice date          Currency', x: 0.08, y: 0.12 },
      { text: 'FA24-80417          06/09/2024            EUR', x: 0.08, y: 0.135 },
      ...stacked(0.5, 0.6, ['Subtotal        4,858.77', 'Tax 20%           971.75', 'Invoice total   5,830.52']),
    ],
    dates: { issueDate: ['2024-09-06', '2024-06-09'] },
  },
  'boxed grid, amounts in EUR, the customer’s GB VAT id': {
    page: [
      { text: 'INVOICE', x: 0.45, y: 0.04 },
      ...stacked(0.55, 0.08, ['Invoice to', 'Northgate Supplies Limited', 'VAT Reg. No.: GB830588910']),
      { text: 'Invoice #             Issue date            PO Number', x: 0.08, y: 0.2 },
      { text: 'FV/978/05/2025        09/05/2025            IR175745', x: 0.08, y: 0.215 },
      { text: 'Net total        VAT 20%         Grand total', x: 0.08, y: 0.7 },
      { text: 'EUR 1000.00      EUR 200.00      EUR 1200.00', x: 0.08, y: 0.715 },
    ],
    dates: { issueDate: ['2025-05-09', '2025-09-05'] },
  },
  'a receipt in pounds with the seller’s GB VAT id and a bare "Date" label': {
    page: [
      ...stacked(0.3, 0.03, ['Harbour Lane Stationers PLC', '12 Quay Street', 'VAT Reg. No.: GB175438289', 'INVOICE']),
      ...stacked(0.1, 0.12, ['Invoice No.                 FV/990/12/2022', 'Date                            10/12/2022']),
      ...stacked(0.1, 0.3, ['Net amount                 £3,386.40', 'VAT 20%                      £677.28', 'Invoice total              £4,063.68']),
    ],
    dates: { issueDate: ['2022-12-10', '2022-10-12'] },
  },
  'GB VAT id and IBAN, euros, issue and due dates both ambiguous': {
    page: [
      ...stacked(0.08, 0.04, ['Fenwick & Doyle Ltd', '110 Castle Road | York', 'VAT ID: GB447624140']),
      ...stacked(0.5, 0.1, ['Inv. No.:            2019/09/3060', 'Date of issue:          05/09/2019', 'Due by:                 04/10/2019']),
      ...stacked(0.5, 0.6, ['Net total:          EUR 1,000.00', 'VAT 20%:              EUR 200.00', 'Total:              EUR 1,200.00']),
      { text: 'IBAN: GB33 LOYD 7964 0674 4892 58', x: 0.08, y: 0.9 },
    ],
    dates: { issueDate: ['2019-09-05', '2019-05-09'], dueDate: ['2019-10-04', '2019-04-10'] },
  },
  'US dollars named by a currency line, issue and due dates both ambiguous': {
    page: [
      ...stacked(0.55, 0.03, ['BRIGHTWATER TOOLS LLC', '83 Pine Street, Columbus, OH']),
      ...stacked(0.08, 0.15, ['Inv. No.:            FV/739/09/2021', 'Invoice Date:        09/10/2021', 'Pay by:              11/09/2021', 'Amounts in:          USD']),
      ...stacked(0.5, 0.6, ['Subtotal              5,432.02', 'Sales tax 8.875%         0.92', 'Invoice total         5,432.94']),
    ],
    dates: { issueDate: ['2021-09-10', '2021-10-09'], dueDate: ['2021-11-09', '2021-09-11'] },
  },
  'dollar signs on the amounts, the dates in one header row': {
    page: [
      { text: 'Invoice', x: 0.45, y: 0.05 },
      { text: 'Inv. No.: F2020-253      Date of issue: 11/05/2020      Due by: 12/05/2020', x: 0.08, y: 0.1 },
      ...stacked(0.5, 0.6, ['Subtotal:          $23,627.76', 'Tax 8.875%:         $2,096.96', 'Total:             $25,724.72']),
    ],
    dates: { issueDate: ['2020-11-05', '2020-05-11'], dueDate: ['2020-12-05', '2020-05-12'] },
  },
  '"US$" amounts and a bare "Date" label above its value': {
    page: [
      { text: 'Invoice', x: 0.08, y: 0.05 },
      { text: 'Invoice Number       Date              Customer ID', x: 0.08, y: 0.12 },
      { text: '9714837              10/02/2022        8115696', x: 0.08, y: 0.135 },
      { text: 'Net total          VAT total          Total', x: 0.3, y: 0.7 },
      { text: 'US$ 1,000.00       US$ 72.50          US$ 1,072.50', x: 0.3, y: 0.715 },
    ],
    // "US$" is not read as a currency mark, so nothing hints: day first, flagged all the same.
    dates: { issueDate: ['2022-10-02', '2022-02-10'] },
  },
  'pounds and a GB VAT id, issue and due dates both ambiguous': {
    page: [
      ...stacked(0.08, 0.04, ['Whitcombe Facilities Ltd.', '96 Mill Lane | Bristol']),
      ...stacked(0.5, 0.1, ['Invoice Number:          FA22-07912', 'Issue date:              12/11/2022', 'Payment due:             11/01/2023']),
      { text: 'VAT ID: GB281603806', x: 0.08, y: 0.2 },
      ...stacked(0.5, 0.6, ['Net total:       £1,000.00', 'VAT 20%:           £200.00', 'Total:           £1,200.00']),
    ],
    dates: { issueDate: ['2022-11-12', '2022-12-11'], dueDate: ['2023-01-11', '2023-11-01'] },
  },
};

describe('ambiguous dates read on a hint are flagged, never auto-accepted', () => {
  it.each(Object.entries(CASES))('%s', (_name, { page, dates }) => {
    const result = extractInvoiceFields(layoutOf(page));
    expect(result.locale.dateOrderProven).toBe(false);
    for (const [field, [hinted, other]] of Object.entries(dates) as ['issueDate' | 'dueDate', [string, string]][]) {
      expect(result.fields[field]?.value).toBe(hinted);
      expect(result.fields[field]!.confidence).toBeLessThan(DEFAULT_LOW_CONFIDENCE_THRESHOLD);
      const issue = result.issues.find((candidate) => candidate.code === 'DATE_AMBIGUOUS' && candidate.fields.includes(field));
      expect(issue).toMatchObject({ severity: 'warning' });
      expect(issue!.message).toContain(hinted);
      expect(issue!.message).toContain(other);
    }
  });

  it('says which hint chose the reading', () => {
    const result = extractInvoiceFields(layoutOf(CASES['US dollars named by a currency line, issue and due dates both ambiguous'].page));
    const issue = result.issues.find((candidate) => candidate.code === 'DATE_AMBIGUOUS' && candidate.fields.includes('issueDate'));
    expect(issue!.message).toContain('month first as amounts in US dollars suggest');
  });

  it('the same page with one date showing its order (a day above 12) is certain, and accepted', () => {
    const result = extractInvoiceFields(
      layoutOf([
        ...stacked(0.5, 0.1, ['Invoice Number:          FA22-07912', 'Issue date:              12/11/2022', 'Payment due:             27/12/2022']),
        ...stacked(0.5, 0.6, ['Net total:       £1,000.00', 'VAT 20%:           £200.00', 'Total:           £1,200.00']),
      ]),
    );
    expect(result.locale).toMatchObject({ dateOrder: 'dmy', dateOrderProven: true });
    expect(result.fields.issueDate?.value).toBe('2022-11-12');
    expect(result.fields.issueDate!.confidence).toBeGreaterThanOrEqual(DEFAULT_LOW_CONFIDENCE_THRESHOLD);
    expect(result.issues.map((issue) => issue.code)).not.toContain('DATE_AMBIGUOUS');
  });

  it('a date with equal day and month is not ambiguous whatever the hint', () => {
    const result = extractInvoiceFields(layoutOf(stacked(0.1, 0.1, ['Invoice number: 42', 'Invoice date: 04/04/2024', 'Total: $100.00'])));
    expect(result.fields.issueDate?.value).toBe('2024-04-04');
    expect(result.issues.map((issue) => issue.code)).not.toContain('DATE_AMBIGUOUS');
  });
});
