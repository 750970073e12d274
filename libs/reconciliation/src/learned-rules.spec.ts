import { EMPTY_LEARNING_STATE, learnFromConfirmation, learnFromRejection, type Decision, type LearningState } from './learned-rules';
import { bankLine, openItem } from './reconciliation-cases.fixture';
import { reconcilePayments } from './reconcile-payments';

const PAYPAL_IBAN = 'LU89751000135104200E';
const vendorItem = openItem({ id: 'a', vendorName: 'Nordwind Maschinenbau GmbH', invoiceNumber: '2026-0042', amount: '640.00' });
const viaPaypal = bankLine({ amount: '-640.00', counterpartyName: 'PayPal Europe S.a r.l. et Cie', counterpartyIban: PAYPAL_IBAN });
const confirmation: Decision = { transaction: viaPaypal, openItems: [vendorItem] };

function decisionFor(learned: LearningState): string | null {
  const result = reconcilePayments({ openItems: [vendorItem, openItem({ id: 'other', vendorName: 'Kestrel Foods Ltd', vendorIban: null, amount: '9.99' })], statements: [{ transactions: [viaPaypal] }], learned });
  return result.matches[0]?.decision ?? null;
}

const confirmedTimes = (times: number, state: LearningState = EMPTY_LEARNING_STATE): LearningState =>
  Array.from({ length: times }).reduce<LearningState>((current) => learnFromConfirmation(current, confirmation, 3), state);

describe('learning from accountants', () => {
  it('a confirmation teaches the counterparty IBAN and name as aliases of the vendor, as suggestions', () => {
    const state = learnFromConfirmation(EMPTY_LEARNING_STATE, confirmation);
    expect(state.rules).toEqual([
      { kind: 'alias', key: `iban:${PAYPAL_IBAN}`, vendorKey: 'nordwind maschinenbau', confirmations: 1, rejections: 0, status: 'suggest' },
      { kind: 'alias', key: 'name:paypal', vendorKey: 'nordwind maschinenbau', confirmations: 1, rejections: 0, status: 'suggest' },
    ]);
    expect(EMPTY_LEARNING_STATE.rules).toEqual([]);
  });

  it('a learned rule only suggests until it is confirmed three times, then it decides', () => {
    // Before: only the amount, and an IBAN that is not the vendor's: no match at all.
    expect(decisionFor(EMPTY_LEARNING_STATE)).toBeNull();
    expect(decisionFor(confirmedTimes(1))).toBe('suggest');
    expect(decisionFor(confirmedTimes(2))).toBe('suggest');
    const promoted = confirmedTimes(3);
    expect(promoted.rules.every((rule) => rule.status === 'auto')).toBe(true);
    expect(decisionFor(promoted)).toBe('auto');
  });

  it('the promotion count is configurable', () => {
    expect(learnFromConfirmation(EMPTY_LEARNING_STATE, confirmation, 1).rules.every((rule) => rule.status === 'auto')).toBe(true);
  });

  it('a rejection demotes a promoted rule to a suggestion and restarts its count; a second one retires it', () => {
    const demoted = learnFromRejection(confirmedTimes(3), confirmation);
    expect(demoted.rules.map((rule) => [rule.status, rule.confirmations, rule.rejections])).toEqual([
      ['suggest', 0, 1],
      ['suggest', 0, 1],
    ]);
    expect(decisionFor(demoted)).toBe('suggest');
    expect(decisionFor(confirmedTimes(3, demoted))).toBe('auto');
    const retired = learnFromRejection(demoted, confirmation);
    expect(retired.rules.every((rule) => rule.status === 'retired')).toBe(true);
    expect(decisionFor(confirmedTimes(3, retired))).toBeNull();
  });

  it('learns how a vendor writes our invoice numbers and uses the pattern for new invoices once confirmed', () => {
    const first = openItem({ id: 'first', invoiceNumber: '2026-0042', vendorIban: null });
    const later = openItem({ id: 'later', invoiceNumber: '2026-0077', vendorIban: null, amount: '1000.00' });
    const confirmed = { transaction: bankLine({ description: 'ZAHLUNG KDABC20260042XY' }), openItems: [first] };
    const state = [1, 2, 3].reduce<LearningState>((current) => learnFromConfirmation(current, confirmed), EMPTY_LEARNING_STATE);
    expect(state.rules).toEqual([{ kind: 'reference-pattern', key: 'KDA8C|XY', vendorKey: 'nordwind maschinenbau', confirmations: 3, rejections: 0, status: 'auto' }]);

    const line = bankLine({ description: 'ZAHLUNG KDABC20260077XY' });
    const before = reconcilePayments({ openItems: [later, openItem({ id: 'twin', invoiceNumber: '9999-1', vendorIban: null })], statements: [{ transactions: [line] }] });
    expect(before.matches[0]?.decision).not.toBe('auto');
    const after = reconcilePayments({ openItems: [later, openItem({ id: 'twin', invoiceNumber: '9999-1', vendorIban: null })], statements: [{ transactions: [line] }], learned: state });
    expect(after.matches[0]).toMatchObject({ decision: 'auto', allocations: [{ openItemId: 'later', amount: '1000.00' }] });
    expect(after.matches[0].reasons[0]).toBe('invoice number found through a learned reference pattern (+0.30)');
  });
});
