import { authorityTableProblems, routeByAmount, type AuthorityTable } from './authority-routing';
import { compareAmounts, isDecimalAmount, toDecimalText } from './decimal-amount';

const accountants = { users: [], roles: ['accountant'], groups: [] };
const seniors = { users: [], roles: [], groups: ['senior-accountants'] };
const financeLead = { users: ['user:finance-lead'], roles: [], groups: [] };

const table = (amount: string): AuthorityTable => ({
  amount,
  currency: 'EUR',
  bands: [
    { upTo: '1000.00', assignees: accountants },
    { upTo: '10000.00', assignees: seniors },
    { assignees: financeLead, approvals: 2 },
  ],
});

describe('delegation of authority', () => {
  it.each([
    ['0.00', 0],
    ['999.99', 0],
    ['1000.00', 0],
    ['1000', 0],
    ['1000.001', 1],
    ['1000.01', 1],
    ['10000.00', 1],
    ['10000.01', 2],
    ['99999999999999999999.99', 2],
  ])('routes %s to band %i', (amount, band) => {
    expect(routeByAmount(table(amount)).band).toBe(band);
  });

  it('gives the band its assignees and its own number of approvals', () => {
    expect(routeByAmount(table('500.00'))).toEqual({ band: 0, assignees: accountants });
    expect(routeByAmount(table('20000.00'))).toEqual({ band: 2, assignees: financeLead, approvals: 2 });
  });

  it('compares exactly where floating point would not: 0.1 + 0.2 style limits', () => {
    const bands = [{ upTo: '0.3', assignees: accountants }, { assignees: seniors }];
    expect(routeByAmount({ amount: '0.30000000000000001', bands }).band).toBe(1);
    expect(routeByAmount({ amount: '0.3', bands }).band).toBe(0);
  });

  it('refuses an amount above every band when the last band has a limit', () => {
    const bands = [{ upTo: '1000.00', assignees: accountants }];
    expect(() => routeByAmount({ amount: '1000.01', bands })).toThrow(expect.objectContaining({ code: 'BAD_STEP_INPUT' }));
  });

  it('finds tables whose limits do not rise or whose open band is not last', () => {
    expect(authorityTableProblems([{ upTo: '1000' }, { upTo: '1000.00' }, {}])).toEqual([
      { index: 1, message: "upTo 1000.00 must be greater than the previous band's 1000" },
    ]);
    expect(authorityTableProblems([{}, { upTo: '5' }])).toEqual([{ index: 0, message: 'only the last band may leave out upTo' }]);
    expect(authorityTableProblems([{ upTo: '1' }, { upTo: '2' }, {}])).toEqual([]);
  });
});

describe('decimal amounts', () => {
  it('accepts decimal text and finite numbers, nothing else', () => {
    expect([isDecimalAmount('1000.00'), isDecimalAmount('-5'), isDecimalAmount(12.5), isDecimalAmount('1e3')]).toEqual([true, true, true, false]);
    expect([isDecimalAmount('1,000.00'), isDecimalAmount(Number.NaN), isDecimalAmount(''), isDecimalAmount(null)]).toEqual([false, false, false, false]);
  });

  it('keeps text as written and writes numbers without exponent', () => {
    expect(toDecimalText('1000.00')).toBe('1000.00');
    expect(toDecimalText(1000.01)).toBe('1000.01');
    expect(toDecimalText(1e21)).toBe('1000000000000000000000');
    expect(() => toDecimalText('twelve')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  it('compares by value, not by text', () => {
    expect(compareAmounts('1000.00', '1000')).toBe(0);
    expect(compareAmounts('1000.01', 1000)).toBe(1);
    expect(compareAmounts('-0.01', '0')).toBe(-1);
  });
});
