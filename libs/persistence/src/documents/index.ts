export { SqlDocumentRepository } from './sql-document-repository';
