import type { DocumentRejection } from './document.model';

/** What an image's structure says: its size in pixels, or why it cannot be read. */
export type ImageFacts = { widthPx: number; heightPx: number } | { rejection: DocumentRejection };

const truncated = (kind: string): ImageFacts => ({ rejection: { code: 'DOCUMENT_TRUNCATED', message: `The ${kind} file ends before its image data does (truncated upload?)` } });
const corrupt = (kind: string, why: string): ImageFacts => ({ rejection: { code: 'DOCUMENT_CORRUPT', message: `The ${kind} file is damaged: ${why}` } });

/** Walks the PNG chunks up to IEND: the header gives the size, a missing IEND means the file was cut short. */
export function inspectPng(bytes: Buffer): ImageFacts {
  let at = 8;
  let size: { widthPx: number; heightPx: number } | undefined;
  while (at + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > bytes.length) return truncated('PNG');
    if (!size) {
      if (type !== 'IHDR' || length < 8) return corrupt('PNG', 'it does not start with an IHDR header');
      size = { widthPx: bytes.readUInt32BE(at + 8), heightPx: bytes.readUInt32BE(at + 12) };
    }
    if (type === 'IEND') return size;
    at += 12 + length;
  }
  return truncated('PNG');
}

const START_OF_FRAME = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the JPEG segments to the frame header (size) and the start of scan; the image must end with EOI after it. */
export function inspectJpeg(bytes: Buffer): ImageFacts {
  let at = 2;
  let size: { widthPx: number; heightPx: number } | undefined;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return corrupt('JPEG', `no segment marker at byte ${at}`);
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    if (at + 2 + length > bytes.length) return truncated('JPEG');
    if (START_OF_FRAME.has(marker) && length >= 7) size = { heightPx: bytes.readUInt16BE(at + 5), widthPx: bytes.readUInt16BE(at + 7) };
    if (marker === 0xda) {
      if (!size) return corrupt('JPEG', 'the image data comes before any frame header');
      // Scan data runs to the End Of Image marker; some cameras append data after it, so search rather than test the tail.
      return bytes.indexOf(Buffer.from([0xff, 0xd9]), at + 2 + length) >= 0 ? size : truncated('JPEG');
    }
    at += 2 + length;
  }
  return truncated('JPEG');
}

/** Reads the first TIFF directory: the size, and whether every strip or tile it points to is inside the file. */
export function inspectTiff(bytes: Buffer): ImageFacts {
  if (bytes.length < 8) return truncated('TIFF');
  const little = bytes[0] === 0x49;
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  if (u16(2) !== 42) return corrupt('TIFF', 'only classic TIFF is accepted (BigTIFF is not)');
  const directory = u32(4);
  if (directory < 8 || directory + 2 > bytes.length) return truncated('TIFF');
  const count = u16(directory);
  if (directory + 2 + count * 12 > bytes.length) return truncated('TIFF');
  const values = new Map<number, number[]>();
  for (let index = 0; index < count; index++) {
    const entry = directory + 2 + index * 12;
    const [tag, type, n] = [u16(entry), u16(entry + 2), u32(entry + 4)];
    if (type !== 3 && type !== 4) continue; // only SHORT and LONG tags matter here
    const width = type === 3 ? 2 : 4;
    const at = n * width <= 4 ? entry + 8 : u32(entry + 8);
    if (n > 1_000_000 || at + n * width > bytes.length) return truncated('TIFF');
    values.set(tag, Array.from({ length: n }, (_, i) => (type === 3 ? u16(at + i * 2) : u32(at + i * 4))));
  }
  const [widthPx, heightPx] = [values.get(256)?.[0], values.get(257)?.[0]];
  if (widthPx === undefined || heightPx === undefined) return corrupt('TIFF', 'the image has no width or height');
  // Strips (273/279) or tiles (324/325): offsets and byte counts pair up.
  const offsets = values.get(273) ?? values.get(324) ?? [];
  const lengths = values.get(279) ?? values.get(325) ?? [];
  if (offsets.length === 0 || offsets.length !== lengths.length) return corrupt('TIFF', 'the image data is not described');
  if (offsets.some((offset, index) => offset + lengths[index] > bytes.length)) return truncated('TIFF');
  return { widthPx, heightPx };
}
