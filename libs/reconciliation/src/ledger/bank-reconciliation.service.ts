import { parseOpenItemsFile } from '../open-items-file';
import type { AuditRecorder } from '@conveyor/audit';
import { DomainError, type Clock } from '@conveyor/kernel';
import { learnFromConfirmation, learnFromRejection, type LearnedRule } from '../learned-rules';
import { fromMinorUnits, toMinorUnits } from '../minor-units';
import { DEFAULT_RECONCILE_OPTIONS, type ReconcileOptions } from '../reconcile-options';
import type { LedgerAllocation, LedgerException, LedgerMatch, LedgerOpenItem, LedgerTransaction, TransactionState } from './ledger.model';
import type { LedgerRepository, LedgerTransactionScope, OpenItemFilter, TransactionFilter } from './ledger-ports';
import { fromContractItems, toNewOpenItems } from './open-item-input';
import { reconcileLedger, type ReconcileRunSummary } from './reconcile-ledger';
import { importStatementFile, type ImportSummary, type StatementFile } from './statement-import';

export interface BankReconciliationDependencies {
  repository: LedgerRepository;
  audit: AuditRecorder;
  clock: Clock;
  newId: () => string;
  /** Reads a stored document's bytes (statements uploaded through document intake). */
  readDocument?: (documentId: string) => Promise<{ bytes: Uint8Array; fileName: string }>;
  options?: Partial<ReconcileOptions>;
}

export interface InvoiceForLedger {
  documentId: string;
  vendorName: string;
  vendorIban?: string | null;
  invoiceNumber: string;
  currency: string;
  /** Amount due (after prepayments) when known, else the gross total. */
  amount: string;
  issueDate: string;
  dueDate?: string | null;
}

const setsChanged = (before: LearnedRule[], after: LearnedRule[]): LearnedRule[] =>
  after.filter((rule) => !before.some((old) => old.kind === rule.kind && old.key === rule.key && old.vendorKey === rule.vendorKey
    && old.confirmations === rule.confirmations && old.rejections === rule.rejections && old.status === rule.status));

/**
 * Bank reconciliation over the ledger: statement import, nightly matching, and people's decisions (confirm,
 * reject, link by hand with splits, resolve findings). Every decision is audited with the change in one
 * transaction; confirmations and rejections teach the learned rules.
 */
export class BankReconciliationService {
  private readonly options: Partial<ReconcileOptions>;

  constructor(private readonly deps: BankReconciliationDependencies) {
    this.options = deps.options ?? {};
  }

  importStatement(file: StatementFile, actor: string): Promise<ImportSummary> {
    return importStatementFile(this.deps, file, actor);
  }

  async importStatementDocument(documentId: string, actor: string, csvMapping?: StatementFile['csvMapping']): Promise<ImportSummary> {
    if (!this.deps.readDocument) throw new DomainError('DOCUMENTS_UNAVAILABLE', 'Stored documents cannot be read here');
    const { bytes, fileName } = await this.deps.readDocument(documentId);
    return this.importStatement({ bytes, fileName, sourceDocumentId: documentId, csvMapping }, actor);
  }

  reconcile(actor: string, runKey: string | null = null, options: Partial<ReconcileOptions> = {}): Promise<ReconcileRunSummary> {
    return reconcileLedger(this.deps, { actor, runKey, options: { ...this.options, ...options } });
  }

  async createOpenItems(inputs: unknown[], actor: string): Promise<{ created: string[]; alreadyKnown: number }> {
    const items = toNewOpenItems(inputs, this.deps.newId);
    const at = this.deps.clock.now();
    return this.deps.repository.transaction(async (tx) => {
      const created = await tx.insertOpenItems(items, at);
      const createdIds = new Set(created);
      const stored = items.filter((item) => createdIds.has(item.id));
      await this.deps.audit.record({
        actor, action: 'open-items.created', entityType: 'open-item', entityId: stored.length === 1 ? stored[0].id : `batch:${stored[0]?.id ?? 'none'}`, at,
        after: stored.length <= 100 ? stored : undefined, details: { created: stored.length, alreadyKnown: items.length - stored.length, externalIds: stored.slice(0, 1000).map((item) => item.externalId) },
      }, tx.handle);
      return { created, alreadyKnown: items.length - created.length };
    });
  }

