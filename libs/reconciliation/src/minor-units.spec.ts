import { fromMinorUnits, toMinorUnits } from './minor-units';

describe('minor units', () => {
  it('uses the ISO 4217 exponent of each currency', () => {
    expect(toMinorUnits('1234.5', 'EUR')).toBe(123450);
    expect(toMinorUnits('-0.10', 'EUR')).toBe(-10);
    expect(toMinorUnits('1500', 'JPY')).toBe(1500);
    expect(toMinorUnits('1.234', 'BHD')).toBe(1234);
    expect(fromMinorUnits(-123450, 'EUR')).toBe('-1234.50');
    expect(fromMinorUnits(1234, 'BHD')).toBe('1.234');
  });

  it('refuses what it would have to round, and what is not money', () => {
    expect(() => toMinorUnits('12.345', 'EUR')).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
    expect(() => toMinorUnits('1.5', 'JPY')).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
    expect(() => toMinorUnits('ten', 'EUR')).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
    expect(() => toMinorUnits('1', 'EURO')).toThrow(expect.objectContaining({ code: 'CURRENCY_INVALID' }));
    expect(() => toMinorUnits('123456789012345.67', 'EUR')).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
  });
});
