import { isValidIBAN } from 'ibantools';

/** What the ":86:" information to account owner says, as far as its layout can be read. */
export interface Details86 {
  counterpartyName: string | null;
  counterpartyIban: string | null;
  reference: string | null;
  endToEndId: string | null;
  description: string;
  transactionCode: string | null;
}

/** German "?20" / Triodos ">20" layout: a 3-digit GV code, then two-digit sub-fields. */
const STRUCTURED = /^(\d{3})\s*([?>])\d{2}/;
const SEPA_KEYWORDS = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT)\+/g;
const NO_REFERENCE = /^(NOTPROVIDED|NONREF|NOT PROVIDED)$/i;

export function readDetails86(raw: string): Details86 {
  const text = raw.replace(/^\s+/, '');
  if (STRUCTURED.test(text)) return readStructured(text);
  if (/^\/[A-Z]{2,4}\//.test(text)) return readSlashKeywords(text);
  if (/;\s*(OD|DO|TYT\.):/.test(text)) return readPolishFreeText(text);
  return { counterpartyName: null, counterpartyIban: null, reference: null, endToEndId: null, description: readable(raw), transactionCode: null };
}

function readStructured(text: string): Details86 {
  const [, code, separator] = STRUCTURED.exec(text)!;
  // Sub-fields are wrapped at fixed widths: a line break is not a space.
  const body = text.slice(3).replace(/\n/g, '');
  const fields = new Map<string, string>();
  const pattern = new RegExp(`\\${separator}(\\d{2})([^${separator === '?' ? '?' : '>'}]*)`, 'g');
  for (const match of body.matchAll(pattern)) fields.set(match[1], (fields.get(match[1]) ?? '') + match[2]);
  const purposeKeys = [...fields.keys()].filter((key) => /^(2\d|6[0-3])$/.test(key)).sort();
  const purpose = purposeKeys.map((key) => fields.get(key)!).join('');
  const sepa = sepaParts(purpose);
  const name = [fields.get('32'), fields.get('33')].filter(Boolean).join('').replace(/\s{2,}/g, ' ').trim();
  const account = (fields.get('38') ?? fields.get('31') ?? '').replace(/\s+/g, '');
  const endToEnd = sepa.get('EREF')?.trim() ?? null;
  const remittance = sepa.size > 0 ? (sepa.get('SVWZ') ?? null) : purpose;
  return {
    counterpartyName: name || null,
    counterpartyIban: isValidIBAN(account) ? account : (sepa.get('IBAN')?.replace(/\s+/g, '') ?? null),
    reference: remittance?.trim() || null,
    endToEndId: endToEnd && !NO_REFERENCE.test(endToEnd) ? endToEnd : null,
    description: [fields.get('00'), purpose, ...otherSubFields(fields)].filter(Boolean).join(' ').trim(),
    transactionCode: code,
  };
}

/** Prima nota, bank code, account and the rest: kept in the text so nothing the bank wrote is lost. */
function otherSubFields(fields: Map<string, string>): string[] {
  return [...fields.entries()].filter(([key]) => !/^(00|2\d|6[0-3]|32|33)$/.test(key)).map(([key, value]) => `${key}:${value.trim()}`);
}

/** "EREF+ ... SVWZ+ ..." inside the purpose lines. */
function sepaParts(purpose: string): Map<string, string> {
  const parts = new Map<string, string>();
  const matches = [...purpose.matchAll(SEPA_KEYWORDS)];
  matches.forEach((match, index) => {
    const end = index + 1 < matches.length ? matches[index + 1].index : purpose.length;
    parts.set(match[1], purpose.slice(match.index + match[0].length, end).trim());
  });
  return parts;
}

/** Dutch banks' "/TRTP/SEPA OVERBOEKING/IBAN/NL..../NAME/..../REMI/..../EREF/...." layout. */
function readSlashKeywords(text: string): Details86 {
  const flat = text.replace(/\n/g, '');
  const fields = new Map<string, string>();
  const keys = /\/(TRTP|IBAN|BIC|NAME|REMI|EREF|MARF|CSID|ORDP|BENM|ADDR|USTD|STRD|CDTRREF|CDTRREFTP|CD|ISSR|ID|SVCL|RTRN)\//g;
  const matches = [...flat.matchAll(keys)];
  matches.forEach((match, index) => {
    const end = index + 1 < matches.length ? matches[index + 1].index : flat.length;
    if (!fields.has(match[1])) fields.set(match[1], flat.slice(match.index + match[0].length, end).trim());
  });
  const endToEnd = fields.get('EREF') ?? null;
  return {
    counterpartyName: fields.get('NAME') || null,
    counterpartyIban: fields.get('IBAN') || null,
    reference: fields.get('CDTRREF') || fields.get('REMI') || null,
    endToEndId: endToEnd && !NO_REFERENCE.test(endToEnd) ? endToEnd : null,
    description: readable(text),
    transactionCode: null,
  };
}

/** The text as the bank wrote it, lines kept, trailing padding dropped. */
function readable(text: string): string {
  return text.split('\n').map((line) => line.trimEnd()).join('\n').trim();
}

/** mBank-style "...; OD: <payer>; TYT.: <title>; TNR: ..." free text. */
function readPolishFreeText(text: string): Details86 {
  const flat = text.replace(/\n/g, '');
  const part = (label: string): string | null => {
    const match = new RegExp(`(?:^|;)\\s*${label.replace('.', '\\.')}:\\s*([^;]*)`).exec(flat);
    return match?.[1].trim() || null;
  };
  // "OD: JAN NOWAK  UL. NIJAKA 1": two spaces separate the name from the address.
  const party = part('OD') ?? part('DO');
  return {
    counterpartyName: party?.split(/\s{2,}/)[0] ?? null,
    counterpartyIban: null,
    reference: part('TYT.'),
    endToEndId: null,
    description: readable(text),
    transactionCode: null,
  };
}
