import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { DomainError } from '@conveyor/kernel';
import type { DocumentStore } from './document-ports';
import { documentKeyOf } from './document-key';

export interface S3DocumentStoreOptions {
  bucket: string;
  /** Key prefix inside the bucket, without leading or trailing slash ("documents"). */
  prefix: string;
  region: string;
  /** A non-AWS service (MinIO, Ceph, R2...); unset = AWS. */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Static credentials; unset = the SDK's default chain (environment, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Document bytes in an S3-compatible bucket, under `<prefix>/<first two hex digits>/<sha256>`: the same
 * content-addressed keys as the local store, so moving a store is copying files. A PUT of an object is atomic
 * in S3 (readers see all of it or nothing), and the SHA-256 is sent as a checksum the service verifies.
 */
export class S3DocumentStore implements DocumentStore {
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly options: S3DocumentStoreOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: options.credentials,
      // Ask for checksums only where an operation needs one: several S3-compatible services refuse the rest.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    this.prefix = options.prefix.replace(/^\/+|\/+$/g, '');
  }

  async put(sha256: string, bytes: Buffer): Promise<string> {
    const key = documentKeyOf(sha256);
    if (await this.exists(key)) return key;
    await this.call('put', key, () =>
      this.client.send(new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: this.objectKey(key),
        Body: bytes,
        ContentLength: bytes.length,
        ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        ContentType: 'application/octet-stream',
      })),
    );
    return key;
  }

  async open(key: string): Promise<Readable> {
    const objectKey = this.objectKey(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: objectKey }));
      if (!(response.Body instanceof Readable)) throw new Error('the service returned no readable body');
      return response.Body;
    } catch (error) {
      if (isNotFound(error)) throw new DomainError('DOCUMENT_CONTENT_NOT_FOUND', `The stored content "${key}" is missing`, { key });
      throw unavailable('open', key, error);
    }
  }

  async exists(key: string): Promise<boolean> {
    const objectKey = this.objectKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: objectKey }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw unavailable('check', key, error);
    }
  }

  /** Releases the HTTP connections. */
  close(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    if (documentKeyOf(key.slice(3)) !== key) throw new DomainError('DOCUMENT_KEY_INVALID', `"${key}" is not a key of this store`);
    return this.prefix ? `${this.prefix}/${key}` : key;
  }

  private async call<T>(action: string, key: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw unavailable(action, key, error);
    }
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey');
}

/** Storage trouble is retryable: the bytes are still with the caller (upload) or in the bucket (read). */
function unavailable(action: string, key: string, error: unknown): DomainError {
  const reason = error instanceof Error ? error.message : String(error);
  return new DomainError('DOCUMENT_STORAGE_UNAVAILABLE', `Could not ${action} "${key}" in the S3 bucket: ${reason}`, { key }, true);
}
