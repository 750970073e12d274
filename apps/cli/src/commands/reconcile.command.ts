import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isDomainError, toErrorInfo } from '@conveyor/kernel';
import { out } from '../console-output';
import { EXIT, type ExitCode } from '../exit-codes';

interface ReconcileCommandOptions {
  openItems: string;
  statement: string;
  json?: boolean;
  receivables?: boolean;
}

/**
 * `conveyor reconcile --open-items <file.json|file.csv> --statement <file> --json`: matches one statement file
 * against open items offline (no server, nothing stored) and prints ONE JSON object `{ matches, exceptions }`,
 * or `{ "error": { code, message } }` with a non-zero exit.
 */
export function registerReconcileCommand(program: Command, run: (action: () => Promise<ExitCode>) => Promise<void>): void {
  program
    .command('reconcile')
    .description('match a bank statement against open items offline and print matches and exceptions')
    .requiredOption('--open-items <file>', 'open items as JSON (array) or CSV with a header row')
    .requiredOption('--statement <file>', 'bank statement: camt.052/053/054, MT940/942, OFX/QFX or CSV')
    .option('--receivables', 'open items are settled by credits (customer invoices) instead of debits')
    .option('--json', 'print the result as one JSON object (the only output format so far)')
    .action((options: ReconcileCommandOptions) => run(() => reconcileFiles(options)));
}

export async function reconcileFiles(options: ReconcileCommandOptions): Promise<ExitCode> {
  const openItemsBytes = await readInput(options.openItems);
  const statementBytes = await readInput(options.statement);
  if (openItemsBytes === null || statementBytes === null) return EXIT.usage;
  // Loaded here so the other commands start without the statement parsers.
  const [{ parseStatementFile }, { parseOpenItemsFile, reconcilePayments }] = await Promise.all([import('@conveyor/bank-statements'), import('@conveyor/reconciliation')]);
  try {
    const openItems = parseOpenItemsFile(openItemsBytes, options.openItems);
    const statement = parseStatementFile(statementBytes, { fileName: options.statement });
    const result = reconcilePayments({
      openItems,
      statements: statement.statements,
      issues: statement.issues,
      options: { direction: options.receivables ? 'receivables' : 'payables' },
    });
    out(JSON.stringify(result, null, 2));
    return EXIT.ok;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    printError(toErrorInfo(error));
    return EXIT.failed;
  }
}

async function readInput(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown';
    printError({ code: 'FILE_UNREADABLE', message: `cannot read ${file} (${reason})` });
    return null;
  }
}

function printError(error: { code: string; message: string; details?: Record<string, unknown> }): void {
  out(JSON.stringify({ error }, null, 2));
}
