/**
 * Fewer pixels than this spread over half an A4 page or more is under about 80 dpi: too coarse for OCR, so such
 * an image cannot be the unread scan the text-layer check looks for (logos and icons usually are this small; a
 * fax page has 1.9 million pixels, a phone photo several million).
 */
export const READABLE_IMAGE_MIN_PIXELS = 300_000;

const IMAGE_NAME = Buffer.from('/Image', 'latin1');
const LOOK_AROUND = 4096;
const SUBTYPE_BEFORE = /\/Subtype\s*$/u;
const NAME_DELIMITER = /[\s/<>[\]()%]/u;

/**
 * Whether the PDF stores an image XObject big enough to be a readable scan, found by scanning the raw file:
 * image XObjects are streams, and streams are never packed into object streams, so their dictionaries are
 * plain text even in compressed or encrypted files. Finding none spares looking for painted images on every
 * page, which costs pdf.js as much as reading the text. Conservative: a dictionary it cannot read counts as large.
 * Inline images (inside content streams) are not seen; by convention they are small.
 */
export function mayPaintReadableImage(bytes: Uint8Array, minPixels = READABLE_IMAGE_MIN_PIXELS): boolean {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = file.indexOf(IMAGE_NAME); at >= 0; at = file.indexOf(IMAGE_NAME, at + IMAGE_NAME.length)) {
    const after = file.toString('latin1', at + IMAGE_NAME.length, at + IMAGE_NAME.length + 1);
    if (after !== '' && !NAME_DELIMITER.test(after)) continue;
    if (!SUBTYPE_BEFORE.test(file.toString('latin1', Math.max(0, at - 32), at))) continue;
    const pixels = dictionaryPixels(file, at);
    if (pixels === null || pixels >= minPixels) return true;
  }
  return false;
}

/** Width x height of the image dictionary around `at` (from its "obj" to its "stream"), or null when unsure. */
function dictionaryPixels(file: Buffer, at: number): number | null {
  const start = file.lastIndexOf('obj', at, 'latin1');
  const end = file.indexOf('stream', at, 'latin1');
  if (start < 0 || end < 0 || at - start > LOOK_AROUND || end - at > LOOK_AROUND) return null;
  const dictionary = file.toString('latin1', start, end);
  const width = directInteger(dictionary, 'Width');
  const height = directInteger(dictionary, 'Height');
  return width === null || height === null ? null : width * height;
}

function directInteger(dictionary: string, key: string): number | null {
  const found = new RegExp(`/${key}\\s+(\\d+)(\\s+\\d+\\s+R)?`, 'u').exec(dictionary);
  return found && !found[2] ? Number(found[1]) : null;
}
