/**
 * Bank statements that are plain text: SWIFT MT940/MT942 (a `{1:` block header, or the `:20:`, `:25:` and balance
 * or entry tags at line starts) and OFX 1.x SGML (the `OFXHEADER:` preamble). Only these are accepted as
 * text/plain; any other text file is still refused. OFX 2.x and camt are XML and accepted as such.
 */
export function looksLikeStatementText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192).toString('latin1').replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '');
  if (/[\u0000\u0002\u0004-\u0008\u000E-\u001A]/.test(head.replace(/^[\s\u0001\u0003]+/, ''))) return false; // binary, not text
  if (/^\s*OFXHEADER\s*:\s*\d+/.test(head)) return true;
  if (/^[\s\u0001]*\{1:F01/.test(head)) return true;
  return /^:20:/m.test(head) && /^:25[P]?:/m.test(head) && /^:(28C|60[FM]|61|62[FM]|13D|34F):/m.test(head);
}
