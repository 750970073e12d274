import { extractInvoiceFields } from '../extract-invoice-fields';
import { layoutOf, stacked, type PlacedText } from '../layout-builder.fixture';

function read(lines: readonly PlacedText[]) {
  const result = extractInvoiceFields(layoutOf(lines));
  return { result, vendor: result.fields.vendorName?.value, customer: result.fields.customerName?.value };
}

const totals = stacked(0.55, 0.7, ['Total: 119.00 EUR']);

describe('vendor names with the legal forms of European registers', () => {
  it.each([
    'Fjordvik Teknik ASA',
    'Havnø Maskin A/S',
    'Kystlys Montage ApS',
    'Kuusela Palvelut Oy',
    'Järvinen Rakennus Ky',
    'Taara Tarkvara OÜ',
    'Tisza Szerviz Bt.',
    'Mátra Informatikai Nyrt.',
    'Triglav Storitve d.o.o.',
    'Jadran Usluge j.d.o.o.',
    'Douro Comércio Lda',
    'Vltava Stavby spol. s r.o.',
    'Tatra Obchod k.s.',
    'Moselle Finance S.à r.l.',
    'Rheintal Metallbau UG (haftungsbeschränkt)',
    'Wachau Handel e.U.',
    'Shannon Supplies DAC',
    'Sjövik Media HB',
  ])('reads "%s" in the footer, against the buyer\'s', (name) => {
    const page = [...stacked(0.1, 0.05, ['RECHNUNG', 'Rechnungsnummer: 1']), ...stacked(0.1, 0.2, ['Kunde:', 'Beispiel Handel AG']), ...totals, { text: `${name}      Hauptstraße 1, 10115 Berlin`, x: 0.1, y: 0.92 }];
    expect(read(page).vendor).toBe(name);
  });

  it.each(['UAB Nemuno Statyba', 'SIA Daugava Serviss', 'AS Merevaade Logistika'])('reads a form printed first, as Baltic registers do: "%s"', (name) => {
    const page = [...stacked(0.1, 0.05, ['INVOICE', 'Invoice No.: 1']), ...stacked(0.1, 0.2, ['Bill to:', 'Beispiel Handel AG']), ...totals, { text: `${name}      Gedimino pr. 12, Vilnius`, x: 0.1, y: 0.92 }];
    expect(read(page).vendor).toBe(name);
  });
});

describe('the buyer is never the vendor', () => {
  it('leaves the vendor empty rather than take the name under the buyer\'s label, when the seller prints no legal name', () => {
    const page = [...stacked(0.1, 0.04, ['INVOICE', 'Invoice No.: 17']), ...stacked(0.1, 0.12, ['Bill to:', 'Gruber Installationen AG', 'Herrengasse 3, Graz']), ...totals, { text: 'Thank you for your business', x: 0.1, y: 0.92 }];
    const { vendor, customer } = read(page);
    expect(customer).toBe('Gruber Installationen AG');
    expect(vendor).not.toBe('Gruber Installationen AG');
  });
});
