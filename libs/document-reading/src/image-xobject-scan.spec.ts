import { mayPaintReadableImage } from './image-xobject-scan';
import { buildPdf, INVOICE_LINES } from './test-pdfs.fixture';

function pdfWithImageDictionary(dictionary: string): Buffer {
  return Buffer.from(`%PDF-1.7\n5 0 obj\n${dictionary}\nstream\n\u0000\u0001\nendstream\nendobj\n%%EOF\n`, 'latin1');
}

describe('mayPaintReadableImage', () => {
  it('finds no readable image in a text-only PDF, nor in one whose only image is a small logo', async () => {
    expect(mayPaintReadableImage(await buildPdf([{ kind: 'text', lines: INVOICE_LINES }]))).toBe(false);
    expect(mayPaintReadableImage(await buildPdf([{ kind: 'text', lines: INVOICE_LINES, logo: true }]))).toBe(false);
  });

  it('finds the image of a scanned page', async () => {
    expect(mayPaintReadableImage(await buildPdf([{ kind: 'text', lines: INVOICE_LINES }, { kind: 'scan' }]))).toBe(true);
  });

  it('reads the size from the image dictionary however it is spaced, and counts an unreadable size as large', () => {
    expect(mayPaintReadableImage(pdfWithImageDictionary('<</Type/XObject/Subtype/Image/Width 2480/Height 3508/BitsPerComponent 8>>'))).toBe(true);
    expect(mayPaintReadableImage(pdfWithImageDictionary('<< /Subtype /Image /Width 300 /Height 100 >>'))).toBe(false);
    expect(mayPaintReadableImage(pdfWithImageDictionary('<< /Subtype /Image /Width 7 0 R /Height 100 >>'))).toBe(true);
    expect(mayPaintReadableImage(pdfWithImageDictionary('<< /ProcSet [/PDF /ImageB /ImageC] /Width 9000 /Height 9000 >>'))).toBe(false);
  });
});
