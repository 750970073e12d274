import { distance } from 'fastest-levenshtein';

/**
 * Counterparty names compared the way a person would: case, accents, punctuation and legal forms do not
 * count, and words every company has (GmbH, Ltd, AG, SA, BV, Inc, Sdn Bhd, "Services", ...) never make a match.
 */
const COMMON_WORDS = new Set([
  // legal forms
  'gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ohg', 'gbr', 'ug', 'ev', 'se', 'co', 'cie', 'ltd', 'limited', 'plc', 'llc', 'llp',
  'lp', 'inc', 'incorporated', 'corp', 'corporation', 'company', 'sa', 'sas', 'sarl', 'sasu', 'eurl', 'snc', 'sl', 'slu',
  'srl', 'rl', 'spa', 'sro', 'as', 'asa', 'ab', 'oy', 'oyj', 'aps', 'bv', 'nv', 'vof', 'pte', 'pty', 'sdn', 'bhd', 'kk', 'zoo',
  'spzoo', 'doo', 'kft', 'zrt', 'ltda', 'cv', 'de', 'sacv', 'pvt',
  // words many companies share
  'the', 'and', 'und', 'et', 'y', 'of', 'der', 'die', 'das', 'la', 'le', 'les', 'du', 'des', 'von', 'van', 'group', 'gruppe',
  'holding', 'holdings', 'international', 'intl', 'global', 'services', 'service', 'solutions', 'trading', 'handel',
  'handels', 'systems', 'technologies', 'consulting', 'partners', 'partner', 'enterprises', 'industries', 'europe',
  'deutschland', 'germany', 'uk', 'usa', 'bank', 'zweigniederlassung', 'niederlassung', 'branch', 'gesellschaft',
]);

const TRANSLITERATIONS: [RegExp, string][] = [
  [/ä/g, 'ae'], [/ö/g, 'oe'], [/ü/g, 'ue'], [/ß/g, 'ss'], [/æ/g, 'ae'], [/ø/g, 'oe'], [/å/g, 'aa'],
];

/** The distinctive words of a name, in order; empty when the name is only common words. */
export function distinctiveNameTokens(name: string | null | undefined): string[] {
  if (!name) return [];
  let text = name.toLowerCase();
  for (const [pattern, replacement] of TRANSLITERATIONS) text = text.replace(pattern, replacement);
  text = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  // "Sdn. Bhd.", "S.A.", "B.V.": join dotted abbreviations before splitting so they become one legal form.
  text = text.replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1').replace(/\b([a-z])\.\s*(?=[a-z]\b)/g, '$1');
  return text
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length >= 2 && !COMMON_WORDS.has(token) && !/^\d+$/.test(token));
}

export function isCommonWord(token: string): boolean {
  return COMMON_WORDS.has(token);
}

/** The key two spellings of one vendor share: distinctive words joined by a space. */
export function vendorKey(name: string | null | undefined): string | null {
  const tokens = distinctiveNameTokens(name);
  return tokens.length > 0 ? tokens.join(' ') : null;
}

function tokensAlike(a: string, b: string): boolean {
  if (a === b) return true;
  // Banks cut names: "maschinenb" is "maschinenbau".
  if (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a))) return true;
  const longest = Math.max(a.length, b.length);
  return longest >= 5 && distance(a, b) <= (longest >= 9 ? 2 : 1);
}

/**
 * 0..1: the share of distinctive words the two names have in common (alike words count: cut, one typo),
 * measured against the shorter name, and reduced when one name has many extra words.
 */
export function nameSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const used = new Set<number>();
  let shared = 0;
  for (const token of short) {
    const found = long.findIndex((candidate, index) => !used.has(index) && tokensAlike(token, candidate));
    if (found >= 0) {
      used.add(found);
      shared += 1;
    }
  }
  const coverage = shared / short.length;
  const extraPenalty = (long.length - shared) / (long.length + short.length);
  return Math.max(0, coverage - extraPenalty * 0.5);
}

export function normaliseIban(iban: string | null | undefined): string | null {
  if (!iban) return null;
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  return compact.length >= 8 ? compact : null;
}
