import type { StatementTransaction } from '@conveyor/bank-statements';
import { distinctiveNameTokens, nameSimilarity, normaliseIban, vendorKey } from './party-names';
import { freeTextReferenceKeys, tolerantReferenceKey } from './reference-tokens';
import type { OpenItem } from './reconciliation-types';

/**
 * What accountants' decisions teach, as plain data (store it as JSON; nothing here does I/O):
 * - alias: a counterparty IBAN or name that stands for a vendor ("iban:DE89…" or "name:mueller masch");
 * - reference pattern: how a vendor's payments write our invoice numbers (a fixed prefix and suffix around it).
 * A rule starts as `suggest` (it can propose, never decide), becomes `auto` after N confirmations, falls back
 * to `suggest` on a rejection and is `retired` at its second rejection.
 */
export interface LearnedRule {
  kind: 'alias' | 'reference-pattern';
  /** alias: "iban:<IBAN>" or "name:<distinctive words>"; reference-pattern: "<prefix>|<suffix>" (tolerant keys). */
  key: string;
  vendorKey: string;
  confirmations: number;
  rejections: number;
  status: 'suggest' | 'auto' | 'retired';
}

export interface LearningState {
  rules: LearnedRule[];
}

export const EMPTY_LEARNING_STATE: LearningState = { rules: [] };

export type PaymentLine = Pick<StatementTransaction, 'counterpartyName' | 'counterpartyIban' | 'reference' | 'description'>;

export interface Decision {
  transaction: PaymentLine;
  openItems: Pick<OpenItem, 'vendorName' | 'vendorIban' | 'invoiceNumber'>[];
}

/** A name that already matches the vendor this well needs no alias. */
const NAME_ALREADY_MATCHES = 0.85;

/** The rules a decision on this line and these items speaks for. */
export function rulesEvidencedBy(decision: Decision): Pick<LearnedRule, 'kind' | 'key' | 'vendorKey'>[] {
  const evidenced: Pick<LearnedRule, 'kind' | 'key' | 'vendorKey'>[] = [];
  const seen = new Set<string>();
  const add = (rule: Pick<LearnedRule, 'kind' | 'key' | 'vendorKey'>): void => {
    const id = `${rule.kind}\u0000${rule.key}\u0000${rule.vendorKey}`;
    if (!seen.has(id)) evidenced.push(rule);
    seen.add(id);
  };
  const iban = normaliseIban(decision.transaction.counterpartyIban);
  const nameTokens = distinctiveNameTokens(decision.transaction.counterpartyName);
  const text = `${decision.transaction.reference ?? ''} ${decision.transaction.description ?? ''}`;
  for (const item of decision.openItems) {
    const vendor = vendorKey(item.vendorName);
    if (vendor === null) continue;
    if (iban !== null && iban !== normaliseIban(item.vendorIban)) add({ kind: 'alias', key: `iban:${iban}`, vendorKey: vendor });
    if (nameTokens.length > 0 && nameSimilarity(nameTokens, distinctiveNameTokens(item.vendorName)) < NAME_ALREADY_MATCHES) {
      add({ kind: 'alias', key: `name:${nameTokens.join(' ')}`, vendorKey: vendor });
    }
    const pattern = referencePatternIn(text, item.invoiceNumber);
    if (pattern !== null) add({ kind: 'reference-pattern', key: pattern, vendorKey: vendor });
  }
  return evidenced;
}

/** "<prefix>|<suffix>" when the invoice number sits inside a longer word of the text, else null. */
function referencePatternIn(text: string, invoiceNumber: string | null): string | null {
  const itemKey = invoiceNumber === null ? null : tolerantReferenceKey(invoiceNumber);
  if (itemKey === null) return null;
  const keys = freeTextReferenceKeys(text);
  if (keys.has(itemKey)) return null; // found without help: nothing to learn
  // The shortest word around the number: joined neighbours ("ZAHLUNG" + "KD…") would make the pattern too specific.
  const around = [...keys].filter((word) => word.length > itemKey.length && word.includes(itemKey)).sort((a, b) => a.length - b.length)[0];
  if (around === undefined) return null;
  const at = around.indexOf(itemKey);
  return `${around.slice(0, at)}|${around.slice(at + itemKey.length)}`;
}

export function learnFromConfirmation(state: LearningState, decision: Decision, promoteAfterConfirmations = 3): LearningState {
  const rules = state.rules.map((rule) => ({ ...rule }));
  for (const evidence of rulesEvidencedBy(decision)) {
    let rule = rules.find((candidate) => sameRule(candidate, evidence));
    if (rule === undefined) {
      rule = { ...evidence, confirmations: 0, rejections: 0, status: 'suggest' };
      rules.push(rule);
    }
    rule.confirmations += 1;
    if (rule.status !== 'retired' && rule.confirmations >= promoteAfterConfirmations) rule.status = 'auto';
  }
  return { rules };
}

export function learnFromRejection(state: LearningState, decision: Decision): LearningState {
  const rules = state.rules.map((rule) => ({ ...rule }));
  for (const evidence of rulesEvidencedBy(decision)) {
    const rule = rules.find((candidate) => sameRule(candidate, evidence));
    if (rule === undefined) continue; // nothing learned, nothing to unlearn
    rule.rejections += 1;
    // Trust is earned again from zero: the next confirmations count towards promotion anew.
    rule.confirmations = 0;
    rule.status = rule.rejections > 1 ? 'retired' : 'suggest';
  }
  return { rules };
}

function sameRule(a: Pick<LearnedRule, 'kind' | 'key' | 'vendorKey'>, b: Pick<LearnedRule, 'kind' | 'key' | 'vendorKey'>): boolean {
  return a.kind === b.kind && a.key === b.key && a.vendorKey === b.vendorKey;
}
