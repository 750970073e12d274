import { composeIBAN } from 'ibantools';
import { DateTime } from 'luxon';
import type { OpenItem } from '@conveyor/reconciliation';
import { mistype, nameVariant, ocrConfuse, prefixed, transliterate } from './bank-text-variants';
import type { NoiseProfile } from './noise-profiles';
import { SeededRandom } from './seeded-random';

/** A generated bank line with what truly happened. */
export interface GeneratedLine {
  bookingDate: string;
  valueDate: string;
  /** Signed minor units (EUR), credit positive. */
  amountMinor: number;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  reference: string | null;
  endToEndId: string | null;
  bankReference: string;
  description: string | null;
  truth: { itemIds: string[]; kind: string; exceptions: string[] };
}

export interface Scenario {
  openItems: OpenItem[];
  knownReferences: Record<string, string[]>;
  fxRates: Record<string, string>;
  accountIban: string;
  /** Monthly statements, lines in booking order; `closingOffsetMinor` ≠ 0 is an injected balance break. */
  statements: { openingMinor: number; lines: GeneratedLine[]; closingOffsetMinor: number }[];
}

interface Vendor {
  name: string;
  iban: string;
  currency: string;
  medianMinor: number;
  invoiceNumber: (sequence: number) => string;
  sequence: number;
  fixedMinor: number | null;
  foreignPayee: { name: string; iban: string } | null;
}

