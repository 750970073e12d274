export type SniffedContentType = 'empty' | 'pdf' | 'xml' | 'png' | 'jpeg' | 'tiff' | 'unknown';

/** Decides what a file is from its first bytes (magic numbers), never from its name. */
export function sniffContentType(bytes: Uint8Array): SniffedContentType {
  if (bytes.length === 0) return 'empty';
  const head = Buffer.from(bytes.subarray(0, 1024));
  // PDF readers accept the header anywhere in the first kilobyte.
  if (head.includes('%PDF-')) return 'pdf';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  const tiffLittle = head[0] === 0x49 && head[1] === 0x49 && head[2] === 0x2a && head[3] === 0x00;
  const tiffBig = head[0] === 0x4d && head[1] === 0x4d && head[2] === 0x00 && head[3] === 0x2a;
  if (tiffLittle || tiffBig) return 'tiff';
  if (looksLikeXml(head)) return 'xml';
  return 'unknown';
}

function looksLikeXml(head: Buffer): boolean {
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) return true; // UTF-16 BOM
  const text = head.toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '').trimStart();
  return text.startsWith('<?xml') || /^<(!--|[A-Za-z_])/.test(text);
}
