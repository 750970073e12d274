import type { DocumentLayout } from '@conveyor/document-reading';
import { extractDocument } from '../extract-document';
import { extractInvoiceFields } from '../extract-invoice-fields';
import { layoutOf, type PlacedText } from '../layout-builder.fixture';
import { applyVendorProfile } from './apply-vendor-profile';
import { learnFromConfirmation } from './learn-from-confirmation';
import { inMemoryVendorProfiles, vendorProfileSchema } from './vendor-profile';
import { parseVendorTemplate } from './vendor-template';
import { matchesWildcard } from './wildcard-pattern';

/** A picture's first bytes: the type is detected from content; the layout comes from the reader given. */
const samplePng = () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** One vendor's invoice; the whole layout can be moved to show profiles survive a different position. */
function meierInvoice(number: string, positions: string, due: string, shift = { dx: 0, dy: 0 }): DocumentLayout {
  const lines: PlacedText[] = [
    { text: 'Kleinbetrieb Meier GmbH', x: 0.08, y: 0.05 },
    { text: 'USt-IdNr.: DE136695976', x: 0.08, y: 0.07 },
    { text: 'Vorgang:    ' + number, x: 0.55, y: 0.15 },
    { text: 'Datum: 12.03.2024', x: 0.55, y: 0.17 },
    { text: 'Summe Positionen   ' + positions + ' EUR', x: 0.5, y: 0.6 },
    { text: 'Zu zahlen          ' + due + ' EUR', x: 0.5, y: 0.62 },
  ];
  return layoutOf(lines.map((line) => ({ ...line, x: line.x + shift.dx, y: line.y + shift.dy })));
}

describe('vendor profiles learn from confirmed corrections', () => {
  const first = meierInvoice('K-2024-17', '100,00', '119,00');
  const extracted = extractInvoiceFields(first);

  it('the generic reading of this vendor is wrong or missing (the premise)', () => {
    expect(extracted.fields.invoiceNumber).toBeUndefined();
    expect(extracted.fields.totalGross?.value).toBe('100.00');
  });

  it('a corrected field is right on the next invoice of that vendor, even with the layout moved', async () => {
    const profile = learnFromConfirmation(undefined, first, extracted, { confirmedBy: 'user-1', fields: { invoiceNumber: 'K-2024-17', totalGross: '119.00', vendorName: 'Kleinbetrieb Meier GmbH' } });
    expect(vendorProfileSchema.safeParse(profile).success).toBe(true);
    expect(profile!.vendor.vatIds).toEqual(['DE136695976']);
    expect(profile!.fields.invoiceNumber).toMatchObject({ label: 'vorgang', direction: 'right', corrected: true });
    expect(profile!.fields.totalGross).toMatchObject({ label: 'zuzahlen', corrected: true });
    // The letterhead name has no words before or above it: nothing to anchor, so no hint (it was right anyway).
    expect(profile!.fields.vendorName).toBeUndefined();
    expect(profile!.vendor.names).toEqual(['kleinbetrieb meier gmbh']);

    const next = meierInvoice('K-2024-18', '200,00', '238,00', { dx: 0.04, dy: 0.08 });
    const result = await extractDocument(samplePng(), 'scan.png', { readLayout: async () => next, profiles: inMemoryVendorProfiles([profile!]) });
    expect(result.fields.invoiceNumber).toMatchObject({ value: 'K-2024-18', source: 'vendor-profile' });
    expect(result.fields.totalGross).toMatchObject({ value: '238.00', source: 'vendor-profile' });
    expect(result.fields.totalGross!.bbox!.y).toBeGreaterThan(0.62 + 0.07);
    expect(result.kind).toBe('pdf-text');

    const unknownVendor = await extractDocument(samplePng(), 'scan.png', { readLayout: async () => next, profiles: inMemoryVendorProfiles([]) });
    expect(unknownVendor.fields.invoiceNumber).toBeUndefined();
  });

  it('learns nothing from a document nobody confirmed', () => {
    expect(learnFromConfirmation(undefined, first, extracted, undefined)).toBeUndefined();
    const profile = learnFromConfirmation(undefined, first, extracted, { confirmedBy: 'user-1', fields: { invoiceNumber: 'K-2024-17' } });
    expect(learnFromConfirmation(profile, first, extracted, { confirmedBy: ' ', fields: { totalGross: '119.00' } })).toBe(profile);
  });

  it('learns the date order a confirmed ambiguous date proves', () => {
    const invoice = (date: string) => layoutOf([{ text: 'Acme Widgets Ltd', x: 0.1, y: 0.05 }, { text: 'Invoice number: 7', x: 0.1, y: 0.1 }, { text: `Invoice date: ${date}`, x: 0.1, y: 0.12 }, { text: 'Total: 10.00', x: 0.1, y: 0.5 }]);
    const firstRead = extractInvoiceFields(invoice('03/04/2024'));
    expect(firstRead.issues.map((issue) => issue.code)).toContain('DATE_AMBIGUOUS');
    const profile = learnFromConfirmation(undefined, invoice('03/04/2024'), firstRead, { confirmedBy: 'user-2', fields: { issueDate: '2024-03-04', vendorName: 'Acme Widgets Ltd' } });
    expect(profile!.dateOrder).toBe('mdy');
    const nextLayout = invoice('05/06/2024');
    const next = applyVendorProfile(profile!, nextLayout, extractInvoiceFields(nextLayout, { known: { dateOrder: profile!.dateOrder } }));
    expect(next.fields.issueDate?.value).toBe('2024-05-06');
    expect(next.issues.map((issue) => issue.code)).not.toContain('DATE_AMBIGUOUS');
  });

  it('learns the decimal separator a confirmed amount proves', () => {
    const invoice = (total: string) => layoutOf([{ text: 'Acme Widgets Ltd', x: 0.1, y: 0.05 }, { text: 'Invoice number: 7', x: 0.1, y: 0.1 }, { text: `Total: ${total}`, x: 0.1, y: 0.5 }]);
    const firstRead = extractInvoiceFields(invoice('1.234'));
    expect(firstRead.fields.totalGross?.value).toBe('1.234');
    const profile = learnFromConfirmation(undefined, invoice('1.234'), firstRead, { confirmedBy: 'user-2', fields: { totalGross: '1234.00', vendorName: 'Acme Widgets Ltd' } });
    expect(profile!.decimalSeparator).toBe(',');
    const next = extractInvoiceFields(invoice('2.500'), { known: { decimalSeparator: profile!.decimalSeparator } });
    expect(next.fields.totalGross?.value).toBe('2500.00');
  });
});

