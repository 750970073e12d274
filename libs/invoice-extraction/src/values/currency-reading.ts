/**
 * Currency marks as printed next to amounts. ISO codes are read as such; symbols map to one code except "$",
 * which stays ambiguous (USD only when nothing else in the document names a currency) and "kr"/"¥", which
 * are left out because they name several currencies.
 */
export const ISO_CURRENCIES = new Set([
  'EUR', 'USD', 'GBP', 'CHF', 'PLN', 'CZK', 'HUF', 'RON', 'BGN', 'SEK', 'DKK', 'NOK', 'ISK', 'CAD', 'AUD', 'NZD', 'JPY', 'CNY', 'HKD', 'SGD',
  'INR', 'MYR', 'BRL', 'MXN', 'ZAR', 'TRY', 'UAH', 'AED', 'SAR', 'ILS', 'KRW', 'THB', 'IDR', 'PHP', 'RSD', 'MAD', 'TND',
]);

const SYMBOLS: Record<string, string> = {
  '€': 'EUR', '£': 'GBP', 'zł': 'PLN', 'zl': 'PLN', 'us$': 'USD', 'ca$': 'CAD', 'c$': 'CAD', 'a$': 'AUD', 'au$': 'AUD', 'nz$': 'NZD', 'hk$': 'HKD',
  's$': 'SGD', 'r$': 'BRL', '₹': 'INR', 'rs': 'INR', 'rm': 'MYR', 'kč': 'CZK', 'ft': 'HUF', 'fr.': 'CHF', 'sfr': 'CHF', 'euro': 'EUR', 'euros': 'EUR',
};

/** The code a printed mark names: "EUR" → EUR, "€" → EUR, "$" → "$" (ambiguous), anything else → undefined. */
export function currencyOfMark(mark: string): string | undefined {
  const trimmed = mark.trim();
  if (ISO_CURRENCIES.has(trimmed.toUpperCase()) && /^[A-Za-z]{3}$/.test(trimmed) && trimmed === trimmed.toUpperCase()) return trimmed;
  if (trimmed === '$') return '$';
  return SYMBOLS[trimmed.toLowerCase()];
}

/** Splits a glued currency mark off an amount: "$4.11" → ["$", "4.11"], "12,50€" → ["€", "12,50"], "EUR12" → ["EUR", "12"]. */
export function splitCurrencyMark(text: string): { mark: string | undefined; rest: string } {
  const prefix = /^(US\$|CA\$|C\$|AU\$|A\$|NZ\$|HK\$|S\$|R\$|[€£$₹]|EUR|USD|GBP|CHF|PLN|zł)(.+)$/u.exec(text);
  if (prefix && /\d/.test(prefix[2])) return { mark: prefix[1], rest: prefix[2] };
  const suffix = /^(.+?)([€£$₹]|zł|EUR|USD|GBP|CHF|PLN)$/u.exec(text);
  if (suffix && /\d/.test(suffix[1])) return { mark: suffix[2], rest: suffix[1] };
  return { mark: undefined, rest: text };
}

/** Names of currencies written out ("US Dollars", "Euro"), for documents that say it in words. */
export const CURRENCY_NAMES: readonly { words: readonly string[]; code: string }[] = [
  { words: ['us', 'dollars'], code: 'USD' }, { words: ['us', 'dollar'], code: 'USD' }, { words: ['euro'], code: 'EUR' }, { words: ['euros'], code: 'EUR' },
  { words: ['pounds', 'sterling'], code: 'GBP' }, { words: ['zloty'], code: 'PLN' }, { words: ['zlotych'], code: 'PLN' }, { words: ['swiss', 'francs'], code: 'CHF' },
];
