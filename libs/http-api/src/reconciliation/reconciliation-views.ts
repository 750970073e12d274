import { fromMinorUnits, type LedgerException, type LedgerMatch, type LedgerOpenItem, type LedgerTransaction } from '@conveyor/reconciliation';

/** What the API shows of the ledger: amounts as decimal strings in their currency, never minor units alone. */
export function openItemView(item: LedgerOpenItem) {
  return {
    id: item.id, externalId: item.externalId, vendorName: item.vendorName, vendorIban: item.vendorIban, invoiceNumber: item.invoiceNumber, documentId: item.documentId,
    currency: item.currency, amountOpen: fromMinorUnits(item.amountMinor, item.currency), amount: fromMinorUnits(item.originalAmountMinor, item.currency),
    issueDate: item.issueDate, dueDate: item.dueDate, status: item.status, settledAt: item.settledAt?.toISOString() ?? null, paymentReferences: item.paymentReferences,
  };
}

export function matchView(match: LedgerMatch) {
  return {
    id: match.id, transactionId: match.transactionId, decision: match.decision, source: match.source, score: match.score, reasons: match.reasons,
    allocations: match.allocations.map((allocation) => ({
      openItemId: allocation.openItemId, amount: allocation.currency ? fromMinorUnits(allocation.amountMinor, allocation.currency) : String(allocation.amountMinor),
      currency: allocation.currency ?? null,
    })),
    createdAt: match.createdAt.toISOString(), decidedBy: match.decidedBy, decidedAt: match.decidedAt?.toISOString() ?? null, note: match.note,
  };
}

export function transactionView(line: LedgerTransaction & { matches?: LedgerMatch[] }) {
  const { matches, ...rest } = line;
  return { ...rest, ...(matches ? { matches: matches.map(matchView) } : {}) };
}

export function exceptionView(exception: LedgerException) {
  return { ...exception, resolvedAt: exception.resolvedAt?.toISOString() ?? null, createdAt: exception.createdAt.toISOString() };
}
