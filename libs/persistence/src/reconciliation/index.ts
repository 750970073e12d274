export { SqlLedgerRepository } from './sql-ledger-repository';
