import { createHash } from 'node:crypto';
import { parseStatementFile, type CsvMapping, type StatementIssue } from '@conveyor/bank-statements';
import type { AuditRecorder } from '@conveyor/audit';
import type { Clock } from '@conveyor/kernel';
import type { NewLedgerException, NewTransaction } from './ledger.model';
import type { LedgerRepository } from './ledger-ports';

export interface StatementFile {
  bytes: Uint8Array;
  fileName: string | null;
  /** The uploaded document the bytes came from, when they came through document intake. */
  sourceDocumentId: string | null;
  csvMapping?: CsvMapping;
}

export interface ImportedStatement {
  id: string;
  statementRef: string | null;
  iban: string | null;
  accountNumber: string | null;
  currency: string | null;
  from: string | null;
  to: string | null;
  lines: number;
  added: number;
  /** Lines already stored (this file before, or an overlapping statement). */
  duplicates: number;
  alreadyImported: boolean;
}

export interface ImportSummary {
  format: string;
  statements: ImportedStatement[];
  linesTotal: number;
  added: number;
  duplicatesSkipped: number;
  issues: StatementIssue[];
  exceptions: { code: string; statementId: string; message: string }[];
}

export interface ImportDependencies {
  repository: LedgerRepository;
  audit: AuditRecorder;
  clock: Clock;
  newId: () => string;
}

const compact = (value: string | null | undefined): string | null => (value ? value.replace(/\s+/g, '').toUpperCase() : null);

/**
 * Reads a statement file with the real parser and stores it in one transaction: a file that cannot be read is
 * refused before anything is written (the parser's DomainError), and a failure while storing rolls everything
 * back. Lines the account already has (same dedup key) are skipped and counted; balance breaks become
 * STATEMENT_BALANCE_BREAK exceptions for a person.
 */
export async function importStatementFile(deps: ImportDependencies, file: StatementFile, actor: string): Promise<ImportSummary> {
  const parsed = parseStatementFile(file.bytes, { fileName: file.fileName ?? undefined, csvMapping: file.csvMapping });
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const at = deps.clock.now();
  return deps.repository.transaction(async (tx) => {
    const summary: ImportSummary = { format: parsed.format, statements: [], linesTotal: 0, added: 0, duplicatesSkipped: 0, issues: parsed.issues, exceptions: [] };
    for (const [position, statement] of parsed.statements.entries()) {
      const currency = statement.account.currency ?? statement.transactions[0]?.currency ?? null;
      const iban = compact(statement.account.iban);
      const accountNumber = compact(statement.account.accountId ?? null);
      const accountId = await tx.ensureAccount({ key: `${iban ?? accountNumber ?? ''}/${currency ?? ''}`, iban, accountNumber, currency }, deps.newId(), at);
      const issues = parsed.issues.filter((issue) => issue.statementIndex === position);
      const { id, inserted } = await tx.insertStatement({
        id: deps.newId(), accountId, format: parsed.format, statementRef: statement.statementId, from: statement.from, to: statement.to,
        openingBalance: statement.openingBalance, closingBalance: statement.closingBalance, fileSha256: sha256, position,
        sourceDocumentId: file.sourceDocumentId, fileName: file.fileName, linesTotal: statement.transactions.length, issues, importedBy: actor, importedAt: at,
      });
      const lines: NewTransaction[] = statement.transactions.map((line) => ({
        id: deps.newId(), accountId, statementId: id, dedupKey: line.dedupKey, bookingDate: line.bookingDate, valueDate: line.valueDate, amount: line.amount,
        currency: line.currency, counterpartyName: line.counterpartyName, counterpartyIban: compact(line.counterpartyIban), reference: line.reference,
        endToEndId: line.endToEndId, bankReference: line.bankReference, description: line.description,
      }));
      const added = await tx.insertTransactions(lines, at);
      if (inserted) await tx.setStatementLinesAdded(id, added);
      const breaks: NewLedgerException[] = issues.filter((issue) => issue.code === 'STATEMENT_BALANCE_BREAK').map((issue) => ({
        id: deps.newId(), code: 'STATEMENT_BALANCE_BREAK', subjectKey: `statement:${id}`, transactionId: null, statementId: id, openItemIds: [],
        message: issue.message, evidence: { ...(issue.details ?? {}), statementRef: statement.statementId, fileName: file.fileName }, blocking: true, createdAt: at,
      }));
      if (breaks.length > 0) await tx.insertExceptions(breaks);
      summary.exceptions.push(...breaks.map((exception) => ({ code: exception.code, statementId: id, message: exception.message })));
      summary.statements.push({
        id, statementRef: statement.statementId, iban, accountNumber, currency, from: statement.from, to: statement.to, lines: lines.length, added,
        duplicates: lines.length - added, alreadyImported: !inserted,
      });
      summary.linesTotal += lines.length;
      summary.added += added;
      summary.duplicatesSkipped += lines.length - added;
    }
    await deps.audit.record({
      actor, action: 'bank-statement.imported', entityType: 'bank-statement', entityId: summary.statements[0]?.id ?? sha256, at,
      after: { format: summary.format, statements: summary.statements.map(({ id, statementRef, lines, added }) => ({ id, statementRef, lines, added })) },
      details: { fileName: file.fileName, sha256, sourceDocumentId: file.sourceDocumentId, added: summary.added, duplicatesSkipped: summary.duplicatesSkipped, balanceBreaks: summary.exceptions.length },
    }, tx.handle);
    return summary;
  });
}
