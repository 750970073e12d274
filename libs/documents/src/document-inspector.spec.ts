import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './document-limits';
import { inspectDocument } from './document-inspector';
import { samplePdf, sampleJpeg, samplePng, sampleTiff, sampleXml } from './sample-documents.fixture';

const limits: DocumentLimits = { ...DEFAULT_DOCUMENT_LIMITS };

describe('inspectDocument: the type comes from the content', () => {
  it.each([
    ['PDF', samplePdf(2), 'application/pdf', 2],
    ['PNG', samplePng(3, 2), 'image/png', 1],
    ['JPEG', sampleJpeg(4, 5), 'image/jpeg', 1],
    ['TIFF', sampleTiff(2, 3), 'image/tiff', 1],
    ['XML', sampleXml(), 'application/xml', 1],
  ])('accepts a real %s', async (_name, bytes, mediaType, pages) => {
    const result = await inspectDocument(bytes, limits);
    expect(result.rejection).toBeUndefined();
    expect(result.mediaType).toBe(mediaType);
    expect(result.pages).toBe(pages);
  });

  it('reads image sizes from the headers', async () => {
    expect(await inspectDocument(samplePng(3, 2), limits)).toMatchObject({ widthPx: 3, heightPx: 2 });
    expect(await inspectDocument(sampleJpeg(4, 5), limits)).toMatchObject({ widthPx: 4, heightPx: 5 });
    expect(await inspectDocument(sampleTiff(2, 3), limits)).toMatchObject({ widthPx: 2, heightPx: 3 });
  });

  it('accepts XML without a declaration, with a byte-order mark, and in UTF-16', async () => {
    const bare = Buffer.from('<Invoice><ID>1</ID></Invoice>');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sampleXml()]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><a>ü</a>', 'utf16le')]);
    for (const bytes of [bare, bom, utf16]) expect(await inspectDocument(bytes, limits)).toMatchObject({ mediaType: 'application/xml', pages: 1 });
  });

  it('refuses a text file whatever its name, and says what it is not', async () => {
    const result = await inspectDocument(Buffer.from('Invoice 42\nTotal: 100.00 EUR\n'), limits);
    expect(result.rejection?.code).toBe('DOCUMENT_TYPE_UNSUPPORTED');
    expect(result.rejection?.message).toMatch(/not a PDF, PNG, JPEG, TIFF or XML document/);
    expect(result.mediaType).toBeNull();
  });

  it('refuses another known type by name (a GIF)', async () => {
    const gif = Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.alloc(20)]);
    expect((await inspectDocument(gif, limits)).rejection).toMatchObject({ code: 'DOCUMENT_TYPE_UNSUPPORTED', message: expect.stringContaining('image/gif') });
  });

  it('refuses an empty file', async () => {
    expect((await inspectDocument(Buffer.alloc(0), limits)).rejection?.code).toBe('DOCUMENT_EMPTY');
  });

  it.each([
    ['PDF', samplePdf(1), 'application/pdf'],
    ['PNG', samplePng(), 'image/png'],
    ['JPEG', sampleJpeg(), 'image/jpeg'],
    ['TIFF', sampleTiff(4, 4), 'image/tiff'],
    ['XML', sampleXml(), 'application/xml'],
  ])('refuses a truncated %s as truncated, keeping the detected type', async (_name, bytes, mediaType) => {
    const result = await inspectDocument(bytes.subarray(0, Math.floor(bytes.length * 0.6)), limits);
    expect(result.rejection?.code).toBe('DOCUMENT_TRUNCATED');
    expect(result.mediaType).toBe(mediaType);
  });

  it('refuses a PDF whose structure is garbage as corrupt, without throwing', async () => {
    const garbage = Buffer.from('%PDF-1.7\nthis is not a pdf body at all\n%%EOF\n', 'latin1');
    const result = await inspectDocument(garbage, limits);
    expect(result.rejection?.code).toBe('DOCUMENT_CORRUPT');
    expect(result.rejection?.message).toMatch(/The PDF cannot be read/);
  });

  it('refuses XML that declares entities (XXE, entity expansion)', async () => {
    const xxe = Buffer.from('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>');
    expect((await inspectDocument(xxe, limits)).rejection?.code).toBe('DOCUMENT_XML_UNSAFE');
  });

  it('refuses malformed XML as corrupt', async () => {
    expect((await inspectDocument(Buffer.from('<a><b></c></a>'), limits)).rejection?.code).toBe('DOCUMENT_CORRUPT');
  });
});

describe('inspectDocument: limits', () => {
  it('refuses a PDF with more pages than allowed, and says how many it has', async () => {
    const result = await inspectDocument(samplePdf(6), { ...limits, maxPages: 5 });
    expect(result.rejection).toEqual({ code: 'DOCUMENT_TOO_MANY_PAGES', message: 'The PDF has 6 pages; at most 5 are accepted' });
    expect(result.pages).toBe(6);
    expect((await inspectDocument(samplePdf(5), { ...limits, maxPages: 5 })).rejection).toBeUndefined();
  });

  it('refuses a file over the size limit (intake outside HTTP, where nothing stops it earlier)', async () => {
    const bytes = samplePdf(1);
    expect((await inspectDocument(bytes, { ...limits, maxBytes: bytes.length - 1 })).rejection?.code).toBe('DOCUMENT_TOO_LARGE');
    expect((await inspectDocument(bytes, { ...limits, maxBytes: bytes.length })).rejection).toBeUndefined();
  });

  it('refuses images with absurd pixel counts from their headers alone', async () => {
    const huge = await inspectDocument(samplePng(100_000, 100_000), limits);
    expect(huge.rejection?.code).toBe('DOCUMENT_TOO_MANY_PIXELS');
    expect(huge.rejection?.message).toContain('100000 x 100000');
    expect((await inspectDocument(sampleJpeg(200, 100), { ...limits, maxImagePixels: 19_999 })).rejection?.code).toBe('DOCUMENT_TOO_MANY_PIXELS');
    expect((await inspectDocument(sampleJpeg(200, 100), { ...limits, maxImagePixels: 20_000 })).rejection).toBeUndefined();
  });

  it('refuses an image of zero pixels', async () => {
    expect((await inspectDocument(samplePng(0, 10), limits)).rejection?.code).toBe('DOCUMENT_CORRUPT');
  });
});
