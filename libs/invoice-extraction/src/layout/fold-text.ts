/**
 * Comparison keys for printed words: accents and case removed, so "Fällig", "FALLIG" and "fällig" meet, and
 * the few letters Unicode does not decompose (ß, ł, ø, æ, œ) spelled out.
 */
const SPELLED_OUT: Record<string, string> = { ß: 'ss', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ı: 'i' };

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßłøæœđı]/g, (letter) => SPELLED_OUT[letter] ?? letter);
}

/**
 * The key a label is matched on: folded, "°"/"º" read as "o" (n°, nº = no), and every character that is not a
 * letter, digit, "#" or "%" dropped, so "Rechnungs-Nr.:", "Rechnungsnr" and "RECHNUNGS NR" give one key
 * once their words are joined.
 */
export function labelKey(text: string): string {
  return foldText(text.replace(/[°º]/g, 'o')).replace(/[^\p{L}\p{N}#%]/gu, '');
}

/**
 * Levenshtein distance, giving up above `limit` (labels are short; OCR slips are one or two letters), so the
 * search over a page stays linear in practice.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] || confusable(a[i - 1], b[j - 1]) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** Glyphs OCR engines swap for each other in printed labels. */
const CONFUSABLE_PAIRS = new Set(['0o', 'o0', '1l', 'l1', '1i', 'i1', 'li', 'il', '5s', 's5', '8b', 'b8', 'ce', 'ec']);

function confusable(a: string, b: string): boolean {
  return CONFUSABLE_PAIRS.has(a + b);
}
