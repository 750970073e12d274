export { SqlInvoiceRegister } from './sql-invoice-register';
