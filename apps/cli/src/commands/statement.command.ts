import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CsvMapping, ParsedStatementFile, StatementTransaction } from '@conveyor/bank-statements';
import { isDomainError, toErrorInfo } from '@conveyor/kernel';
import { out } from '../console-output';
import { EXIT, type ExitCode } from '../exit-codes';

/**
 * `conveyor statement <file> --json`: reads one bank statement offline (camt.052/053/054, MT940/942, OFX/QFX,
 * CSV) and prints ONE JSON object `{ format, statements, issues }`, or `{ "error": { code, message } }` with a
 * non-zero exit when the file cannot be read as a whole. Balance breaks and skipped lines are issues (exit 0).
 */
export function registerStatementCommand(program: Command, run: (action: () => Promise<ExitCode>) => Promise<void>): void {
  program
    .command('statement')
    .description('read a bank statement offline and print its transactions, balances and issues')
    .argument('<file>', 'camt.052/053/054 XML, MT940/MT942, OFX/QFX or CSV file')
    .option('--json', 'print the result as one JSON object (the only output format so far)')
    .option('--csv-mapping <file>', 'saved CSV column mapping (JSON); without it the columns are detected')
    .action((file: string, options: { csvMapping?: string }) => run(() => printStatement(file, options.csvMapping)));
}

export async function printStatement(file: string, csvMappingFile?: string): Promise<ExitCode> {
  let bytes: Buffer;
  let csvMapping: CsvMapping | undefined;
  try {
    bytes = await readFile(file);
    if (csvMappingFile) csvMapping = JSON.parse(await readFile(csvMappingFile, 'utf8')) as CsvMapping;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : 'unknown');
    printError({ code: 'FILE_UNREADABLE', message: `cannot read ${csvMappingFile && !(error as NodeJS.ErrnoException).code ? csvMappingFile : file} (${reason})` });
    return EXIT.usage;
  }
  // Loaded here so the other commands start without the statement parsers.
  const { parseStatementFile } = await import('@conveyor/bank-statements');
  try {
    out(JSON.stringify(printable(parseStatementFile(bytes, { fileName: file, csvMapping })), null, 2));
    return EXIT.ok;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    printError(toErrorInfo(error));
    return EXIT.failed;
  }
}

/** The contract's fields first, in its order; our additions (dedupKey, uetr, charges, ...) after them. */
function printable(parsed: ParsedStatementFile): ParsedStatementFile {
  return {
    format: parsed.format,
    statements: parsed.statements.map(({ account, statementId, openingBalance, closingBalance, from, to, transactions }) => ({
      account,
      statementId,
      openingBalance,
      closingBalance,
      from,
      to,
      transactions: transactions.map(orderTransaction),
    })),
    issues: parsed.issues,
  };
}

function orderTransaction(transaction: StatementTransaction): StatementTransaction {
  const { bookingDate, valueDate, amount, currency, counterpartyName, counterpartyIban, reference, endToEndId, bankReference, description, ...extras } = transaction;
  return { bookingDate, valueDate, amount, currency, counterpartyName, counterpartyIban, reference, endToEndId, bankReference, description, ...extras };
}

function printError(error: { code: string; message: string; details?: Record<string, unknown> }): void {
  out(JSON.stringify({ error }, null, 2));
}
