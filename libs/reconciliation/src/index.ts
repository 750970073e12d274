export type { MatchAllocation, MatchDecision, MatchProposal, OpenItem, ReconciliationException, ReconciliationResult } from './reconciliation-types';
export { reconcilePayments, type ReconcileInput } from './reconcile-payments';
export { DEFAULT_RECONCILE_OPTIONS, type ReconcileOptions } from './reconcile-options';
export type { TransactionInput } from './bank-line';
export { EMPTY_LEARNING_STATE, learnFromConfirmation, learnFromRejection, type Decision, type LearnedRule, type LearningState } from './learned-rules';
export { parseOpenItemsFile } from './open-items-file';
export * from './ledger-api';
