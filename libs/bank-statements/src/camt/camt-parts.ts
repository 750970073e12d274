import { dayOfIsoDateTime } from '../calendar-date';
import { nodeAt, nodesAt, textAt, type XmlNode } from './safe-xml';

/** Placeholders banks write where a reference is absent. */
const NO_REFERENCE = new Set(['NOTPROVIDED', 'NONREF', 'NOT PROVIDED']);

export function realReference(text: string | null): string | null {
  return text && !NO_REFERENCE.has(text.toUpperCase()) ? text : null;
}

/** An account as IBAN, or the other identifier the bank used (Othr/Id, PrtryAcct/Id, BBAN). */
export function accountOf(account: XmlNode | undefined): { iban: string | null; otherId: string | null } {
  const iban = textAt(account, 'Id', 'IBAN');
  if (iban) return { iban: iban.replace(/\s+/g, ''), otherId: null };
  return { iban: null, otherId: textAt(account, 'Id', 'Othr|PrtryAcct', 'Id') ?? textAt(account, 'Id', 'BBAN|UPIC') };
}

/** A party's name, before (Dbtr/Nm) and after (Dbtr/Pty/Nm, camt.05x.001.08+) the Party choice wrapper. */
export function partyName(party: XmlNode | undefined): string | null {
  return textAt(party, 'Nm') ?? textAt(party, 'Pty', 'Nm');
}

/** Booking or value date: Dt or DtTm, calendar day as written in the bank's own offset. */
export function dateOf(holder: XmlNode | undefined): { day: string | null; given: boolean } {
  const text = textAt(holder, 'Dt|DtTm');
  return { day: dayOfIsoDateTime(text), given: text !== null };
}

/** Entry status: a plain code (up to .001.07) or Sts/Cd (.001.08 and later). */
export function statusOf(entry: XmlNode): string | null {
  return textAt(entry, 'Sts', 'Cd') ?? textAt(entry, 'Sts', 'Prtry') ?? textAt(entry, 'Sts');
}

export function balanceTypeOf(balance: XmlNode): string | null {
  return textAt(balance, 'Tp', 'CdOrPrtry', 'Cd') ?? textAt(balance, 'Tp', 'CdOrPrtry', 'Prtry') ?? textAt(balance, 'Tp', 'Cd') ?? textAt(balance, 'Tp', 'Prtry');
}

export function transactionCodeOf(entry: XmlNode): string | null {
  const domain = nodeAt(entry, 'BkTxCd', 'Domn');
  if (domain) {
    const parts = [textAt(domain, 'Cd'), textAt(domain, 'Fmly', 'Cd'), textAt(domain, 'Fmly', 'SubFmlyCd')].filter(Boolean);
    if (parts.length > 0) return parts.join('/');
  }
  return textAt(entry, 'BkTxCd', 'Prtry', 'Cd');
}

/** Remittance of one transaction: structured creditor references first, then the unstructured lines. */
export function remittanceOf(details: XmlNode): { structured: string[]; unstructured: string[] } {
  const structuredParts = nodesAt(details, 'RmtInf', 'Strd');
  const structured = [
    ...structuredParts.map((part) => textAt(part, 'CdtrRefInf', 'Ref')),
    ...structuredParts.flatMap((part) => nodesAt(part, 'RfrdDocInf').map((document) => textAt(document, 'Nb'))),
  ].filter((text): text is string => text !== null);
  const unstructured = [
    ...nodesAt(details, 'RmtInf', 'Ustrd').map((node) => node.text.trim()),
    ...structuredParts.flatMap((part) => nodesAt(part, 'AddtlRmtInf').map((node) => node.text.trim())),
  ].filter((text) => text.length > 0);
  return { structured, unstructured };
}
