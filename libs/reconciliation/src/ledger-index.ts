import { DateTime } from 'luxon';
import { DomainError } from '@conveyor/kernel';
import type { LearnedRule, LearningState } from './learned-rules';
import { toMinorUnits } from './minor-units';
import { distinctiveNameTokens, isCommonWord, normaliseIban, vendorKey } from './party-names';
import { exactReferenceKey, tolerantReferenceKey } from './reference-tokens';
import type { OpenItem } from './reconciliation-types';

/** An open item prepared once for matching: amounts in minor units, dates as day numbers, keys normalised. */
export interface LedgerItem {
  item: OpenItem;
  index: number;
  currency: string;
  amountMinor: number;
  issueDay: number | null;
  dueDay: number | null;
  iban: string | null;
  vendorKey: string | null;
  /**
   * The vendor for grouping: name key and IBAN together ("<name key>|<IBAN>"), because two vendors can share a
   * name key once legal forms and common words are gone ("Wolf Holding" and "Wolf Services" are both "wolf").
   */
  partyKey: string | null;
  nameTokens: string[];
  exactReference: string | null;
  tolerantReference: string | null;
}

/**
 * The indexes that keep matching linear: by amount (currency and minor units), by reference key (exact and
 * tolerant), by IBAN, by vendor and by distinctive name word, by payment id; and learned rules by key.
 */
export interface LedgerIndex {
  items: LedgerItem[];
  byAmount: Map<string, LedgerItem[]>;
  byExactReference: Map<string, LedgerItem[]>;
  byTolerantReference: Map<string, LedgerItem[]>;
  byIban: Map<string, LedgerItem[]>;
  /** The vendors (party keys) that have open items paid to an IBAN, with one of their items' name words. */
  vendorsByIban: Map<string, Map<string, string[]>>;
  /** By party key; each list sorted by currency and amount, for range look-ups. */
  byVendor: Map<string, LedgerItem[]>;
  /** By party key; each list sorted by due date, for the items around a payment date. */
  byVendorDue: Map<string, LedgerItem[]>;
  /** Party keys by distinctive name word. */
  vendorsByNameToken: Map<string, Set<string>>;
  /** Party keys by vendor name key (learned aliases name a vendor by its name key). */
  partiesByVendorKey: Map<string, Set<string>>;
  byPaymentReference: Map<string, LedgerItem[]>;
  aliases: Map<string, LearnedRule[]>;
  /** reference-pattern rules by their prefix. */
  patternsByPrefix: Map<string, LearnedRule[]>;
}

/** A name word shared by more vendors than this is treated as a common word for this ledger. */
const MAX_VENDORS_PER_NAME_WORD = 25;

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date (time zones do not move a date-only value). */
export function dayNumber(isoDate: string | null | undefined): number | null {
  if (!isoDate) return null;
  const plain = PLAIN_DATE.exec(isoDate);
  if (plain) {
    // The common case without luxon's parser: tens of thousands of dates per run.
    const [year, month, day] = [Number(plain[1]), Number(plain[2]), Number(plain[3])];
    const millis = Date.UTC(year, month - 1, day);
    const check = new Date(millis);
    return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? millis / 86_400_000 : null;
  }
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  return date.isValid ? Math.floor(date.toMillis() / 86_400_000) : null;
}

