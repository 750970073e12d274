import { currencyDigits, decimalToMinor, minorToDecimal } from './money';

describe('money in minor units', () => {
  it('knows the decimals of each currency', () => {
    expect([currencyDigits('EUR'), currencyDigits('JPY'), currencyDigits('BHD'), currencyDigits('usd')]).toEqual([2, 0, 3, 2]);
    expect(() => currencyDigits('EURO')).toThrow(expect.objectContaining({ code: 'CURRENCY_INVALID' }));
    expect(() => currencyDigits('')).toThrow(expect.objectContaining({ code: 'CURRENCY_INVALID' }));
  });

  it('turns decimal text into minor units and back exactly, far past the range of doubles', () => {
    expect(decimalToMinor('1234.5', 'EUR')).toBe(123450n);
    expect(decimalToMinor('-0.01', 'EUR')).toBe(-1n);
    expect(decimalToMinor('1500', 'JPY')).toBe(1500n);
    expect(decimalToMinor('1.234', 'KWD')).toBe(1234n);
    expect(decimalToMinor('92233720368547758.07', 'EUR')).toBe(9223372036854775807n);
    expect(minorToDecimal(9223372036854775807n, 'EUR')).toBe('92233720368547758.07');
    expect(minorToDecimal(-5n, 'EUR')).toBe('-0.05');
    expect(minorToDecimal(-1500n, 'JPY')).toBe('-1500');
    expect(minorToDecimal(7n, 'BHD')).toBe('0.007');
  });

  it('refuses what is not an amount of the currency instead of rounding it', () => {
    expect(() => decimalToMinor('12.345', 'EUR')).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
    expect(() => decimalToMinor('1.5', 'JPY')).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
    expect(() => decimalToMinor('ten', 'EUR')).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
    expect(() => decimalToMinor('Infinity', 'EUR')).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
  });
});
