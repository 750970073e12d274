import { DomainError } from '@conveyor/kernel';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the next page of a document list starts: the last (uploadedAt, id) seen, opaque to clients. */
export function encodeCursor(uploadedAt: Date, id: string): string {
  return Buffer.from(`${uploadedAt.toISOString()}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { uploadedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const uploadedAt = new Date(at ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(uploadedAt.getTime())) {
    throw new DomainError('CURSOR_INVALID', 'The cursor is not one this API handed out', { cursor });
  }
  return { uploadedAt, id };
}
