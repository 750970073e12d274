import { DomainError } from '@conveyor/kernel';

/** Error codes a caller can branch on; every refusal says why and where. */
export const STATEMENT_ERRORS = {
  unreadable: 'STATEMENT_UNREADABLE',
  formatUnknown: 'STATEMENT_FORMAT_UNKNOWN',
  malformed: 'STATEMENT_MALFORMED',
  unsafeXml: 'STATEMENT_XML_FORBIDDEN',
  mappingInvalid: 'STATEMENT_CSV_MAPPING_INVALID',
} as const;

export function malformed(reason: string, where: Record<string, unknown> = {}): DomainError {
  return new DomainError(STATEMENT_ERRORS.malformed, reason, where);
}