  /** The `conveyor reconcile --open-items` file (JSON or CSV with the same columns): checked whole, stored whole. */
  importOpenItemsFile(bytes: Buffer, fileName: string, actor: string): Promise<{ created: string[]; alreadyKnown: number }> {
    return this.createOpenItems(fromContractItems(parseOpenItemsFile(bytes, fileName)), actor);
  }

  /** The open item of an accepted invoice; recording the same document again returns the item already there. */
  async recordInvoice(invoice: InvoiceForLedger, actor: string): Promise<{ openItem: LedgerOpenItem; created: boolean }> {
    const existing = await this.deps.repository.openItemByDocument(invoice.documentId);
    if (existing) return { openItem: existing, created: false };
    const { created } = await this.createOpenItems([{ ...invoice, id: null, vendorIban: invoice.vendorIban ?? null, dueDate: invoice.dueDate ?? null }], actor);
    const openItem = await this.deps.repository.openItemByDocument(invoice.documentId);
    if (!openItem) throw new DomainError('OPEN_ITEM_NOT_FOUND', `No open item for document ${invoice.documentId}`);
    return { openItem, created: created.length > 0 };
  }

  async confirm(matchId: string, actor: string, note: string | null = null): Promise<LedgerMatch> {
    const at = this.deps.clock.now();
    return this.deps.repository.transaction(async (tx) => {
      await tx.lockLedger();
      const match = await this.pendingMatch(tx, matchId);
      const { transaction, items } = await this.settleDecision(tx, match, actor, at);
      await tx.setMatchDecision(match.id, 'confirmed', actor, at, note);
      const learned = await this.learn(tx, transaction, items, 'confirm', at);
      const after = { ...match, decision: 'confirmed' as const, decidedBy: actor, decidedAt: at, note };
      await this.deps.audit.record({
        actor, action: 'reconciliation-match.confirmed', entityType: 'reconciliation-match', entityId: match.id, at, before: { decision: match.decision }, after,
        details: { transactionId: match.transactionId, openItemIds: items.map((item) => item.id), learned },
      }, tx.handle);
      return after;
    });
  }

  async reject(matchId: string, actor: string, note: string | null = null): Promise<LedgerMatch> {
    const at = this.deps.clock.now();
    return this.deps.repository.transaction(async (tx) => {
      await tx.lockLedger();
      const match = await this.pendingMatch(tx, matchId);
      const transaction = (await tx.findTransaction(match.transactionId)) as LedgerTransaction;
      const items = await tx.lockOpenItems(match.allocations.map((allocation) => allocation.openItemId));
      await tx.setMatchDecision(match.id, 'rejected', actor, at, note);
      await tx.setTransactionStates([{ id: match.transactionId, state: 'unmatched' }]);
      const learned = await this.learn(tx, transaction, items, 'reject', at);
      const after = { ...match, decision: 'rejected' as const, decidedBy: actor, decidedAt: at, note };
      await this.deps.audit.record({
        actor, action: 'reconciliation-match.rejected', entityType: 'reconciliation-match', entityId: match.id, at, before: { decision: match.decision }, after,
        details: { transactionId: match.transactionId, openItemIds: items.map((item) => item.id), learned },
      }, tx.handle);
      return after;
    });
  }

