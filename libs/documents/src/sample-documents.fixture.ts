import { crc32 } from 'node:zlib';

/**
 * The smallest real files of each accepted type, built byte by byte for tests (no binary fixtures in the
 * repository): each one opens in ordinary viewers.
 */

/** A PDF with `pages` empty A4 pages and a correct cross-reference table. */
export function samplePdf(pages = 1, marker = ''): Buffer {
  const kids = Array.from({ length: pages }, (_, index) => `${3 + index} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'),
  ];
  let body = `%PDF-1.4\n%${marker}\n`;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A grayscale PNG of width x height (the pixel data is only real for small images; large ones are for limit tests). */
export function samplePng(width = 1, height = 1): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // grayscale
  // Deflate stream of one filter byte and one pixel (stored block), then IEND.
  const pixels = Buffer.from([0x78, 0x01, 0x01, 0x02, 0x00, 0xfd, 0xff, 0x00, 0x80, 0x00, 0x82, 0x00, 0x81]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', pixels),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function jpegSegment(marker: number, data: number[]): number[] {
  const length = data.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...data];
}

/** A baseline grayscale JPEG of width x height whose single 8x8 block is mid-grey. */
export function sampleJpeg(width = 1, height = 1): Buffer {
  const jfif = [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const quantisation = [0x00, ...new Array<number>(64).fill(1)];
  const frame = [0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00];
  // One DC code (category 0) and one AC code (end of block), both one bit long.
  const dcTable = [0x00, 0x01, ...new Array<number>(15).fill(0), 0x00];
  const acTable = [0x10, 0x01, ...new Array<number>(15).fill(0), 0x00];
  const scan = [0x01, 0x01, 0x00, 0x00, 0x3f, 0x00];
  return Buffer.from([
    0xff, 0xd8,
    ...jpegSegment(0xe0, jfif),
    ...jpegSegment(0xdb, quantisation),
    ...jpegSegment(0xc0, frame),
    ...jpegSegment(0xc4, dcTable),
    ...jpegSegment(0xc4, acTable),
    ...jpegSegment(0xda, scan),
    0x3f, // two zero bits (DC 0, end of block), padded with ones
    0xff, 0xd9,
  ]);
}

/** An uncompressed little-endian grayscale TIFF of width x height with one strip. */
export function sampleTiff(width = 1, height = 1): Buffer {
  const entries: [tag: number, type: number, value: number][] = [
    [256, 3, width], // ImageWidth
    [257, 3, height], // ImageLength
    [258, 3, 8], // BitsPerSample
    [259, 3, 1], // Compression: none
    [262, 3, 1], // PhotometricInterpretation: black is zero
    [273, 4, 0], // StripOffsets (filled below)
    [278, 3, height], // RowsPerStrip
    [279, 4, width * height], // StripByteCounts
  ];
  const ifdAt = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  const dataAt = ifdAt + ifdSize;
  const buffer = Buffer.alloc(dataAt + width * height, 0x80);
  buffer.write('II', 0, 'latin1');
  buffer.writeUInt16LE(42, 2);
  buffer.writeUInt32LE(ifdAt, 4);
  buffer.writeUInt16LE(entries.length, ifdAt);
  entries.forEach(([tag, type, value], index) => {
    const at = ifdAt + 2 + index * 12;
    buffer.writeUInt16LE(tag, at);
    buffer.writeUInt16LE(type, at + 2);
    buffer.writeUInt32LE(1, at + 4);
    if (type === 3) buffer.writeUInt16LE(value, at + 8);
    else buffer.writeUInt32LE(tag === 273 ? dataAt : value, at + 8);
  });
  buffer.writeUInt32LE(0, ifdAt + 2 + entries.length * 12);
  return buffer;
}

/** A small UBL-like invoice document. */
export function sampleXml(invoiceNumber = 'INV-1'): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">\n` +
      `  <ID>${invoiceNumber}</ID>\n  <IssueDate>2026-01-31</IssueDate>\n</Invoice>\n`,
    'utf8',
  );
}
