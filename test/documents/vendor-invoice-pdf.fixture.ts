import PDFDocument from 'pdfkit';

export interface VendorInvoice {
  number: string;
  date: string;
  net: string;
  tax: string;
  gross: string;
}

/**
 * A born-digital invoice of one vendor whose layout puts its document number under an in-house label
 * ("Vorgang") the generic extractor has no reason to know; the rest is ordinary German invoice text.
 */
export function vendorInvoicePdf(invoice: VendorInvoice): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { CreationDate: new Date('2026-01-01T00:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(16).text('Nordlicht Bürotechnik GmbH', 50, 50);
    doc.font('Helvetica').fontSize(9).text('Hafenstraße 12, 20457 Hamburg · USt-IdNr. DE811234567', 50, 72);
    doc.fontSize(10).text('Kunde: Beispiel Handel AG, Marktplatz 1, 50667 Köln', 50, 120);
    doc.fontSize(10).text('Vorgang', 380, 120).text(invoice.number, 460, 120);
    doc.text('Datum', 380, 136).text(invoice.date, 460, 136);
    doc.fontSize(14).font('Helvetica-Bold').text('Rechnung', 50, 180);
    doc.font('Helvetica').fontSize(10).text('Wartung Kopiersysteme, pauschal', 50, 220).text(invoice.net, 460, 220);
    doc.text('Summe netto', 330, 270).text(invoice.net, 460, 270);
    doc.text('MwSt. 19 %', 330, 286).text(invoice.tax, 460, 286);
    doc.font('Helvetica-Bold').text('Gesamtbetrag EUR', 330, 302).text(invoice.gross, 460, 302);
    doc.font('Helvetica').fontSize(9).text('Bitte überweisen Sie auf DE89 3704 0044 0532 0130 00 bei der Commerzbank.', 50, 360);
    doc.end();
  });
}
