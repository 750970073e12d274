import { checkVAT, countries } from 'jsvat';
import { getCountrySpecifications, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { averageCharWidth, type Token } from '../layout/text-lines';

export interface PrintedIdentifier {
  /** Electronic form: upper case, no spaces, dots or dashes. */
  readonly value: string;
  readonly tokens: readonly Token[];
}

const ibanLengths = new Map<string, number>(
  Object.entries(getCountrySpecifications())
    .filter(([, spec]) => typeof spec.chars === 'number' && spec.chars > 0)
    .map(([country, spec]) => [country, spec.chars as number]),
);

/**
 * IBANs printed in a run of words, in groups of four or not: the country's registered length says how many
 * characters to take, so the next word ("BIC") is never swallowed. A masked or cut IBAN is not one. The value
 * is transcribed as printed, even when its check digits fail (validateIban flags that).
 */
export function findIbans(tokens: readonly Token[]): PrintedIdentifier[] {
  const found: PrintedIdentifier[] = [];
  for (let start = 0; start < tokens.length; start += 1) {
    const head = tokens[start].text.replace(/[.:;,]$/, '').toUpperCase();
    const country = /^([A-Z]{2})\d{2}[A-Z0-9]*$/.exec(head)?.[1];
    const length = country ? ibanLengths.get(country) : undefined;
    if (!length) continue;
    let value = head;
    let end = start + 1;
    while (value.length < length && end < tokens.length && /^[A-Z0-9]{1,4}$/i.test(tokens[end].text.replace(/[.,;]$/, '')) && nearby(tokens[end - 1], tokens[end])) {
      value += tokens[end].text.replace(/[.,;]$/, '').toUpperCase();
      end += 1;
    }
    if (value.length !== length) continue;
    found.push({ value, tokens: tokens.slice(start, end) });
    start = end - 1;
  }
  return found;
}

export type IbanCheck = { ok: true } | { ok: false; code: 'IBAN_INVALID' | 'IBAN_NATIONAL_CHECK_FAILED'; reasons: string };

/** ISO 13616 check with ibantools; a national check-digit failure alone is a softer finding (test data carries such IBANs). */
export function validateIban(iban: string): IbanCheck {
  const { valid, errorCodes } = validateIBAN(iban);
  if (valid) return { ok: true };
  const reasons = errorCodes.map((code) => ValidationErrorsIBAN[code]).join(', ');
  const national = errorCodes.every((code) => code === ValidationErrorsIBAN.WrongAccountBankBranchChecksum);
  return { ok: false, code: national ? 'IBAN_NATIONAL_CHECK_FAILED' : 'IBAN_INVALID', reasons };
}

const VAT_PREFIX = /^(AT|BE|BG|CY|CZ|DE|DK|EE|EL|GR|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|GB|XI|CH|CHE|NO)/;

/**
 * VAT ids printed with their country prefix, spaced or not ("DE 123 456 789", "FR60421938861", "CHE-123.456.789"):
 * the longest run of words that jsvat accepts as the country's format.
 */
export function findVatIds(tokens: readonly Token[]): (PrintedIdentifier & { formatValid: true; checksumValid: boolean })[] {
  const found: (PrintedIdentifier & { formatValid: true; checksumValid: boolean })[] = [];
  for (let start = 0; start < tokens.length; start += 1) {
    // Printed in capitals, the country code alone or followed by its digits ("DE", "DE123…", "CHE-123…").
    if (!VAT_PREFIX.test(tokens[start].text) || !/^[A-Z]{2,3}([\d\-. ]|$)/.test(tokens[start].text)) continue;
    const head = compactId(tokens[start].text);
    let best: { value: string; end: number; checksumValid: boolean } | undefined;
    let value = head;
    for (let end = start + 1; end <= Math.min(tokens.length, start + 6); end += 1) {
      if (end > start + 1) {
        // The body after a spaced prefix is one word of up to 12 characters ("DE 719900490", "SE 840749126801").
        if (!nearby(tokens[end - 2], tokens[end - 1]) || !/^[A-Z0-9.\-]{1,14}$/i.test(tokens[end - 1].text)) break;
        value += compactId(tokens[end - 1].text);
      }
      if (value.length > 16) break;
      const check = checkVatId(value);
      if (check.formatValid) best = { value, end, checksumValid: check.checksumValid };
    }
    if (!best) continue;
    found.push({ value: best.value, tokens: tokens.slice(start, best.end), formatValid: true, checksumValid: best.checksumValid });
    start = best.end - 1;
  }
  return found;
}

/** jsvat's format and checksum verdicts for one id (Greece's "EL" prefix included). */
export function checkVatId(value: string): { formatValid: boolean; checksumValid: boolean; supported: boolean } {
  const result = checkVAT(value, countries);
  return { formatValid: result.isValidFormat, checksumValid: result.isValid, supported: result.isSupportedCountry };
}

export function compactId(text: string): string {
  return text.replace(/[\s.\-/:;,]/g, '').toUpperCase();
}

/** An identifier printed without its country prefix (NIP, P.IVA, CIF): the word right after its label. */
export function looseIdentifier(tokens: readonly Token[]): PrintedIdentifier | undefined {
  const usable = tokens.filter((token) => compactId(token.text) !== '');
  if (usable.length === 0) return undefined;
  let value = compactId(usable[0].text);
  let end = 1;
  while (end < usable.length && end < 5 && /^[A-Z0-9.\-]{1,4}$/i.test(usable[end].text) && nearby(usable[end - 1], usable[end])) {
    value += compactId(usable[end].text);
    end += 1;
  }
  if (!/\d{4,}/.test(value) || value.length > 16 || !/^[A-Z0-9]+$/.test(value)) return undefined;
  return { value, tokens: usable.slice(0, end) };
}

function nearby(left: Token, right: Token): boolean {
  return left.line === right.line && right.bbox.x - (left.bbox.x + left.bbox.width) <= 2 * averageCharWidth(left);
}

/**
 * An invoice or order number as printed: one word with at least one digit, made of letters, digits and the
 * usual separators ("INV/2023/03/0008", "RE-20170509/505", "invoice_number_1"); a leading "#", "No." or ":"
 * is not part of it. A number printed in groups ("RG 2024 0042", "2024 00117") is read whole: a short
 * capital prefix or digit groups, a word space apart in the same cell. One qualifier word between the label
 * and the number ("Nº de factura rectificativa FA-12") is passed over.
 */
export function readDocumentNumber(tokens: readonly Token[]): PrintedIdentifier | undefined {
  let qualifierSkipped = false;
  for (let at = 0; at < Math.min(tokens.length, 4); at += 1) {
    const token = tokens[at];
    const text = numberText(token.text);
    if (text === '' || /^(no|nr|n°|nº|n|#)\.?$/i.test(text)) continue;
    const groups = numberGroups(tokens, at);
    if (groups) return groups;
    if (!/\d/.test(text) && !qualifierSkipped && /^\p{L}{3,}:?$/u.test(token.text) && /\d/.test(tokens[at + 1]?.text ?? '')) {
      qualifierSkipped = true;
      continue;
    }
    if (!/\d/.test(text) || text.length > 32 || !/^[\p{L}\d][\p{L}\d\-/._]*$/u.test(text)) return undefined;
    return { value: text, tokens: [token] };
  }
  return undefined;
}

function numberText(printed: string): string {
  return printed.replace(/^[#:№]+/, '').replace(/[,;:.]$/, '');
}

/** "RG 2024 0042", "2024 00117": a capital prefix (1–4 letters) or a digit group, then digit groups, one word space apart. */
function numberGroups(tokens: readonly Token[], start: number): PrintedIdentifier | undefined {
  const first = numberText(tokens[start].text);
  if (!/^([A-Z]{1,4}|\d{2,6})$/.test(first)) return undefined;
  const parts = [tokens[start]];
  for (let next = start + 1; next < tokens.length && parts.length < 4; next += 1) {
    const previous = parts[parts.length - 1];
    const token = tokens[next];
    if (token.segment !== previous.segment || token.line !== previous.line || !/^\d{2,8}[,;.]?$/.test(token.text) || !/^\d/.test(token.text)) break;
    if (token.bbox.x - (previous.bbox.x + previous.bbox.width) > 1.2 * averageCharWidth(previous)) break;
    parts.push(token);
  }
  if (parts.length < 2) return undefined;
  // Plain digit groups of three ("1 234 567") are how amounts and phone numbers print: not joined.
  if (parts.every((part) => /^\d{1,3}$/.test(numberText(part.text)))) return undefined;
  return { value: parts.map((part) => numberText(part.text)).join(' '), tokens: parts };
}
