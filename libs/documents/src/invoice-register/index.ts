export { invoiceIdentityOf, invoiceNumberKey, vendorNameKey, hasVendor } from './invoice-identity';
export type { InvoiceIdentity, InvoiceValues } from './invoice-identity';
export { duplicateReason, findDuplicates } from './duplicate-invoices';
export type { DuplicateInvoice, DuplicateReason, RegisteredInvoice } from './duplicate-invoices';
export type { FieldCorrection, InvoiceConfirmation, InvoiceRegister, VendorProfileTeacher } from './invoice-register-ports';
export { createCheckDuplicateStepType } from './check-duplicate.step';
export type { CheckDuplicateInput } from './check-duplicate.step';
export { correctionsBetween, createConfirmInvoiceStepType } from './confirm-invoice.step';
export type { ConfirmInvoiceInput } from './confirm-invoice.step';
