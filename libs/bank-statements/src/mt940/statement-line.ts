import { DateTime } from 'luxon';
import { normaliseAmount } from '../amount-text';
import { isoDay } from '../calendar-date';

/** A ":61:" statement line, read. */
export interface StatementLine {
  valueDate: string;
  entryDate: string | null;
  amount: string;
  reversal: boolean;
  fundsCode: string | null;
  typeCode: string;
  customerReference: string | null;
  bankReference: string | null;
  supplementary: string | null;
  /** Set when the bank wrote an impossible date (e.g. 30 February) and it was moved to the month's last day. */
  correctedDate: string | null;
}

// value date YYMMDD, entry date MMDD, mark (RC/RD reversals first), funds code, amount, type, references.
const LINE = /^(\d{2})(\d{2})(\d{2})(\d{4})?(RC|RD|C|D)([A-Z])?(\d[\d,]*)([A-Z][A-Z0-9 ]{3})([^\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;

/** Reads a ":61:" value, or says why it cannot. */
export function readStatementLine(value: string, currency: string): StatementLine | string {
  const match = LINE.exec(value.trim());
  if (!match) return `":61:${value.split('\n')[0]}" is not a statement line (date, C/D mark, amount, type code, reference)`;
  const [, yy, mm, dd, entryMmdd, mark, funds, amountText, typeCode, customer, bank, supplementary] = match;
  if (!amountText.includes(',')) return `amount "${amountText}" has no decimal comma`;
  const year = 2000 + Number(yy) - (Number(yy) >= 80 ? 100 : 0);
  let valueDate = isoDay(year, Number(mm), Number(dd));
  let correctedDate: string | null = null;
  if (!valueDate) {
    const lastDay = DateTime.fromObject({ year, month: Number(mm), day: 1 }, { zone: 'utc' });
    if (!lastDay.isValid || Number(dd) < 1 || Number(dd) > 31) return `value date "${yy}${mm}${dd}" is not a date`;
    valueDate = lastDay.endOf('month').toISODate()!;
    correctedDate = `${yy}${mm}${dd}`;
  }
  const credit = mark === 'C' || mark === 'RD';
  const amount = normaliseAmount(amountText, currency, !credit);
  if (amount === null) return `amount "${amountText}" is not a decimal`;
  return {
    valueDate,
    entryDate: entryMmdd ? entryDateNear(valueDate, Number(entryMmdd.slice(0, 2)), Number(entryMmdd.slice(2))) : null,
    amount,
    reversal: mark.startsWith('R'),
    fundsCode: funds ?? null,
    typeCode,
    customerReference: reference(customer),
    bankReference: reference(bank),
    supplementary: supplementary?.trim() || null,
    correctedDate,
  };
}

/** The entry date carries no year: take the one that puts it nearest the value date (across New Year). */
function entryDateNear(valueDate: string, month: number, day: number): string | null {
  const valueYear = Number(valueDate.slice(0, 4));
  const valueMonth = Number(valueDate.slice(5, 7));
  const year = month - valueMonth > 6 ? valueYear - 1 : valueMonth - month > 6 ? valueYear + 1 : valueYear;
  return isoDay(year, month, day);
}

function reference(text: string | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed && trimmed.toUpperCase() !== 'NONREF' ? trimmed : null;
}
