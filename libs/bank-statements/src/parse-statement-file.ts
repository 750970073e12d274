import { DomainError } from '@conveyor/kernel';
import type { ParsedDraft, ParsedStatementFile } from './bank-statement';
import { parseCamt } from './camt/camt-parser';
import { checkBalance } from './checks/balance-check';
import { checkContinuityInFile } from './checks/continuity-check';
import type { CsvMapping } from './csv/csv-mapping';
import { parseCsvStatement } from './csv/csv-parser';
import { assignDedupKeys } from './dedup-key';
import { sniffStatementFormat } from './format-sniffer';
import { parseMt940 } from './mt940/mt940-parser';
import { parseOfx } from './ofx/ofx-parser';
import { STATEMENT_ERRORS } from './statement-error';
import { decodeStatementText, looksBinary } from './text-decoding';

export interface ParseStatementOptions {
  /** Only for messages; the format is always read from the content. */
  fileName?: string;
  /** The saved mapping for a CSV export; without one the columns are detected (and the guess reported). */
  csvMapping?: CsvMapping;
}

/**
 * Reads one bank statement file (camt.052/053/054, MT940/942, OFX/QFX, CSV) into the normalised shape, with
 * dedup keys and the balance and continuity checks as issues. A file that cannot be read as a whole throws a
 * DomainError (STATEMENT_UNREADABLE, STATEMENT_FORMAT_UNKNOWN, STATEMENT_MALFORMED, ...) and nothing is
 * returned; malformed entries inside an otherwise valid file are skipped and reported as issues.
 */
export function parseStatementFile(bytes: Uint8Array, options: ParseStatementOptions = {}): ParsedStatementFile {
  const name = options.fileName ?? 'statement file';
  if (bytes.length === 0) throw new DomainError(STATEMENT_ERRORS.unreadable, `${name} is empty`, { fileName: options.fileName ?? null });
  if (looksBinary(bytes)) throw new DomainError(STATEMENT_ERRORS.formatUnknown, `${name} is a binary file, not a bank statement`, { fileName: options.fileName ?? null });
  const text = decodeStatementText(bytes);
  const draft = parseByFormat(text, name, options);
  const issues = [...draft.issues];
  draft.statements.forEach((statement, index) => issues.push(...checkBalance(statement, index)));
  issues.push(...checkContinuityInFile(draft.statements));
  return {
    format: draft.format,
    statements: draft.statements.map((statement) => ({ ...statement, transactions: assignDedupKeys(statement) })),
    issues,
  };
}

function parseByFormat(text: string, name: string, options: ParseStatementOptions): ParsedDraft {
  // A saved CSV mapping applies to CSV (or text too plain to recognise); a camt or MT940 file stays what it is.
  const recognised = sniffStatementFormat(text);
  const sniffed = options.csvMapping && (recognised === 'csv' || recognised === 'unknown') ? 'csv' : recognised;
  try {
    switch (sniffed) {
      case 'camt':
        return parseCamt(text);
      case 'ofx':
        return parseOfx(text);
      case 'mt940':
        return parseMt940(text);
      case 'csv':
        return parseCsvStatement(text, options.csvMapping);
      case 'xml-other':
        throw new DomainError(STATEMENT_ERRORS.formatUnknown, `${name} is XML but neither camt.052/053/054 nor OFX`);
      default:
        throw new DomainError(STATEMENT_ERRORS.formatUnknown, `${name} is not a bank statement format we read (camt, MT940/942, OFX/QFX, CSV)`);
    }
  } catch (error) {
    if (error instanceof DomainError) {
      if (!('fileName' in error.details)) Object.assign(error.details, { fileName: options.fileName ?? null, format: sniffed });
      throw error;
    }
    // A parser bug must not take the process down or import half a file: refuse the file with the reason.
    throw new DomainError(STATEMENT_ERRORS.malformed, `${name} could not be read as ${sniffed}: ${error instanceof Error ? error.message : String(error)}`, {
      fileName: options.fileName ?? null,
      format: sniffed,
    });
  }
}
