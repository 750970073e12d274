/** Which parser reads this text: decided from the content, never from the file name. */
export type SniffedFormat = 'camt' | 'ofx' | 'mt940' | 'csv' | 'xml-other' | 'unknown';

export function sniffStatementFormat(text: string): SniffedFormat {
  const head = text.slice(0, 4096).replace(/^[\s\u0001\u0003]+/, '');
  if (/^OFXHEADER\s*:/i.test(head) || /<\?OFX\s/i.test(head) || /^<OFX>/i.test(head) || /<OFX>\s*<SIGNONMSGSRSV1>/i.test(head)) return 'ofx';
  if (head.startsWith('<')) {
    if (/urn:iso:std:iso:20022:tech:xsd:camt\.05[234]/.test(head) || /<(\w+:)?(BkToCstmrStmt|BkToCstmrAcctRpt|BkToCstmrDbtCdtNtfctn)\b/.test(text)) return 'camt';
    if (/<OFX>/i.test(text.slice(0, 20000))) return 'ofx';
    return 'xml-other';
  }
  if (/^\{1:/.test(head) || /^:(20|25|28C?|60[FM]|61|62[FM]|64|13D|34F):/m.test(head)) return 'mt940';
  if (/[;,\t|]/.test(head) && /\d/.test(head)) return 'csv';
  return 'unknown';
}
