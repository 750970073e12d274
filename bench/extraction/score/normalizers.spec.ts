import { amountsMatch, compactIdentifier, isSignError, judgeName, normalizeAmount, normalizeCurrency, normalizeDocumentNumber, normalizeName, parseDate } from './normalizers';

describe('amount normalizer (corpus README rule)', () => {
  it.each([
    ['1.234,56', '1234.56'],
    ['1,234.56', '1234.56'],
    ['1 234,56', '1234.56'],
    ['1\u202f234,56', '1234.56'],
    ['1\u00a0234,56 €', '1234.56'],
    ["1'234.56", '1234.56'],
    ['CHF 1’234.50', '1234.5'],
    ['€ 4.904,94', '4904.94'],
    ['(12.00)', '-12'],
    ['-529,87', '-529.87'],
    ['529,87-', '-529.87'],
    ['Rs 1939', '1939'],
    ['RM 9.00', '9'],
    ['$ 12.5', '12.5'],
    ['1.234', '1234'],
    ['1,234', '1234'],
    ['12,5', '12.5'],
    ['1 234 567,8 zł', '1234567.8'],
    ['PLN 0,99', '0.99'],
  ])('%s → %s', (text, expected) => {
    expect(normalizeAmount(text)?.toString()).toBe(expected);
  });

  it('refuses text that is not an amount', () => {
    expect(normalizeAmount('abc')).toBeUndefined();
    expect(normalizeAmount('')).toBeUndefined();
    expect(normalizeAmount('12a.50')).toBeUndefined();
  });

  it('matches within half a cent and counts sign errors apart', () => {
    expect(amountsMatch('1234.564', '1.234,56')).toBe(true); // a contract decimal with three places
    expect(amountsMatch('1234.00', '1.234')).toBe(true); // a printed truth: three digits after the dot are grouping
    expect(amountsMatch('1234.57', '1.234,56')).toBe(false);
    expect(amountsMatch(963.11, '963,11 €')).toBe(true);
    expect(isSignError('529.87', '-529.87')).toBe(true);
    expect(isSignError('-529.87', '-529.87')).toBe(false);
    expect(isSignError('529.88', '-529.87')).toBe(false);
  });
});

describe('date normalizer', () => {
  it.each([
    ['2024-03-07', 'dmy', '2024-03-07'],
    ['07.03.2024', 'dmy', '2024-03-07'],
    ['07/03/2024', 'mdy', '2024-07-03'],
    ['7/3/24', 'dmy', '2024-03-07'],
    ['14 MAR 2018', 'dmy', '2018-03-14'],
    ['12-Feb-2019', 'dmy', '2019-02-12'],
    ['August 3 , 2014', 'mdy', '2014-08-03'],
    ['Jan 1, 2022', 'mdy', '2022-01-01'],
    ['19 april 2014', 'dmy', '2014-04-19'],
    ['29 maart 2014', 'dmy', '2014-03-29'],
    ['02 Juillet 2015', 'dmy', '2015-07-02'],
    ['1er mars 2024', 'dmy', '2024-03-01'],
    ['3. März 2024', 'dmy', '2024-03-03'],
    ['12. Mai 2023', 'dmy', '2023-05-12'],
    ['12 de marzo de 2024', 'dmy', '2024-03-12'],
    ['5 settembre 2025', 'dmy', '2025-09-05'],
    ['17 października 2024', 'dmy', '2024-10-17'],
    ['12 août 2021', 'dmy', '2021-08-12'],
  ] as const)('%s (%s) → %s', (text, order, expected) => {
    expect(parseDate(text, order)?.iso).toBe(expected);
  });

  it('marks numeric dates whose order only the locale decides', () => {
    expect(parseDate('03/04/2024', 'dmy')).toEqual({ iso: '2024-04-03', ambiguous: true });
    expect(parseDate('13/04/2024', 'dmy')).toEqual({ iso: '2024-04-13', ambiguous: false });
    expect(parseDate('04/04/2024', 'dmy')?.ambiguous).toBe(false);
    expect(parseDate('3 April 2024', 'dmy')?.ambiguous).toBe(false);
  });

  it('refuses impossible dates', () => {
    expect(parseDate('31.02.2024', 'dmy')).toBeUndefined();
    expect(parseDate('13/13/2024', 'dmy')).toBeUndefined();
    expect(parseDate('no date here', 'dmy')).toBeUndefined();
  });
});

describe('name normalizer', () => {
  it('maps legal-form variants to one token', () => {
    expect(normalizeName('Coolblue B.V.')).toBe(normalizeName('COOLBLUE BV'));
    expect(normalizeName('Coolblue B V')).toBe(normalizeName('Coolblue BV'));
    expect(normalizeName('ACME S.A.')).toBe(normalizeName('Acme Spolka Akcyjna'));
    expect(normalizeName('Kedai Maju SDN. BHD.')).toBe(normalizeName('KEDAI MAJU S/B'));
    expect(normalizeName('Harrington Supplies Limited')).toBe(normalizeName('Harrington Supplies Ltd.'));
    expect(normalizeName('Summit Solutions Incorporated')).toBe(normalizeName('Summit Solutions Inc'));
    expect(normalizeName('Hansa Logistik GmbH & Co. KG')).toBe('hansa logistik gmbh and cokg');
    expect(normalizeName('Müller Straße GmbH')).toBe('müller strasse gmbh');
  });

  it('keeps different names apart and reports near misses separately', () => {
    expect(judgeName('GL HANDICRAFT & TAILORING', 'GL HANDICRAFT & TAIL ORING')).toBe('near');
    expect(judgeName('Lieferant GmbH', 'Lieferant GmbH\nGLN 4000001000005')).toBe('correct');
    expect(judgeName('Kunde GmbH', 'Lieferant GmbH')).toBe('wrong');
  });
});

describe('identifiers and currency', () => {
  it('invoice numbers: uppercase, no whitespace, leading markers stripped, other punctuation kept', () => {
    expect(normalizeDocumentNumber('No. inv/2023/03/0008')).toBe('INV/2023/03/0008');
    expect(normalizeDocumentNumber('# 471 102')).toBe('471102');
    expect(normalizeDocumentNumber('N° RE-20170509/505')).toBe('RE-20170509/505');
    expect(normalizeDocumentNumber('RE-20170509/505')).not.toBe(normalizeDocumentNumber('RE20170509505'));
  });

  it('VAT ids and IBANs compare without spaces, dots and dashes', () => {
    expect(compactIdentifier('DE 123 456 789')).toBe('DE123456789');
    expect(compactIdentifier('CHE-116.281.710')).toBe('CHE116281710');
    expect(compactIdentifier('nl50 ingb 0683 2513 09')).toBe('NL50INGB0683251309');
  });

  it('currency symbols map to ISO codes', () => {
    expect(normalizeCurrency('€')).toBe('EUR');
    expect(normalizeCurrency('£')).toBe('GBP');
    expect(normalizeCurrency('RM')).toBe('MYR');
    expect(normalizeCurrency('zł')).toBe('PLN');
    expect(normalizeCurrency('₹')).toBe('INR');
    expect(normalizeCurrency('$')).toBe('USD');
    expect(normalizeCurrency(' chf ')).toBe('CHF');
  });
});
