import { distance } from 'fastest-levenshtein';
import type { Tolerances } from './amount-fit';
import type { BankLine } from './bank-line';
import type { LearnedRule } from './learned-rules';
import { amountKey, type LedgerIndex, type LedgerItem } from './ledger-index';
import { nameSimilarity } from './party-names';
import type { ReconcileOptions } from './reconcile-options';

export type ReferenceEvidence = 'payment-id' | 'exact' | 'text' | 'ocr-text' | 'pattern-auto' | 'pattern-suggest' | 'fuzzy';
export type PartyEvidence = 'iban' | 'alias-auto' | 'alias-suggest' | 'name';

/** What links one bank line to one open item, before any scoring. */
export interface Evidence {
  reference: ReferenceEvidence | null;
  party: PartyEvidence | null;
  nameSimilarity: number;
  /** The learned rule behind alias or pattern evidence, for the reason text. */
  ruleKey: string | null;
}

/** Lowest name similarity that counts as party evidence at all. */
export const MIN_NAME_SIMILARITY = 0.6;
/** An amount shared by more open items than this says nothing alone. */
const MAX_AMOUNT_ONLY_CANDIDATES = 40;
/** Items of one vendor within amount tolerance kept per line (equal monthly amounts: the nearest due dates). */
const MAX_NEAR_AMOUNT_PER_VENDOR = 24;
/** Longest learned prefix tried against a word. */
const MAX_PATTERN_PREFIX = 16;

const REFERENCE_RANK: Record<ReferenceEvidence, number> = {
  'payment-id': 7, exact: 6, text: 5, 'ocr-text': 4, 'pattern-auto': 4, 'pattern-suggest': 2, fuzzy: 1,
};
const PARTY_RANK: Record<PartyEvidence, number> = { iban: 4, 'alias-auto': 3, 'alias-suggest': 1, name: 2 };

/** Party evidence for a whole vendor, applied to its items only when they are looked at. */
export interface VendorParty {
  kind: PartyEvidence;
  similarity: number;
  ruleKey: string | null;
}

/**
 * Every open item the line has evidence for (stages 1 to 4), found through the indexes only: payment ids,
 * exact reference, reference words in the text (tolerant and learned patterns), the exact amount; and for the
 * vendors the line names (IBAN, learned alias, distinctive name words) only their items whose amount is
 * within tolerance of the payment, plus those due around the payment date for the subset-sum search. A vendor
 * with thousands of open items therefore costs a few binary searches, not thousands of comparisons.
 */
export function gatherCandidates(line: BankLine, index: LedgerIndex, tolerances: Tolerances): Candidates {
  const found = new Map<LedgerItem, Evidence>();
  const evidenceOf = (item: LedgerItem): Evidence => evidenceFor(found, item);
  const addReference = (item: LedgerItem, kind: ReferenceEvidence, ruleKey: string | null = null): void => {
    const evidence = evidenceOf(item);
    if (evidence.reference === null || REFERENCE_RANK[kind] > REFERENCE_RANK[evidence.reference]) {
      evidence.reference = kind;
      if (ruleKey !== null) evidence.ruleKey = ruleKey;
    }
  };

  for (const id of line.paymentIds) for (const item of index.byPaymentReference.get(id) ?? []) addReference(item, 'payment-id');
  if (line.exactReference) for (const item of index.byExactReference.get(line.exactReference) ?? []) addReference(item, 'exact');
  for (const key of line.textKeys) {
    for (const item of index.byTolerantReference.get(key) ?? []) {
      addReference(item, item.exactReference !== null && line.exactText.includes(item.exactReference) ? 'text' : 'ocr-text');
    }
    if (index.patternsByPrefix.size > 0) addLearnedPatterns(key, index, addReference);
  }
  const sameAmount = line.payMinor > 0 ? (index.byAmount.get(amountKey(line.currency, line.payMinor)) ?? []) : [];
  if (sameAmount.length <= MAX_AMOUNT_ONLY_CANDIDATES) for (const item of sameAmount) evidenceOf(item);

  const parties = vendorParties(line, index);
  for (const partyKey of parties.keys()) for (const item of itemsNearAmount(index.byVendor.get(partyKey) ?? [], line, tolerances)) evidenceOf(item);
  for (const [item, evidence] of found) applyParty(line, item, evidence, parties);
  addFuzzyReferences(line, found);
  return { found, parties };
}

