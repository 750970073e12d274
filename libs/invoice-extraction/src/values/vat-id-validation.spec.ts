import { extractInvoiceFields } from '../extract-invoice-fields';
import { layoutOf, stacked } from '../layout-builder.fixture';

/**
 * One VAT id per country jsvat knows (the EU 27, Greece as "EL", plus GB, CH and NO), each with valid check
 * digits. From each, two broken ids are made by fixed rules that do not ask any validator: a digit covered by
 * the check changed by one (a typo), and a digit replaced by the letter O (a format error). Every broken id
 * must be flagged, kept exactly as printed (never repaired), and no valid id may be flagged.
 */
const VALID: Record<string, string> = {
  AT: 'ATU64820439', BE: 'BE0184663155', BG: 'BG988164499', CY: 'CY03296772H', CZ: 'CZ23334819', DE: 'DE375926420', DK: 'DK12080360',
  EE: 'EE107931179', EL: 'EL597770526', ES: 'ESB23755358', FI: 'FI89058929', FR: 'FR81195122313', HR: 'HR13571966373', HU: 'HU75169095',
  IE: 'IE4205156J', IT: 'IT48031550501', LT: 'LT136308218', LU: 'LU66506557', LV: 'LV41256769790', MT: 'MT97946310', NL: 'NL832087324B01',
  PL: 'PL9375092920', PT: 'PT577960890', RO: 'RO90136181', SE: 'SE149183237201', SI: 'SI86966995', SK: 'SK8665374289', GB: 'GB731944724',
  CH: 'CHE438038697', NO: 'NO995783150MVA',
};

/** Suffixes the check digits do not cover (NL "B01", SE "01", NO "MVA"): the typo goes before them. */
const UNCHECKED_SUFFIX = /(B\d{2}|01|MVA)$/;

function typo(id: string): string {
  const suffix = /^(NL|SE|NO)/.test(id) ? (UNCHECKED_SUFFIX.exec(id)?.[0] ?? '') : '';
  const body = id.slice(0, id.length - suffix.length);
  const at = [...body].map((character, index) => (/\d/.test(character) ? index : -1)).filter((index) => index >= 0).pop()!;
  return `${body.slice(0, at)}${(Number(body[at]) + 1) % 10}${body.slice(at + 1)}${suffix}`;
}

function misprint(id: string): string {
  const digits = [...id].map((character, index) => (/\d/.test(character) ? index : -1)).filter((index) => index >= 0);
  const at = digits[Math.floor(digits.length / 2)];
  return `${id.slice(0, at)}O${id.slice(at + 1)}`;
}

function readVatId(printed: string) {
  const result = extractInvoiceFields(
    layoutOf([
      ...stacked(0.08, 0.05, ['Example Trading GmbH', 'Main Street 1, 10115 Berlin', `VAT No.: ${printed}`]),
      ...stacked(0.55, 0.2, ['Invoice No.: INV-2024-0042', 'Invoice date: 2024-03-05']),
      ...stacked(0.55, 0.7, ['Total: 119.00 EUR']),
    ]),
  );
  const flags = result.issues.filter((issue) => (issue.code === 'VAT_ID_FORMAT' || issue.code === 'VAT_ID_CHECKSUM') && issue.fields.includes('vendorVatId'));
  return { value: result.fields.vendorVatId?.value, codes: flags.map((issue) => issue.code) };
}

describe('VAT id validation over every country jsvat knows', () => {
  const countries = Object.keys(VALID);
  const broken = countries.flatMap((country) => [
    { country, kind: 'check digit', id: typo(VALID[country]) },
    { country, kind: 'format', id: misprint(VALID[country]) },
  ]);

  it('builds 60 broken ids from 30 countries, none equal to a valid one', () => {
    expect(countries).toHaveLength(30);
    expect(broken).toHaveLength(60);
    for (const entry of broken) expect(entry.id).not.toBe(VALID[entry.country]);
  });

  it('flags no valid id and reads each as printed', () => {
    const flagged = countries.filter((country) => readVatId(VALID[country]).codes.length > 0);
    expect({ flagged, total: countries.length }).toEqual({ flagged: [], total: 30 });
    for (const country of countries) expect(readVatId(VALID[country]).value).toBe(VALID[country]);
  });

  it('flags every broken id (60 of 60), keeping its printed value', () => {
    const missed = broken.filter((entry) => readVatId(entry.id).codes.length === 0).map((entry) => `${entry.country} ${entry.kind} ${entry.id}`);
    expect({ flagged: broken.length - missed.length, total: broken.length, missed }).toEqual({ flagged: 60, total: 60, missed: [] });
    for (const entry of broken) expect(readVatId(entry.id).value).toBe(entry.id);
  });

  it('names a format error VAT_ID_FORMAT (error) and a failing check digit VAT_ID_CHECKSUM (warning)', () => {
    expect(readVatId(misprint(VALID.DE)).codes).toEqual(['VAT_ID_FORMAT']);
    expect(readVatId(typo(VALID.DE)).codes).toEqual(['VAT_ID_CHECKSUM']);
  });

  it('reads a spaced id ("DE 375926420", "FR 81 195122313") whole and checks it', () => {
    expect(readVatId('DE 375926420')).toEqual({ value: 'DE375926420', codes: [] });
    expect(readVatId('FR 81 195122313')).toEqual({ value: 'FR81195122313', codes: [] });
    expect(readVatId('DE 375926421')).toEqual({ value: 'DE375926421', codes: ['VAT_ID_CHECKSUM'] });
  });

  it('checks an id printed without its prefix under a label that names its country (NIP, P.IVA)', () => {
    const read = (line: string) => {
      const result = extractInvoiceFields(layoutOf(stacked(0.1, 0.1, ['Firma Handlowa Sp. z o.o.', line, 'Faktura nr FV/1/2024', 'Razem brutto: 123,00 zł'])));
      return { value: result.fields.vendorVatId?.value, codes: result.issues.filter((issue) => issue.code.startsWith('VAT_ID')).map((issue) => issue.code) };
    };
    expect(read('NIP: 937-509-29-20')).toEqual({ value: '9375092920', codes: [] });
    expect(read('NIP: 937-509-29-21')).toEqual({ value: '9375092921', codes: ['VAT_ID_CHECKSUM'] });
  });
});
