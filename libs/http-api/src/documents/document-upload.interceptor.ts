import { join, resolve } from 'node:path';
import {
  BadRequestException, Inject, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { describeBytes } from '@conveyor/documents';
import { DomainError } from '@conveyor/kernel';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { IncomingFileStorage } from './incoming-file-storage';

/** The multipart form field that carries the files. */
export const UPLOAD_FIELD = 'files';

/**
 * Reads a multipart upload with multer, enforcing the limits while the body streams in: a file over
 * DOCUMENT_MAX_BYTES stops the upload at that byte with 413 (nothing of it is kept: it never arrived whole),
 * more files than DOCUMENT_MAX_FILES_PER_UPLOAD with 400. multer's errors become the API's error codes.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;

  constructor(@Inject(PLATFORM) private readonly platform: Platform) {
    const { maxBytes, maxFilesPerUpload } = platform.documents.limits;
    const storage = new IncomingFileStorage(join(resolve(platform.config.CONVEYOR_DATA_DIR), 'documents', '.incoming'));
    const Multer = FilesInterceptor(UPLOAD_FIELD, maxFilesPerUpload, {
      storage,
      limits: { fileSize: maxBytes, files: maxFilesPerUpload, fields: 20, fieldSize: 64 * 1024, parts: maxFilesPerUpload + 20 },
    });
    this.multer = new Multer();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      throw this.translated(error);
    }
  }

  private translated(error: unknown): unknown {
    const { maxBytes, maxFilesPerUpload } = this.platform.documents.limits;
    if (error instanceof PayloadTooLargeException) {
      return new DomainError(
        'PAYLOAD_TOO_LARGE',
        `A file is larger than ${describeBytes(maxBytes)}, the most accepted per document; the upload was stopped there and nothing of it was kept`,
        { reason: 'DOCUMENT_TOO_LARGE', maxBytes },
      );
    }
    if (error instanceof BadRequestException) {
      return new DomainError(
        'BAD_REQUEST',
        `The upload could not be read (${error.message}): send multipart/form-data with up to ${maxFilesPerUpload} files in the field "${UPLOAD_FIELD}"`,
        { maxFiles: maxFilesPerUpload },
      );
    }
    return error;
  }
}
