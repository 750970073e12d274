import { minorToDecimal } from '@conveyor/kernel';

/** "1,234.56" with grouping, for the PDF (the digits are the exact decimal text, never a float). */
export function groupedAmount(minor: bigint, currency: string): string {
  const text = minorToDecimal(minor, currency);
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
