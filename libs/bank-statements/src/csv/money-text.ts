import { normaliseAmount } from '../amount-text';

const SYMBOL = String.raw`(?:[A-Z]{3}|[$£€¥₹₩₽¤]|kr\.?|Fr\.?)`;
/** Sign, currency, digits with grouping, currency, trailing sign, in that order, each optional but the digits. */
const MONEY = new RegExp(String.raw`^([+-]?)\s*${SYMBOL}?\s*([+-]?)\s*(\d[\d.,'’ ]*|[.,]\d+)\s*${SYMBOL}?\s*([+-]?)$`);

/**
 * A money cell as exports write it: currency symbols or codes ("£500.00", "-$76.00", "1234,37 EUR"), thousands
 * separators ("1,750.06", "1.750,06", "1'750.06", "1 750,06"), signs in front or behind ("76.00-"), accounting
 * parentheses ("(76.00)"). Returns the signed decimal string, "" for an empty cell, null when it is no amount.
 */
export function readMoneyCell(cell: string, decimalSeparator: '.' | ',', currency: string): string | null | '' {
  let text = cell.trim();
  if (text === '') return '';
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  const match = MONEY.exec(text);
  if (!match) return null;
  const signs = [match[1], match[2], match[4]].filter(Boolean);
  if (signs.length > 1) return null;
  if (signs[0] === '-') negative = !negative;
  const grouping = decimalSeparator === '.' ? /[,'’ ]/g : /[.'’ ]/g;
  const plain = match[3].trim().replace(grouping, '').replace(',', '.');
  if ((plain.match(/\./g) ?? []).length > 1) return null;
  return normaliseAmount(plain, currency, negative);
}