export const amountKey = (currency: string, minor: number): string => `${currency}|${minor}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export function buildLedgerIndex(openItems: OpenItem[], learned: LearningState, knownReferences: Record<string, string[]>): LedgerIndex {
  const index: LedgerIndex = {
    items: [],
    byAmount: new Map(),
    byExactReference: new Map(),
    byTolerantReference: new Map(),
    byIban: new Map(),
    vendorsByIban: new Map(),
    byVendor: new Map(),
    byVendorDue: new Map(),
    vendorsByNameToken: new Map(),
    partiesByVendorKey: new Map(),
    byPaymentReference: new Map(),
    aliases: new Map(),
    patternsByPrefix: new Map(),
  };
  const byId = new Map<string, LedgerItem>();
  openItems.forEach((item, position) => {
    if (byId.has(item.id)) throw new DomainError('OPEN_ITEM_DUPLICATE', `open item id "${item.id}" appears twice`, { id: item.id });
    const currency = item.currency.toUpperCase();
    const iban = normaliseIban(item.vendorIban);
    const vendor = vendorKey(item.vendorName);
    const ledgerItem: LedgerItem = {
      item,
      index: position,
      currency,
      amountMinor: toMinorUnits(item.amount, currency),
      issueDay: dayNumber(item.issueDate),
      dueDay: dayNumber(item.dueDate),
      iban,
      vendorKey: vendor,
      partyKey: vendor === null && iban === null ? null : `${vendor ?? ''}|${iban ?? ''}`,
      nameTokens: distinctiveNameTokens(item.vendorName),
      exactReference: item.invoiceNumber ? exactReferenceKey(item.invoiceNumber) : null,
      tolerantReference: item.invoiceNumber ? tolerantReferenceKey(item.invoiceNumber) : null,
    };
    byId.set(item.id, ledgerItem);
    index.items.push(ledgerItem);
    push(index.byAmount, amountKey(currency, ledgerItem.amountMinor), ledgerItem);
    if (ledgerItem.exactReference) push(index.byExactReference, ledgerItem.exactReference, ledgerItem);
    if (ledgerItem.tolerantReference) push(index.byTolerantReference, ledgerItem.tolerantReference, ledgerItem);
    if (ledgerItem.iban) {
      push(index.byIban, ledgerItem.iban, ledgerItem);
      if (ledgerItem.partyKey) {
        const vendors = index.vendorsByIban.get(ledgerItem.iban) ?? new Map<string, string[]>();
        if (!vendors.has(ledgerItem.partyKey)) vendors.set(ledgerItem.partyKey, ledgerItem.nameTokens);
        index.vendorsByIban.set(ledgerItem.iban, vendors);
      }
    }
    if (ledgerItem.partyKey) {
      push(index.byVendor, ledgerItem.partyKey, ledgerItem);
      push(index.byVendorDue, ledgerItem.partyKey, ledgerItem);
    }
    if (ledgerItem.vendorKey && ledgerItem.partyKey) {
      for (const token of ledgerItem.nameTokens) {
        const vendors = index.vendorsByNameToken.get(token) ?? new Set<string>();
        vendors.add(ledgerItem.partyKey);
        index.vendorsByNameToken.set(token, vendors);
      }
      const parties = index.partiesByVendorKey.get(ledgerItem.vendorKey) ?? new Set<string>();
      parties.add(ledgerItem.partyKey);
      index.partiesByVendorKey.set(ledgerItem.vendorKey, parties);
    }
    for (const reference of item.paymentReferences ?? []) push(index.byPaymentReference, reference.trim(), ledgerItem);
  });
  for (const [reference, itemIds] of Object.entries(knownReferences)) {
    for (const id of itemIds) {
      const ledgerItem = byId.get(id);
      if (ledgerItem !== undefined) push(index.byPaymentReference, reference.trim(), ledgerItem);
    }
  }
  for (const list of index.byVendor.values()) list.sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : a.amountMinor - b.amountMinor));
  for (const list of index.byVendorDue.values()) list.sort((a, b) => (a.dueDay ?? a.issueDay ?? 0) - (b.dueDay ?? b.issueDay ?? 0));
  for (const [token, vendors] of index.vendorsByNameToken) {
    if (vendors.size > MAX_VENDORS_PER_NAME_WORD || isCommonWord(token)) index.vendorsByNameToken.delete(token);
  }
  for (const rule of learned.rules) {
    if (rule.status === 'retired') continue;
    if (rule.kind === 'alias') push(index.aliases, rule.key, rule);
    else push(index.patternsByPrefix, rule.key.split('|')[0], rule);
  }
  return index;
}