  /** A person links a line to one or more items with the amounts (a split); a pending suggestion for the line is replaced. */
  async link(transactionId: string, allocations: { openItemId: string; amount: string }[], actor: string, note: string | null = null): Promise<LedgerMatch> {
    if (allocations.length === 0 || new Set(allocations.map((allocation) => allocation.openItemId)).size !== allocations.length) {
      throw new DomainError('RECONCILIATION_LINK_INVALID', 'Name each open item once, with the amount this payment settles of it');
    }
    const at = this.deps.clock.now();
    return this.deps.repository.transaction(async (tx) => {
      await tx.lockLedger();
      const transaction = await tx.findTransaction(transactionId);
      if (!transaction) throw new DomainError('BANK_TRANSACTION_NOT_FOUND', `No bank transaction ${transactionId}`, { transactionId });
      if (transaction.state === 'matched') throw new DomainError('RECONCILIATION_CONFLICT', 'This payment is already matched', { transactionId });
      const items = await tx.lockOpenItems(allocations.map((allocation) => allocation.openItemId));
      const problems: string[] = [];
      const ledgerAllocations: LedgerAllocation[] = allocations.map((allocation) => {
        const item = items.find((candidate) => candidate.id === allocation.openItemId);
        if (!item) {
          problems.push(`no open item ${allocation.openItemId}`);
          return { openItemId: allocation.openItemId, amountMinor: 0 };
        }
        let amountMinor = 0;
        try {
          amountMinor = toMinorUnits(allocation.amount, item.currency);
        } catch (error) {
          problems.push(`${item.invoiceNumber}: ${(error as Error).message}`);
        }
        if (amountMinor <= 0) problems.push(`${item.invoiceNumber}: the amount must be above zero`);
        if (amountMinor > item.amountMinor) problems.push(`${item.invoiceNumber}: ${allocation.amount} is more than the ${fromMinorUnits(item.amountMinor, item.currency)} still open`);
        return { openItemId: item.id, amountMinor };
      });
      const sameCurrency = items.every((item) => item.currency === transaction.currency);
      if (sameCurrency && problems.length === 0) {
        const total = ledgerAllocations.reduce((sum, allocation) => sum + allocation.amountMinor, 0);
        if (total > Math.abs(toMinorUnits(transaction.amount, transaction.currency))) problems.push(`the amounts add up to more than the payment of ${transaction.amount.replace('-', '')}`);
      }
      if (problems.length > 0) throw new DomainError('RECONCILIATION_LINK_INVALID', `The link was refused: ${problems.join('; ')}`, { problems });
      if (transaction.state === 'suggested') {
        for (const pending of await this.pendingMatchesOf(transaction.id)) await tx.setMatchDecision(pending.id, 'rejected', actor, at, 'replaced by a link by hand');
      }
      const match: LedgerMatch = {
        id: this.deps.newId(), transactionId, decision: 'confirmed', source: 'manual', score: null, reasons: ['linked by hand'], allocations: ledgerAllocations,
        runKey: null, createdAt: at, decidedBy: actor, decidedAt: at, note,
      };
      await tx.insertMatches([match]);
      await this.settleDecision(tx, match, actor, at);
      const learned = await this.learn(tx, transaction, items, 'confirm', at);
      await this.deps.audit.record({
        actor, action: 'reconciliation-match.linked', entityType: 'reconciliation-match', entityId: match.id, at, after: match,
        details: { transactionId, openItemIds: items.map((item) => item.id), learned },
      }, tx.handle);
      return match;
    });
  }

  async resolveException(id: string, resolution: string, actor: string): Promise<{ id: string; status: 'resolved'; resolution: string }> {
    if (resolution.trim() === '') throw new DomainError('RECONCILIATION_RESOLUTION_INVALID', 'Say how the finding was resolved');
    const at = this.deps.clock.now();
    return this.deps.repository.transaction(async (tx) => {
      if (!(await tx.resolveException(id, resolution.trim(), actor, at))) {
        throw new DomainError('RECONCILIATION_EXCEPTION_NOT_FOUND', `No open reconciliation exception ${id}`, { id });
      }
      await this.deps.audit.record({
        actor, action: 'reconciliation-exception.resolved', entityType: 'reconciliation-exception', entityId: id, at, before: { status: 'open' },
        after: { status: 'resolved', resolution: resolution.trim() },
      }, tx.handle);
      return { id, status: 'resolved' as const, resolution: resolution.trim() };
    });
  }

  listTransactions(filter: TransactionFilter): Promise<(LedgerTransaction & { matches: LedgerMatch[] })[]> {
    return this.deps.repository.listTransactions(filter);
  }