const FIRST = ['Müller', 'Schmidt', 'Nordic', 'Alpine', 'Baltic', 'Atlas', 'Orion', 'Vega', 'Helios', 'Falken', 'Kestrel', 'Linden', 'Rhein', 'Donau', 'Sakura', 'Maple', 'Cedar', 'Harbor', 'Summit', 'Pioneer', 'Zenith', 'Aurora', 'Crescent', 'Granite', 'Sterling', 'Meridian', 'Polaris', 'Quantum', 'Apex', 'Vertex', 'Nova', 'Titan', 'Lotus', 'Jade', 'Phoenix', 'Bergmann', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Richter', 'Wolf', 'Schröder', 'Neumann', 'Zimmermann', 'Krüger', 'Hartmann', 'Köhler', 'Dubois', 'Lefèvre', 'Moreau', 'Rossi', 'Ferrari', 'Bianchi', 'García', 'López', 'Jansen', 'Bakker', 'Visser', 'Tan', 'Lim', 'Wong', 'Nakamura', 'Okafor', 'Novak', 'Kowalski', 'Nielsen', 'Larsen', 'Berg', 'Lindqvist', 'Korhonen', 'Papadopoulos', 'Yilmaz', 'Costa', 'Silva', 'Horvat', 'Ivanova'];
const SECOND = ['Maschinenbau', 'Logistik', 'Elektrotechnik', 'Components', 'Timber', 'Packaging', 'Software', 'Druckerei', 'Metallbau', 'Foods', 'Chemicals', 'Textiles', 'Transport', 'Office Supplies', 'Facility', 'Catering', 'Engineering', 'Plastics', 'Electronics', 'Steel', 'Paper', 'Services', 'Trading', 'Systems', 'Solutions', 'Consulting', 'Holding', 'International'];
const LEGAL = ['GmbH', 'GmbH & Co. KG', 'AG', 'Ltd', 'Limited', 'SA', 'S.A.', 'BV', 'B.V.', 'Inc.', 'Sdn Bhd', 'Sdn. Bhd.', 'SAS', 'S.r.l.', 'Oy', 'AB'];
const ROUND_AMOUNTS = [50_000, 75_000, 100_000, 125_000, 150_000, 200_000, 250_000, 99_000, 119_000];
const PAYEES = [
  { name: 'PayPal Europe S.a r.l. et Cie', iban: 'LU89751000135104200E' },
  { name: 'Stripe Payments Europe Ltd', iban: 'IE29AIBK93115212345678' },
  { name: 'Deutsche Factoring Bank', iban: 'DE02120300000000202051' },
  { name: 'Adyen N.V.', iban: 'NL91ABNA0417164300' },
];
const FX_RATES: Record<string, string> = { USD: '0.92', GBP: '1.17', CHF: '1.05' };
const START = DateTime.fromISO('2026-01-05', { zone: 'utc' });
const day = (offset: number): string => START.plus({ days: offset }).toISODate()!;

function invoiceFormat(random: SeededRandom, year: number): (sequence: number) => string {
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  const letters = random.pick(['AB', 'KX', 'TR', 'MN']);
  return random.pick([
    (sequence: number) => `INV-${year}-${pad(sequence, 5)}`,
    (sequence: number) => `RE${year}${pad(sequence, 4)}`,
    (sequence: number) => `${year}/${pad(sequence, 4)}`,
    (sequence: number) => `F${pad(sequence, 6)}`,
    (sequence: number) => `${pad(sequence, 5)}`,
    (sequence: number) => `SI-${pad(sequence, 5)}-${letters}`,
  ]);
}

function makeVendors(count: number, profile: NoiseProfile, random: SeededRandom): Vendor[] {
  const used = new Set<string>();
  const vendors: Vendor[] = [];
  while (vendors.length < count) {
    const name = `${random.pick(FIRST)} ${random.pick(SECOND)} ${random.pick(LEGAL)}`;
    const core = name.replace(/ \S+$/, '');
    if (used.has(core)) continue;
    used.add(core);
    const foreignCurrency = random.chance(profile.fx * 1.5) ? random.pick(Object.keys(FX_RATES)) : 'EUR';
    vendors.push({
      name,
      iban: composeIBAN({ countryCode: 'DE', bban: random.digits(18) })!,
      currency: foreignCurrency,
      medianMinor: random.pick([15_000, 40_000, 90_000, 250_000, 800_000]),
      invoiceNumber: invoiceFormat(random, 2026),
      sequence: random.int(1, 9000),
      fixedMinor: random.chance(profile.equalAmounts) ? random.pick(ROUND_AMOUNTS) : null,
      foreignPayee: random.chance(profile.nameForeign) ? random.pick(PAYEES) : null,
    });
  }
  return vendors;
}

export function generateScenario(profile: NoiseProfile, size: { lines: number; openItems: number }, seed: number): Scenario {
  const random = new SeededRandom(seed);
  const vendors = makeVendors(Math.max(40, Math.round(size.openItems / 40)), profile, random);
  // A few large vendors, many small ones.
  const weights = vendors.map((_, index) => 1 / (index + 5));
  const weightTotal = weights.reduce((sum, weight) => sum + weight, 0);
  const pickVendor = (): Vendor => {
    let target = random.next() * weightTotal;
    for (let index = 0; index < vendors.length; index += 1) if ((target -= weights[index]) <= 0) return vendors[index];
    return vendors[vendors.length - 1];
  };
  const openItems: OpenItem[] = [];
  const vendorOf = new Map<string, Vendor>();
  const realNumberOf = new Map<string, string>();
  const issueOffset = new Map<string, number>();
  for (let index = 0; index < size.openItems; index += 1) {
    const vendor = pickVendor();
    const issue = random.int(0, 170);
    const number = vendor.invoiceNumber(vendor.sequence++);
    const amount = vendor.fixedMinor ?? random.amountMinor(vendor.medianMinor);
    const id = `OI-${index + 1}`;
    openItems.push({
      id,
      vendorName: vendor.name,
      vendorIban: vendor.iban,
      invoiceNumber: random.chance(profile.ledgerOcrConfused) ? ocrConfuse(number, random) : number,
      currency: vendor.currency,
      amount: (amount / 100).toFixed(2),
      issueDate: day(issue),
      dueDate: day(issue + random.pick([14, 30, 30, 45])),
    });
    vendorOf.set(id, vendor);
    realNumberOf.set(id, number);
    issueOffset.set(id, issue);
  }

  const lines: GeneratedLine[] = [];
  const knownReferences: Record<string, string[]> = {};
  let bankSequence = 1;
  const nextBankReference = (): string => `BR${String(bankSequence++).padStart(9, '0')}`;
  const unpaid = random.shuffle(openItems.map((item) => item.id));
  const paid = new Set<string>();
  const byId = new Map(openItems.map((item) => [item.id, item]));
  const extraShare = (profile.unrelatedPer100 + profile.missingInvoicePer100) / 100;
  const paymentTarget = Math.round(size.lines / (1 + extraShare + profile.duplicate));
  let cursor = 0;
  let runNumber = 1;

  while (lines.length < paymentTarget && cursor < unpaid.length) {
    const firstId = unpaid[cursor++];
    if (paid.has(firstId)) continue;
    const vendor = vendorOf.get(firstId)!;
    const group = [firstId];
    if (random.chance(profile.combined)) {
      const wanted = random.int(1, 3);
      for (let look = cursor; look < unpaid.length && group.length <= wanted && look < cursor + 4000; look += 1) {
        const other = unpaid[look];
        if (!paid.has(other) && vendorOf.get(other) === vendor && byId.get(other)!.currency === byId.get(firstId)!.currency) group.push(other);
      }
    }
    for (const id of group) paid.add(id);
    const items = group.map((id) => byId.get(id)!);
    const totalMinor = items.reduce((sum, item) => sum + Math.round(Number(item.amount) * 100), 0);
    const latestIssue = Math.max(...group.map((id) => issueOffset.get(id)!));
    const due = Math.max(...items.map((item) => DateTime.fromISO(item.dueDate!, { zone: 'utc' }).diff(START, 'days').days));
    let payDay = Math.max(latestIssue + 1, due + random.int(-10, 20));
    let amountMinor = totalMinor;
    let kind = group.length > 1 ? 'combined' : 'single';
    const exceptions: string[] = [];
    if (vendor.currency !== 'EUR') {
      const drift = 1 + (random.next() * 3 - 1.5) / 100;
      amountMinor = Math.round(totalMinor * Number(FX_RATES[vendor.currency]) * drift);
      kind = 'fx';
      exceptions.push('FX_DIFFERENCE');
    } else if (group.length === 1 && random.chance(profile.partial)) {
      amountMinor = Math.round((totalMinor * random.int(30, 70)) / 10_000) * 100;
      kind = 'partial';
      exceptions.push('UNDERPAID');
    } else if (group.length === 1 && random.chance(profile.overpaid)) {
      amountMinor = totalMinor + random.int(50, 300) * 100;
      kind = 'overpaid';
      exceptions.push('OVERPAID');
    } else if (random.chance(profile.fee)) {
      amountMinor = totalMinor + random.pick([500, 750, 1000, 1250, 1500]);
      kind = `${kind}+fee`;
    } else if (random.chance(profile.discount)) {
      const percent = random.pick([2, 3]);
      amountMinor = Math.round((totalMinor * (100 - percent)) / 100);
      payDay = latestIssue + random.int(3, 10);
      kind = `${kind}+discount`;
    }
    const numbers = group.map((id) => realNumberOf.get(id)!);
    const viaRun = random.chance(profile.knownEndToEnd);
    const endToEndId = viaRun ? `PMT-${runNumber}-${bankSequence}` : null;
    if (viaRun) {
      knownReferences[endToEndId!] = group;
      if (random.chance(0.2)) runNumber += 1;
      payDay += (2 - START.plus({ days: payDay }).weekday + 7) % 7; // payment runs go out on Tuesdays
    }
    const line = paymentLine(vendor, numbers, amountMinor, day(payDay), endToEndId, profile, random, nextBankReference());
    line.truth = { itemIds: group, kind, exceptions };
    lines.push(line);
    if (random.chance(profile.duplicate)) {
      const duplicate = { ...line, bankReference: nextBankReference(), bookingDate: day(payDay + random.int(1, 6)), truth: { itemIds: [], kind: 'duplicate', exceptions: ['OVERPAID'] } };
      duplicate.valueDate = duplicate.bookingDate;
      lines.push(duplicate);
    }
  }

  const payments = lines.length;
  for (let index = 0; index < Math.round((payments * profile.missingInvoicePer100) / 100); index += 1) {
    const vendor = pickVendor();
    const line = paymentLine(vendor, [vendor.invoiceNumber(vendor.sequence + 50 + index)], random.amountMinor(vendor.medianMinor), day(random.int(20, 200)), null, profile, random, nextBankReference());
    line.truth = { itemIds: [], kind: 'invoice-not-in-ledger', exceptions: ['PAYMENT_UNMATCHED'] };
    lines.push(line);
  }
  for (let index = 0; index < Math.round((payments * profile.unrelatedPer100) / 100); index += 1) lines.push(unrelatedLine(random, day(random.int(20, 200)), nextBankReference()));

  return { openItems, knownReferences, fxRates: FX_RATES, accountIban: 'DE44500105175407324931', statements: splitMonthly(lines, profile, random) };
}

function paymentLine(vendor: Vendor, numbers: string[], amountMinor: number, date: string, endToEndId: string | null, profile: NoiseProfile, random: SeededRandom, bankReference: string): GeneratedLine {
  let reference: string | null;
  if (random.chance(profile.referenceMissing) || (numbers.length > 1 && random.chance(0.2))) {
    reference = random.pick([null, 'Zahlung', 'Payment', `Kd-Nr. ${random.digits(5)}`, 'Sammelzahlung', 'Rechnungen März']);
  } else {
    reference = numbers
      .map((number) => {
        let text = number;
        if (random.chance(profile.referenceMistyped)) text = mistype(text, random);
        if (random.chance(profile.referenceOcrConfused)) text = ocrConfuse(text, random);
        return random.chance(profile.referencePrefixed) ? prefixed(text, random) : text;
      })
      .join(random.pick([', ', ' ', ' / ', '; ']));
  }
  const payee = vendor.foreignPayee;
  const ibanPresent = random.chance(profile.ibanPresent);
  const iban = payee?.iban ?? (random.chance(profile.ibanChanged) ? composeIBAN({ countryCode: 'DE', bban: random.digits(18) })! : vendor.iban);
  const name = payee?.name ?? (random.chance(profile.nameExact) ? vendor.name : nameVariant(vendor.name, random));
  const inDescription = random.chance(0.3);
  return {
    bookingDate: date,
    valueDate: date,
    amountMinor: -amountMinor,
    counterpartyName: name,
    counterpartyIban: ibanPresent ? iban : null,
    reference: inDescription ? null : reference,
    endToEndId,
    bankReference,
    description: inDescription ? `SEPA Ueberweisung ${reference ?? ''}`.trim() : 'SEPA Ueberweisung',
    truth: { itemIds: [], kind: '', exceptions: [] },
  };
}

function unrelatedLine(random: SeededRandom, date: string, bankReference: string): GeneratedLine {
  const kinds: [string, number, string | null, string][] = [
    [`Gehalt ${date.slice(5, 7)}/2026 ${transliterate(random.pick(FIRST))}`, -random.int(2_000, 6_000) * 100, 'Mitarbeiter', 'salary'],
    [`Finanzamt USt-VA ${date.slice(5, 7)}/2026 StNr ${random.digits(3)}/${random.digits(4)}/${random.digits(4)}`, -random.int(500, 40_000) * 100, 'Finanzamt', 'tax'],
    [`VISA ${random.digits(4)} AMAZON EU ${random.digits(8)}`, -random.int(500, 50_000), null, 'card'],
    ['Versicherungsbeitrag Police ' + random.digits(8), -random.pick([50_000, 100_000, 125_000, 99_000]), 'Allianz Versicherungs-AG', 'insurance (round amount)'],
    ['Kontofuehrung Entgelt', -random.int(500, 4_000), null, 'bank charges'],
    [`RE 2026-${random.digits(5)} Danke`, random.int(10_000, 500_000), `${random.pick(FIRST)} Kunde GmbH`, 'customer payment (credit)'],
  ];
  const [description, amountMinor, name, kind] = random.pick(kinds);
  return {
    bookingDate: date,
    valueDate: date,
    amountMinor,
    counterpartyName: name,
    counterpartyIban: name ? composeIBAN({ countryCode: 'DE', bban: random.digits(18) })! : null,
    reference: description,
    endToEndId: null,
    bankReference,
    description: null,
    truth: { itemIds: [], kind: `unrelated: ${kind}`, exceptions: ['PAYMENT_UNMATCHED'] },
  };
}

function splitMonthly(lines: GeneratedLine[], profile: NoiseProfile, random: SeededRandom): Scenario['statements'] {
  const ordered = [...lines].sort((a, b) => a.bookingDate.localeCompare(b.bookingDate));
  const months = new Map<string, GeneratedLine[]>();
  for (const line of ordered) {
    const month = months.get(line.bookingDate.slice(0, 7));
    if (month) month.push(line);
    else months.set(line.bookingDate.slice(0, 7), [line]);
  }
  let opening = 250_000_000;
  const statements = [...months.values()].map((monthLines) => {
    const statement = { openingMinor: opening, lines: monthLines, closingOffsetMinor: 0 };
    opening += monthLines.reduce((sum, line) => sum + line.amountMinor, 0);
    return statement;
  });
  for (let count = 0; count < profile.balanceBreaks && statements.length > 0; count += 1) random.pick(statements).closingOffsetMinor = 100;
  return statements;
}
