import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError, newId } from '@conveyor/kernel';
import { documentKeyOf as keyOf } from './document-key';
import type { DocumentStore } from './document-ports';

/**
 * Document bytes as files under `<root>/<first two hex digits>/<sha256>` (root: CONVEYOR_DATA_DIR/documents).
 * Content-addressed, so storing the same bytes twice keeps one file. Each file is written to a temporary
 * name, flushed to disk and renamed into place, so a reader never sees half a file even if the process dies.
 */
export class LocalDiskDocumentStore implements DocumentStore {
  constructor(private readonly root: string) {}

  async put(sha256: string, bytes: Buffer): Promise<string> {
    const key = keyOf(sha256);
    const target = this.pathOf(key);
    if (await this.exists(key)) return key;
    const directory = join(this.root, key.slice(0, 2));
    const temporary = join(directory, `.${sha256}.${newId()}.tmp`);
    try {
      await mkdir(directory, { recursive: true });
      const handle = await open(temporary, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
      return key;
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw new DomainError('DOCUMENT_STORAGE_UNAVAILABLE', `The document could not be stored: ${(error as Error).message}`, { sha256 }, true);
    }
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    if (!(await this.exists(key))) throw new DomainError('DOCUMENT_CONTENT_NOT_FOUND', `The stored content "${key}" is missing`, { key });
    return createReadStream(path);
  }

  async exists(key: string): Promise<boolean> {
    const path = this.pathOf(key);
    try {
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  }

  private pathOf(key: string): string {
    if (keyOf(key.slice(3)) !== key) throw new DomainError('DOCUMENT_KEY_INVALID', `"${key}" is not a key of this store`);
    return join(this.root, key);
  }
}
