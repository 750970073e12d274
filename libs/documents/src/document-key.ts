import { DomainError } from '@conveyor/kernel';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Every document store keys content as `<first two hex digits>/<sha256>`: the same shape on disk and in a
 * bucket, and nothing else (no path traversal through a key).
 */
export function documentKeyOf(sha256: string): string {
  if (!SHA256.test(sha256)) throw new DomainError('DOCUMENT_KEY_INVALID', `"${sha256}" is not a SHA-256 in lower-case hex`);
  return `${sha256.slice(0, 2)}/${sha256}`;
}
