import { z } from 'zod';
import type { StepType } from '@conveyor/workflow-engine';
import { checkStepWith, parseStepInput } from '@conveyor/workflow-steps';
import type { BankReconciliationService } from '../ledger/bank-reconciliation.service';

const inputSchema = z.strictObject({
  /** An uploaded statement file (camt.052/053/054, MT940/942, OFX, CSV). */
  documentId: z.string().uuid({ error: 'must be a document id' }),
  /** A saved CSV column mapping (see @conveyor/bank-statements CsvMapping); detected when absent. */
  csvMapping: z.looseObject({}).optional(),
});
export type ImportStatementInput = z.infer<typeof inputSchema>;

/**
 * The `import-statement` step: reads the document as a bank statement and stores it atomically. Outputs the
 * format, per statement the lines added and the duplicates skipped, the parser's issues and the balance breaks
 * recorded as STATEMENT_BALANCE_BREAK exceptions (`blocking` is true when there is one). A file that is not a
 * readable statement fails the step with the parser's code, and nothing is stored.
 */
export function createImportStatementStepType(reconciliation: BankReconciliationService): StepType<ImportStatementInput> {
  return {
    type: 'import-statement',
    description: 'Imports a bank statement document (camt, MT940, OFX, CSV) into the ledger; duplicates are skipped',
    parseInput: (input) => parseStepInput('import-statement', inputSchema, input),
    checkWith: (withValues) => checkStepWith(inputSchema, withValues),
    async execute(input, context) {
      const summary = await reconciliation.importStatementDocument(input.documentId, `run:${context.runId}`, input.csvMapping as never);
      return { status: 'succeeded', outputs: { ...summary, blocking: summary.exceptions.length > 0 } };
    },
  };
}
