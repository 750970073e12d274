import { xmlField } from '@conveyor/documents';
import { crossCheckPrintedTotals, printedAmounts } from './printed-totals.cross-check';

const fields = { totalGross: xmlField('1021.91'), amountDue: xmlField('521.91') };

describe('printed totals cross-check', () => {
  it('finds German, French and English printed forms of the XML totals', () => {
    expect(crossCheckPrintedTotals(fields, ['Bruttosumme 1.021,91 €\nZahlbetrag 521,91 €'])).toEqual([]);
    expect(crossCheckPrintedTotals(fields, ['Total TTC 1 021,91 €', 'Net à payer\u00a0521,91'])).toEqual([]);
    expect(crossCheckPrintedTotals(fields, ['Total 1,021.91 GBP   Due 521.91'])).toEqual([]);
  });

  it('warns when a total on the page differs from the XML (one cent is enough)', () => {
    const issues = crossCheckPrintedTotals(fields, ['Endsumme 1.021,92 €   Zahlbetrag 521,91 €']);
    expect(issues).toEqual([expect.objectContaining({ code: 'XML_TOTAL_MISMATCH', severity: 'warning', fields: ['totalGross'] })]);
  });

  it('ignores the sign, which credit notes print in many ways', () => {
    expect(crossCheckPrintedTotals({ totalGross: xmlField('-233.47') }, ['Total TTC (233,47)'])).toEqual([]);
  });

  it('says nothing when there is no text layer to compare with', () => {
    expect(crossCheckPrintedTotals(fields, ['', '  '])).toEqual([]);
  });

  it('reads numbers that a plain space separates as separate amounts', () => {
    expect(printedAmounts('20 9,90 198,00').map((amount) => amount.toFixed(2))).toEqual(expect.arrayContaining(['20.00', '9.90', '198.00']));
  });
});