  /** Pending suggestions with the line and the items, for a person to decide. */
  async listSuggestions(limit: number): Promise<{ match: LedgerMatch; transaction: LedgerTransaction | undefined; openItems: LedgerOpenItem[] }[]> {
    const matches = await this.deps.repository.listMatches({ decision: 'suggested', limit });
    const transactions = new Map((await this.deps.repository.transactionsByIds(matches.map((match) => match.transactionId))).map((line) => [line.id, line]));
    const items = new Map((await this.deps.repository.openItemsByIds(matches.flatMap((match) => match.allocations.map((allocation) => allocation.openItemId)))).map((item) => [item.id, item]));
    return matches.map((match) => ({
      match, transaction: transactions.get(match.transactionId),
      openItems: match.allocations.map((allocation) => items.get(allocation.openItemId)).filter((item): item is LedgerOpenItem => item !== undefined),
    }));
  }

  listOpenItems(filter: OpenItemFilter): Promise<LedgerOpenItem[]> {
    return this.deps.repository.listOpenItems(filter);
  }

  listExceptions(filter: { status?: 'open' | 'resolved'; code?: string; limit: number }): Promise<LedgerException[]> {
    return this.deps.repository.listExceptions(filter);
  }

  listStatements(limit: number): ReturnType<LedgerRepository['listStatements']> {
    return this.deps.repository.listStatements(limit);
  }

  private async pendingMatch(tx: LedgerTransactionScope, matchId: string): Promise<LedgerMatch> {
    const match = await tx.lockMatch(matchId);
    if (!match) throw new DomainError('RECONCILIATION_MATCH_NOT_FOUND', `No match ${matchId}`, { matchId });
    if (match.decision !== 'suggested') throw new DomainError('RECONCILIATION_CONFLICT', `This match is already ${match.decision}`, { matchId, decision: match.decision });
    return match;
  }

  private async pendingMatchesOf(transactionId: string): Promise<LedgerMatch[]> {
    return this.deps.repository.listMatches({ decision: 'suggested', transactionId, limit: 50 });
  }

  /** Settles the match's items (refusing what is no longer open), marks the line matched and closes its findings. */
  private async settleDecision(tx: LedgerTransactionScope, match: LedgerMatch, actor: string, at: Date): Promise<{ transaction: LedgerTransaction; items: LedgerOpenItem[] }> {
    const transaction = (await tx.findTransaction(match.transactionId)) as LedgerTransaction;
    const items = await tx.lockOpenItems(match.allocations.map((allocation) => allocation.openItemId));
    for (const allocation of match.allocations) {
      const item = items.find((candidate) => candidate.id === allocation.openItemId);
      if (!item || item.amountMinor < allocation.amountMinor) {
        throw new DomainError('RECONCILIATION_CONFLICT', `Open item ${item?.invoiceNumber ?? allocation.openItemId} no longer has ${allocation.amountMinor} minor units open: it was settled meanwhile`, { openItemId: allocation.openItemId });
      }
    }
    await tx.settle(match.allocations.map((allocation) => ({ id: this.deps.newId(), openItemId: allocation.openItemId, matchId: match.id, transactionId: match.transactionId, amountMinor: allocation.amountMinor })), at);
    await tx.setTransactionStates([{ id: match.transactionId, state: 'matched' as TransactionState }]);
    await tx.resolveExceptionsOfTransaction(match.transactionId, `settled by match ${match.id}`, actor, at);
    return { transaction, items };
  }

  private async learn(tx: LedgerTransactionScope, transaction: LedgerTransaction, items: LedgerOpenItem[], how: 'confirm' | 'reject', at: Date): Promise<LearnedRule[]> {
    const before = await tx.learnedRules();
    const decision = { transaction, openItems: items };
    const promoteAfter = this.options.promoteAfterConfirmations ?? DEFAULT_RECONCILE_OPTIONS.promoteAfterConfirmations;
    const after = how === 'confirm' ? learnFromConfirmation({ rules: before }, decision, promoteAfter) : learnFromRejection({ rules: before }, decision);
    const changed = setsChanged(before, after.rules);
    await tx.saveRules(changed, at);
    return changed;
  }
}
