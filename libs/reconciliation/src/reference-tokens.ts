/**
 * Invoice references as they reach a bank line: typed by people, cut by banks, read by OCR. Two keys:
 * the exact key (upper case without spaces, '-' and '/') for stage 2, and the tolerant key (prefixes such as
 * RE-, INV, Rechnung, Nr. removed and OCR look-alikes folded: O→0, I/L→1, S→5, B→8) for stage 3.
 */

/** Words that introduce a reference; removed from the front of a key, longest first, as often as they occur. */
const REFERENCE_PREFIXES = [
  'RECHNUNGSNUMMER', 'RECHNUNGSNR', 'RECHNUNG', 'INVOICENUMBER', 'INVOICENO', 'INVOICE', 'FACTURE', 'FACTURA',
  'FAKTURA', 'FATTURA', 'INVNR', 'INVNO', 'INV', 'RGNR', 'RG', 'RE', 'NUMMER', 'NUMBER', 'NR', 'NO', 'NUM',
  'REFERENCE', 'REF',
];

const OCR_LOOKALIKES: Record<string, string> = { O: '0', I: '1', L: '1', S: '5', B: '8' };

export function foldOcrLookalikes(key: string): string {
  let folded = '';
  for (const char of key) folded += OCR_LOOKALIKES[char] ?? char;
  return folded;
}

// Compared after folding, so an OCR'd "lNV" or "N0." is still a prefix.
const FOLDED_PREFIXES = REFERENCE_PREFIXES.map(foldOcrLookalikes).sort((a, b) => b.length - a.length);

/** Shortest tolerant key looked for in free text: shorter ones collide with dates, amounts and house numbers. */
export const MIN_FREE_TEXT_KEY_LENGTH = 4;

export function exactReferenceKey(text: string): string {
  return text.toUpperCase().replace(/[\s\-/]+/g, '');
}

function stripFoldedPrefixes(key: string): string {
  let current = key;
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of FOLDED_PREFIXES) {
      const rest = current.slice(prefix.length);
      // Only a prefix when a number (or another prefix) follows: "REX123" keeps its letters, "RE123" loses "RE".
      const followedByNumber = /^[0-9]/.test(rest) || FOLDED_PREFIXES.some((next) => rest.startsWith(next));
      if (current.startsWith(prefix) && rest.length >= 3 && followedByNumber && /[0-9]/.test(rest)) {
        current = rest;
        changed = true;
        break;
      }
    }
  }
  return current;
}

/** The tolerant key of a reference, or null when it holds no digit or nothing number-like is left. */
export function tolerantReferenceKey(text: string): string | null {
  // A real digit first: folding would turn words such as "Zahlung" or "Billing" into number-like keys.
  if (!/[0-9]/.test(text)) return null;
  const key = stripFoldedPrefixes(foldOcrLookalikes(exactReferenceKey(text).replace(/[.,:;#_()[\]'"]+/g, '')));
  return /[0-9]/.test(key) ? key : null;
}

/**
 * Every candidate key in free text: each word, its parts around '/', '+', '&', and runs of two and three
 * adjacent words around a word with a digit (references get split by spaces: "2024 0042", "SI 00123 AB").
 * Bounded by the text's length, so linear.
 */
export function freeTextReferenceKeys(text: string): Set<string> {
  const words = text.split(/[\s,;]+/).filter((word) => word.length > 0);
  const numeric = words.map((word) => /[0-9]/.test(word));
  const keys = new Set<string>();
  const add = (raw: string): void => {
    const key = tolerantReferenceKey(raw);
    if (key !== null && key.length >= MIN_FREE_TEXT_KEY_LENGTH) keys.add(key);
  };
  for (let index = 0; index < words.length; index += 1) {
    add(words[index]);
    if (/[/+&]/.test(words[index])) for (const part of words[index].split(/[/+&]/)) add(part);
    if (index + 1 < words.length && (numeric[index] || numeric[index + 1])) add(words[index] + words[index + 1]);
    if (index + 2 < words.length && numeric[index + 1]) add(words[index] + words[index + 1] + words[index + 2]);
  }
  return keys;
}
