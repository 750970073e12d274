export { STATEMENT_FORMATS } from './bank-statement';
export type { BankStatement, ParsedStatementFile, StatementFormat, StatementIssue, StatementTransaction } from './bank-statement';
export { parseStatementFile } from './parse-statement-file';
export type { ParseStatementOptions } from './parse-statement-file';
export { checkContinuity } from './checks/continuity-check';
export type { CsvMapping, CsvColumn } from './csv/csv-mapping';
export { detectCsvMapping } from './csv/detect-csv-mapping';
export type { DetectedCsvMapping } from './csv/detect-csv-mapping';
export { STATEMENT_ERRORS } from './statement-error';
