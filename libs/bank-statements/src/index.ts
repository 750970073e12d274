export { STATEMENT_FORMATS } from './bank-statement';
export type { BankStatement, ParsedStatementFile, StatementFormat, StatementIssue, StatementTransaction } from './bank-statement';
