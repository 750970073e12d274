export type { MatchAllocation, MatchDecision, MatchProposal, OpenItem, ReconciliationException, ReconciliationResult } from './reconciliation-types';
