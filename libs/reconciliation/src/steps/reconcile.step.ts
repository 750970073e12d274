import { z } from 'zod';
import type { StepType } from '@conveyor/workflow-engine';
import { checkStepWith, parseStepInput } from '@conveyor/workflow-steps';
import type { BankReconciliationService } from '../ledger/bank-reconciliation.service';

const score = z.number().min(0).max(1);
const inputSchema = z.strictObject({
  /** payables (default): open items are settled by debits; receivables: by credits. */
  direction: z.enum(['payables', 'receivables']).optional(),
  autoThreshold: score.optional(),
  suggestThreshold: score.optional(),
  /** Rates to the statement currency, e.g. { USD: "0.92" }. */
  fxRates: z.record(z.string().regex(/^[A-Z]{3}$/), z.string().regex(/^\d+(\.\d+)?$/)).optional(),
  /** Bank fee tolerance for currencies not in `feeTolerances`, e.g. "25.00". */
  feeTolerance: z.string().regex(/^\d+(\.\d+)?$/).optional(),
  /** Bank fee tolerance per currency, e.g. { JPY: "4000", GBP: "20.00" }; merged over the defaults. */
  feeTolerances: z.record(z.string().regex(/^[A-Z]{3}$/), z.string().regex(/^\d+(\.\d+)?$/)).optional(),
});
export type ReconcileStepInput = z.infer<typeof inputSchema>;

/**
 * The `reconcile` step: every unmatched bank line against every open item, with the learned rules. Auto matches
 * settle their items; suggestions wait for a person; findings are recorded as exceptions. Outputs the counts,
 * `exceptionsByCode`, and `blocking` / `blockingExceptions`: every open ambiguous payment and balance break,
 * for an approval step. Running it again (a retried step) decides nothing twice.
 */
export function createReconcileStepType(reconciliation: BankReconciliationService): StepType<ReconcileStepInput> {
  return {
    type: 'reconcile',
    description: 'Matches unmatched bank lines to open items; auto matches settle them, the rest goes to people',
    parseInput: (input) => parseStepInput('reconcile', inputSchema, input),
    checkWith: (withValues) => checkStepWith(inputSchema, withValues),
    async execute(input, context) {
      const options = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      const summary = await reconciliation.reconcile(`run:${context.runId}`, context.idempotencyKey, options);
      return { status: 'succeeded', outputs: summary };
    },
  };
}