describe('vendor templates (YAML)', () => {
  const yaml = [
    'vendor: { vatId: "DE 136 695 976" }',
    'decimalSeparator: ","',
    'fields:',
    '  invoiceNumber: { label: "Vorgang:", pattern: "K-####-*" }',
    '  totalGross: { label: "Zu zahlen" }',
  ].join('\n');

  it('reads the fields a template anchors, for the vendor it names', async () => {
    const template = parseVendorTemplate(yaml);
    const result = await extractDocument(samplePng(), 'scan.png', { readLayout: async () => meierInvoice('K-2024-19', '50,00', '59,50'), templates: [template] });
    expect(result.fields.invoiceNumber).toMatchObject({ value: 'K-2024-19', source: 'vendor-profile' });
    expect(result.fields.totalGross?.value).toBe('59.50');
  });

  it('ignores an anchored value that does not match its pattern', async () => {
    const template = parseVendorTemplate(yaml.replace('K-####-*', 'R-####'));
    const result = await extractDocument(samplePng(), 'scan.png', { readLayout: async () => meierInvoice('K-2024-19', '50,00', '59,50'), templates: [template] });
    expect(result.fields.invoiceNumber).toBeUndefined();
  });

  it.each([
    ['not YAML', 'vendor: [unclosed', 'not valid YAML'],
    ['no vendor key', 'vendor: {}\nfields: {}', 'vendor'],
    ['an unknown field', 'vendor: { name: Meier }\nfields: { colour: { label: x } }', 'fields'],
    ['a regex instead of a wildcard', 'vendor: { name: Meier }\nfields: { invoiceNumber: { label: x, pattern: "****" } }', 'three'],
  ])('refuses %s with TEMPLATE_INVALID', (_case, text, message) => {
    expect(() => parseVendorTemplate(text)).toThrow(expect.objectContaining({ code: 'TEMPLATE_INVALID', message: expect.stringContaining(message) }));
  });

  it('matches wildcard patterns (a dynamic program, no backtracking)', () => {
    expect(matchesWildcard('RE-####', 'RE-2024')).toBe(true);
    expect(matchesWildcard('RE-####', 'RE-20245')).toBe(false);
    expect(matchesWildcard('@@-*', 'AB-anything')).toBe(true);
    expect(matchesWildcard('?-#', 'x-1')).toBe(true);
    // The shape that makes backtracking engines explode answers like any other.
    expect(matchesWildcard('*a*a*b', 'a'.repeat(5000))).toBe(false);
  });
});
