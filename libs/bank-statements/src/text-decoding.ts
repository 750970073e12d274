/**
 * Bytes to text: UTF-8 (BOM or not) when the bytes are valid UTF-8, UTF-16 by BOM, else Windows-1252 (what
 * OFX 1.x "CHARSET:1252", most MT940 and older CSV exports use).
 */
export function decodeStatementText(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** A text file, not an image, PDF or archive: no NUL bytes in the first kilobytes. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  return head.includes(0) || (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46);
}
