export { SqlTaskRepository } from './sql-task-repository';
export { SqlTaskTransaction } from './sql-task-transaction';
