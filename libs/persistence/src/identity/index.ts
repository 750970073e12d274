export { SqlIdentityRepository } from './sql-identity-repository';
