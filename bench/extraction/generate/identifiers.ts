import { composeIBAN, electronicFormatIBAN, friendlyFormatIBAN, isValidIBAN } from 'ibantools';
import { checkVAT, countries } from 'jsvat';
import type { SeededRandom } from './random';

/** National bank-account layouts (BBAN) to draw from; national check digits are met by drawing again. */
const BBAN_DRAWS: Record<string, (random: SeededRandom) => string> = {
  DE: (random) => random.digits(18),
  AT: (random) => random.digits(16),
  CH: (random) => random.digits(17),
  FR: (random) => random.digits(23),
  NL: (random) => `${random.pick(['INGB', 'ABNA', 'RABO', 'TRIO', 'KNAB', 'SNSB'])}${random.digits(10)}`,
  BE: (random) => random.digits(12),
  ES: (random) => random.digits(20),
  IT: (random) => `${random.letters(1)}${random.digits(22)}`,
  PL: (random) => random.digits(24),
  GB: (random) => `${random.pick(['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL'])}${random.digits(14)}`,
  SE: (random) => random.digits(20),
};

export function hasIban(country: string): boolean {
  return country in BBAN_DRAWS;
}

/** A valid IBAN (ISO 13616 mod-97 and the national check where ibantools knows it), electronic format. */
export function drawIban(country: string, random: SeededRandom): string {
  const draw = BBAN_DRAWS[country];
  if (!draw) throw new Error(`no IBAN layout for ${country}`);
  for (let attempt = 0; attempt < 20000; attempt += 1) {
    const iban = composeIBAN({ countryCode: country, bban: draw(random) });
    if (iban && isValidIBAN(iban)) return iban;
  }
  throw new Error(`could not draw a valid ${country} IBAN`);
}

/** The same IBAN with its check digits changed, so mod-97 fails (a deliberate transcription-proof fault). */
export function breakIbanChecksum(iban: string): string {
  const check = Number(iban.slice(2, 4));
  const wrong = String(check >= 97 ? check - 1 : check + 1).padStart(2, '0');
  const broken = `${iban.slice(0, 2)}${wrong}${iban.slice(4)}`;
  if (isValidIBAN(broken)) throw new Error('broken IBAN still validates');
  return broken;
}

export function printIban(iban: string, grouped: boolean): string {
  return grouped ? friendlyFormatIBAN(iban) ?? iban : electronicFormatIBAN(iban) ?? iban;
}

/** VAT number bodies (without the country prefix) per country. */
const VAT_DRAWS: Record<string, (random: SeededRandom) => string> = {
  DE: (random) => `DE${random.int(1, 9)}${random.digits(8)}`,
  AT: (random) => `ATU${random.digits(8)}`,
  CH: (random) => `CHE${random.digits(9)}`,
  FR: (random) => `FR${random.digits(11)}`,
  NL: (random) => `NL${random.digits(9)}B${random.pick(['01', '02'])}`,
  BE: (random) => `BE0${random.digits(9)}`,
  ES: (random) => `ES${random.pick(['A', 'B'])}${random.digits(8)}`,
  IT: (random) => `IT${random.digits(7)}${String(random.int(1, 100)).padStart(3, '0')}${random.digits(1)}`,
  PL: (random) => `PL${random.digits(10)}`,
  GB: (random) => `GB${random.digits(9)}`,
  SE: (random) => `SE${random.digits(10)}01`,
};

export function hasVatId(country: string): boolean {
  return country in VAT_DRAWS;
}

export function isValidVatId(vatId: string): boolean {
  return checkVAT(vatId, countries).isValid;
}

/** A VAT id whose check digits are right (checked with jsvat), compact form. */
export function drawVatId(country: string, random: SeededRandom): string {
  const draw = VAT_DRAWS[country];
  if (!draw) throw new Error(`no VAT id layout for ${country}`);
  for (let attempt = 0; attempt < 20000; attempt += 1) {
    const candidate = draw(random);
    if (isValidVatId(candidate)) return candidate;
  }
  throw new Error(`could not draw a valid ${country} VAT id`);
}

/** A well-formed VAT id whose check digit is wrong. */
export function breakVatId(vatId: string): string {
  for (let position = vatId.length - 1; position > 2; position -= 1) {
    const character = vatId[position];
    if (!/\d/.test(character)) continue;
    for (let delta = 1; delta < 10; delta += 1) {
      const candidate = `${vatId.slice(0, position)}${(Number(character) + delta) % 10}${vatId.slice(position + 1)}`;
      if (!isValidVatId(candidate) && checkVAT(candidate, countries).isValidFormat) return candidate;
    }
  }
  throw new Error(`could not break ${vatId}`);
}

/** How the VAT id is printed: compact, grouped the national way, or with a space after the prefix. */
export function printVatId(vatId: string, random: SeededRandom): string {
  const country = vatId.slice(0, 2);
  if (country === 'CH') {
    const digits = vatId.slice(3);
    return `CHE-${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}`;
  }
  switch (random.int(0, 3)) {
    case 0:
      return `${country} ${vatId.slice(2)}`;
    case 1:
      return country === 'FR' ? `FR ${vatId.slice(2, 4)} ${vatId.slice(4)}` : country === 'DE' ? `DE ${vatId.slice(2, 5)} ${vatId.slice(5, 8)} ${vatId.slice(8)}` : vatId;
    default:
      return vatId;
  }
}
