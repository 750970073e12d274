import type { SeededRandom } from './seeded-random';

/** How people, banks and OCR mangle names and invoice numbers on the way to a bank line. */

const OCR_SWAPS: Record<string, string[]> = { '0': ['O'], '1': ['I', 'l'], '5': ['S'], '8': ['B'], O: ['0'], I: ['1'], S: ['5'], B: ['8'] };

export function ocrConfuse(text: string, random: SeededRandom): string {
  const positions = [...text].map((char, index) => (OCR_SWAPS[char] ? index : -1)).filter((index) => index >= 0);
  if (positions.length === 0) return text;
  const chars = [...text];
  const count = Math.min(positions.length, random.int(1, 2));
  for (const index of random.shuffle(positions).slice(0, count)) chars[index] = random.pick(OCR_SWAPS[chars[index]]);
  return chars.join('');
}

/** One digit changed or two adjacent digits swapped: the typos people make. */
export function mistype(text: string, random: SeededRandom): string {
  const digits = [...text].map((char, index) => (/\d/.test(char) ? index : -1)).filter((index) => index >= 0);
  if (digits.length < 2) return `${text}1`;
  const chars = [...text];
  const at = random.pick(digits);
  if (random.chance(0.5) && /\d/.test(chars[at + 1] ?? '') && chars[at] !== chars[at + 1]) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
  else chars[at] = String((Number(chars[at]) + random.int(1, 9)) % 10);
  return chars.join('');
}

const PREFIXES = ['RE ', 'Rechnung Nr. ', 'INV ', 'Invoice ', 'Rg. ', 'Nr. ', 'Rechnung ', 'Inv. no. ', 'Facture '];

export function prefixed(reference: string, random: SeededRandom): string {
  const spaced = random.chance(0.3) ? reference.replace(/[-/]/g, ' ') : random.chance(0.3) ? reference.replace(/[-/]/g, '') : reference;
  return `${random.pick(PREFIXES)}${spaced}`;
}

const LEGAL_FORM = /\s*,?\s*(GmbH & Co\. KG|GmbH|AG|Ltd|Limited|SA|S\.A\.|BV|B\.V\.|Inc\.|Sdn\.? Bhd\.?|SAS|S\.r\.l\.|Oy|AB)$/;

export function transliterate(text: string): string {
  return text.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** A name as a bank shows it: upper case, without legal form, transliterated, cut at a field width, or with a typo. */
export function nameVariant(name: string, random: SeededRandom): string {
  let variant = name;
  if (random.chance(0.5)) variant = variant.replace(LEGAL_FORM, '');
  if (random.chance(0.5)) variant = transliterate(variant);
  if (random.chance(0.4)) variant = variant.toUpperCase();
  if (random.chance(0.2) && variant.length > 16) variant = variant.slice(0, random.int(14, Math.min(22, variant.length - 1)));
  if (random.chance(0.15)) {
    const letters = [...variant];
    const at = random.int(1, letters.length - 2);
    letters.splice(at, 1);
    variant = letters.join('');
  }
  return variant.trim();
}