/** The items of one line with their evidence, and the vendors the line names. */
export interface Candidates {
  found: Map<LedgerItem, Evidence>;
  parties: Map<string, VendorParty>;
}

function evidenceFor(found: Map<LedgerItem, Evidence>, item: LedgerItem): Evidence {
  let evidence = found.get(item);
  if (evidence === undefined) {
    evidence = { reference: null, party: null, nameSimilarity: 0, ruleKey: null };
    found.set(item, evidence);
  }
  return evidence;
}

/**
 * For the subset-sum search only: adds each named vendor's items due nearest the payment date (up to the
 * search's candidate bound), so combined payments can be found without a reference.
 */
export function addSubsetPool(line: BankLine, index: LedgerIndex, candidates: Candidates, options: ReconcileOptions): void {
  for (const partyKey of candidates.parties.keys()) {
    for (const item of itemsAroundDate(index.byVendorDue.get(partyKey) ?? [], line, options.subsetSum.maxCandidates)) {
      if (candidates.found.has(item)) continue;
      applyParty(line, item, evidenceFor(candidates.found, item), candidates.parties);
    }
  }
}

function applyParty(line: BankLine, item: LedgerItem, evidence: Evidence, parties: Map<string, VendorParty>): void {
  {
    const party = item.partyKey === null ? undefined : parties.get(item.partyKey);
    if (party === undefined) return;
    // IBAN evidence holds for the items that carry that IBAN; the vendor's others still share its name.
    if (party.kind === 'iban' && item.iban !== line.iban) {
      const similarity = nameSimilarity(line.nameTokens, item.nameTokens);
      if (similarity >= MIN_NAME_SIMILARITY) Object.assign(evidence, { party: 'name', nameSimilarity: similarity });
      return;
    }
    evidence.party = party.kind;
    evidence.nameSimilarity = party.similarity;
    if (party.ruleKey !== null) evidence.ruleKey = party.ruleKey;
  }
}

/** The vendors the line names, each with its strongest party evidence. */
function vendorParties(line: BankLine, index: LedgerIndex): Map<string, VendorParty> {
  const parties = new Map<string, VendorParty>();
  const add = (partyKey: string, party: VendorParty): void => {
    const known = parties.get(partyKey);
    if (known === undefined || PARTY_RANK[party.kind] > PARTY_RANK[known.kind]) parties.set(partyKey, { ...party, similarity: Math.max(party.similarity, known?.similarity ?? 0) });
  };
  if (line.nameTokens.length > 0) {
    const vendors = new Set<string>();
    for (const token of line.nameTokens) for (const vendor of index.vendorsByNameToken.get(token) ?? []) vendors.add(vendor);
    for (const vendor of vendors) {
      const similarity = nameSimilarity(line.nameTokens, (index.byVendor.get(vendor) ?? [])[0]?.nameTokens ?? []);
      if (similarity >= MIN_NAME_SIMILARITY) add(vendor, { kind: 'name', similarity, ruleKey: null });
    }
    addAliases(index.aliases.get(`name:${line.nameTokens.join(' ')}`) ?? [], index, add);
  }
  if (line.iban !== null) {
    addAliases(index.aliases.get(`iban:${line.iban}`) ?? [], index, add);
    for (const [partyKey, nameTokens] of index.vendorsByIban.get(line.iban) ?? []) {
      add(partyKey, { kind: 'iban', similarity: nameSimilarity(line.nameTokens, nameTokens), ruleKey: null });
    }
  }
  return parties;
}

/**
 * Learned aliases of one counterparty. One shared by several vendors (a payment provider paying for many)
 * proves nothing alone: it only suggests, however often it was confirmed.
 */
function addAliases(rules: LearnedRule[], index: LedgerIndex, add: (partyKey: string, party: VendorParty) => void): void {
  const shared = new Set(rules.map((rule) => rule.vendorKey)).size > 1;
  for (const rule of rules) {
    for (const partyKey of index.partiesByVendorKey.get(rule.vendorKey) ?? []) {
      add(partyKey, { kind: rule.status === 'auto' && !shared ? 'alias-auto' : 'alias-suggest', similarity: 0, ruleKey: rule.key });
    }
  }
}

