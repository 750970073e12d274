import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { DomainError } from '@conveyor/kernel';
import type { ReportFileStore } from './report-ports';

/**
 * Report files on the local disk (under CONVEYOR_DATA_DIR/reports). A file is written under a temporary
 * name and renamed when complete, so a crash never leaves half a report under its key; the SHA-256 and
 * size are counted while it is written.
 */
export class LocalDiskReportStore implements ReportFileStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async write(key: string, render: (out: Writable) => Promise<void>): Promise<{ sizeBytes: number; sha256: string }> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const temporary = join(dirname(target), `.${randomUUID()}.part`);
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const counter = new PassThrough();
    counter.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      sizeBytes += chunk.length;
    });
    const file = createWriteStream(temporary);
    counter.pipe(file);
    try {
      await render(counter);
      if (!counter.writableEnded) counter.end();
      await finished(file);
      await rename(temporary, target);
    } catch (error) {
      counter.destroy();
      // The file is opened asynchronously: wait until the stream has closed (and so created the file, if it was
      // still opening) before removing it, or a fast failure would leave the temporary file behind.
      await new Promise<void>((closed) => {
        if (file.closed) return closed();
        file.once('close', () => closed());
        file.destroy();
      });
      await rm(temporary, { force: true });
      throw error;
    }
    return { sizeBytes, sha256: hash.digest('hex') };
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      throw new DomainError('REPORT_FILE_NOT_FOUND', `The file of this report is gone from the report store (${key})`, { key });
    }
    return createReadStream(path);
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep) || !/^[A-Za-z0-9/._-]+$/.test(key)) throw new DomainError('INVALID_REPORT_KEY', `"${key}" is not a report file key`);
    return path;
  }
}
