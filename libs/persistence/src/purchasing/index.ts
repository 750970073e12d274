export { SqlPurchasingRepository } from './sql-purchasing-repository';