/** A vendor's items (sorted by currency and amount) whose amount is within fee or discount tolerance. */
function itemsNearAmount(items: LedgerItem[], line: BankLine, tolerances: Tolerances): LedgerItem[] {
  if (line.payMinor <= 0 || items.length === 0) return [];
  const fee = tolerances.feeMinor(line.currency);
  const low = line.payMinor - fee;
  const high = Math.max(line.payMinor + fee, Math.ceil((line.payMinor * 10_000) / Math.max(1, 10_000 - tolerances.discountBasisPoints)));
  const before = (item: LedgerItem): boolean => item.currency < line.currency || (item.currency === line.currency && item.amountMinor < low);
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const middle = (lo + hi) >> 1;
    if (before(items[middle])) lo = middle + 1;
    else hi = middle;
  }
  const near: LedgerItem[] = [];
  for (let at = lo; at < items.length && items[at].currency === line.currency && items[at].amountMinor <= high; at += 1) near.push(items[at]);
  if (near.length <= MAX_NEAR_AMOUNT_PER_VENDOR || line.day === null) return near.slice(0, MAX_NEAR_AMOUNT_PER_VENDOR);
  // A vendor billing the same amount every month: the invoices due nearest the payment date are the candidates.
  const distance = (item: LedgerItem): number => Math.abs((item.dueDay ?? item.issueDay ?? 0) - line.day!);
  return near.sort((a, b) => distance(a) - distance(b)).slice(0, MAX_NEAR_AMOUNT_PER_VENDOR);
}

/**
 * Up to `count` of a vendor's items (sorted by due date) due nearest before and after the payment date: those
 * not above the paid amount (parts of a combined payment) and those in another currency (compared converted).
 */
function itemsAroundDate(items: LedgerItem[], line: BankLine, count: number): LedgerItem[] {
  if (line.day === null || items.length < 2) return items.length < 2 ? [] : items.slice(0, count);
  const due = (item: LedgerItem): number => item.dueDay ?? item.issueDay ?? 0;
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const middle = (lo + hi) >> 1;
    if (due(items[middle]) < line.day) lo = middle + 1;
    else hi = middle;
  }
  const around: LedgerItem[] = [];
  let left = lo - 1;
  let right = lo;
  while (around.length < count && (left >= 0 || right < items.length)) {
    const takeLeft = right >= items.length || (left >= 0 && line.day - due(items[left]) <= due(items[right]) - line.day);
    const item = takeLeft ? items[left--] : items[right++];
    if (item.amountMinor <= line.payMinor || item.currency !== line.currency) around.push(item);
  }
  return around;
}

function addLearnedPatterns(key: string, index: LedgerIndex, addReference: (item: LedgerItem, kind: ReferenceEvidence, ruleKey: string) => void): void {
  for (let length = 0; length <= Math.min(MAX_PATTERN_PREFIX, key.length - 1); length += 1) {
    for (const rule of index.patternsByPrefix.get(key.slice(0, length)) ?? []) {
      const suffix = rule.key.slice(rule.key.indexOf('|') + 1);
      if (!key.endsWith(suffix) || key.length <= length + suffix.length) continue;
      const inner = key.slice(length, key.length - suffix.length);
      for (const item of index.byTolerantReference.get(inner) ?? []) {
        if (item.vendorKey === rule.vendorKey) addReference(item, rule.status === 'auto' ? 'pattern-auto' : 'pattern-suggest', rule.key);
      }
    }
  }
}

/**
 * Mistyped references (one character wrong, or two in long ones), checked only on items already found whose
 * amount is near the paid one (or in another currency), so the edit distances stay few.
 */
function addFuzzyReferences(line: BankLine, found: Map<LedgerItem, Evidence>): void {
  if (line.textKeys.size === 0) return;
  const near = Math.max(Math.abs(line.payMinor) * 0.05, 1);
  for (const [item, evidence] of found) {
    const key = item.tolerantReference;
    if (evidence.reference !== null || key === null || key.length < 6) continue;
    if (item.currency === line.currency && Math.abs(item.amountMinor - line.payMinor) > near) continue;
    const allowed = key.length >= 10 ? 2 : 1;
    for (const word of line.textKeys) {
      if (Math.abs(word.length - key.length) <= allowed && distance(word, key) <= allowed) {
        evidence.reference = 'fuzzy';
        break;
      }
    }
  }
}
