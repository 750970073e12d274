import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newId } from '@conveyor/kernel';

/** What multer hands a storage engine for each file part. */
interface IncomingPart {
  stream: Readable;
}

/** What the engine reports back, and multer adds to the file in `request.files`. */
export interface IncomingFileInfo {
  path: string;
  size: number;
}

/**
 * A multer storage engine that streams each uploaded file to its own temporary file, so an upload of many
 * large files never sits in memory; intake reads them one at a time and the controller removes them.
 * multer removes them too when the request fails part-way (a file over the size limit).
 */
export class IncomingFileStorage {
  constructor(private readonly directory: string) {}

  _handleFile(_request: unknown, file: IncomingPart, callback: (error: Error | null, info?: IncomingFileInfo) => void): void {
    const path = join(this.directory, `${newId()}.part`);
    mkdir(this.directory, { recursive: true })
      .then(() => pipeline(file.stream, createWriteStream(path, { flags: 'wx', mode: 0o600 })))
      .then(() => stat(path))
      .then(
        ({ size }) => callback(null, { path, size }),
        (error: Error) => {
          file.stream.resume(); // drain what is left, so the rest of the request is still read
          rm(path, { force: true }).finally(() => callback(error));
        },
      );
  }

  _removeFile(_request: unknown, file: Partial<IncomingFileInfo>, callback: (error: Error | null) => void): void {
    if (!file.path) return callback(null);
    rm(file.path, { force: true }).then(() => callback(null), (error: Error) => callback(error));
  }
}
