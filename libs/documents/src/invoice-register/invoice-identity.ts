import { electronicFormatIBAN } from 'ibantools';

/** The header values of an invoice as the register sees them (strings as extracted, any may be missing). */
export type InvoiceValues = Partial<Record<'vendorName' | 'vendorVatId' | 'iban' | 'invoiceNumber' | 'issueDate' | 'totalGross' | 'currency', string | null>>;

/**
 * What identifies an invoice across documents: the vendor by any of its keys (VAT id, IBAN, normalised name),
 * the invoice number normalised the way people mistype it, and the date, amount and currency.
 */
export interface InvoiceIdentity {
  vendorVatKey: string | null;
  vendorIbanKey: string | null;
  vendorNameKey: string | null;
  invoiceNumberKey: string | null;
  issueDate: string | null;
  /** Decimal string with a dot, trailing zeros removed ("1190.5"), so "1190.50" and "1190.5" compare equal. */
  totalGross: string | null;
  currency: string | null;
}

// Legal forms say nothing about who the vendor is ("Müller GmbH" and "Müller" are one vendor).
const LEGAL_FORMS = new Set([
  'gmbh', 'ag', 'kg', 'co', 'ohg', 'ug', 'ev', 'mbh', 'bv', 'nv', 'vof', 'sa', 'sas', 'sarl', 'srl', 'spa', 'sl', 'slu',
  'ltd', 'limited', 'llc', 'inc', 'incorporated', 'corp', 'corporation', 'plc', 'lp', 'llp', 'sp', 'zoo', 'spzoo', 'sc',
  'oy', 'ab', 'as', 'aps', 'kft', 'sro', 'sdn', 'bhd', 'pty', 'the', 'and', 'und', 'et',
]);

export function vendorNameKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word && !LEGAL_FORMS.has(word));
  return words.length > 0 ? words.join(' ') : null;
}

/** Upper case, no spaces, no leading "#", "No.", "Nr.", "N°": what stays is what the vendor printed. */
export function invoiceNumberKey(number: string | null | undefined): string | null {
  if (!number) return null;
  const key = number
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/^(#|N[OR]\.|N°|Nº|N[OR](?=\d))/, '')
    .replace(/^[:.#-]+/, '');
  return key || null;
}

function vatKey(vatId: string | null | undefined): string | null {
  const key = vatId?.toUpperCase().replace(/[\s.-]/g, '');
  return key || null;
}

function ibanKey(iban: string | null | undefined): string | null {
  return iban ? (electronicFormatIBAN(iban) ?? null) || null : null;
}

function amountKey(amount: string | null | undefined): string | null {
  if (!amount || !/^-?\d+(\.\d+)?$/.test(amount)) return null;
  const [whole, fraction = ''] = amount.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return trimmed ? `${whole}.${trimmed}` : whole;
}

export function invoiceIdentityOf(values: InvoiceValues): InvoiceIdentity {
  return {
    vendorVatKey: vatKey(values.vendorVatId),
    vendorIbanKey: ibanKey(values.iban),
    vendorNameKey: vendorNameKey(values.vendorName),
    invoiceNumberKey: invoiceNumberKey(values.invoiceNumber),
    issueDate: values.issueDate ?? null,
    totalGross: amountKey(values.totalGross),
    currency: values.currency ?? null,
  };
}

export function hasVendor(identity: InvoiceIdentity): boolean {
  return Boolean(identity.vendorVatKey || identity.vendorIbanKey || identity.vendorNameKey);
}
