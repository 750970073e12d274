import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { startTestS3Server, type TestS3Server } from '@conveyor/testing';
import { S3DocumentStore } from './s3-document-store';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString();
}

/** The S3 store against a real S3-protocol server (s3rver) on loopback: the SDK's real HTTP requests, signed. */
describe('S3DocumentStore', () => {
  let s3: TestS3Server;

  beforeAll(async () => {
    s3 = await startTestS3Server();
    await s3.createBucket('documents-test');
  });
  afterAll(async () => {
    await s3?.close();
  });

  const store = (prefix = 'tenant-a/documents') =>
    new S3DocumentStore({ bucket: 'documents-test', prefix, region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: s3.credentials });

  it('stores bytes content-addressed under <prefix>/<2 hex>/<sha256>, once, and reads them back', async () => {
    const documents = store();
    const bytes = Buffer.from('%PDF-1.7 an invoice');
    const key = await documents.put(sha(bytes), bytes);
    expect(key).toBe(`${sha(bytes).slice(0, 2)}/${sha(bytes)}`);
    expect(await documents.put(sha(bytes), bytes)).toBe(key);
    expect(await documents.exists(key)).toBe(true);
    expect(await text(await documents.open(key))).toBe('%PDF-1.7 an invoice');
    const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: 'documents-test', Prefix: 'tenant-a/' }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual([`tenant-a/documents/${key}`]);
    const object = await s3.client.send(new GetObjectCommand({ Bucket: 'documents-test', Key: `tenant-a/documents/${key}` }));
    expect(await object.Body?.transformToString()).toBe('%PDF-1.7 an invoice');
    documents.close();
  });

  it('reports missing content and refuses keys that are not its own', async () => {
    const documents = store();
    const missing = `aa/${'a'.repeat(64)}`;
    expect(await documents.exists(missing)).toBe(false);
    await expect(documents.open(missing)).rejects.toMatchObject({ code: 'DOCUMENT_CONTENT_NOT_FOUND' });
    await expect(documents.open(`../${'a'.repeat(64)}`)).rejects.toMatchObject({ code: 'DOCUMENT_KEY_INVALID' });
    await expect(documents.put('not-a-hash', Buffer.from('x'))).rejects.toMatchObject({ code: 'DOCUMENT_KEY_INVALID' });
    documents.close();
  });

  it('turns an unreachable or refusing service into a retryable DOCUMENT_STORAGE_UNAVAILABLE', async () => {
    const wrongBucket = new S3DocumentStore({ bucket: 'no-such-bucket', prefix: '', region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: s3.credentials });
    const bytes = Buffer.from('x');
    await expect(wrongBucket.put(sha(bytes), bytes)).rejects.toMatchObject({ code: 'DOCUMENT_STORAGE_UNAVAILABLE', retryable: true });
    wrongBucket.close();
    const down = new S3DocumentStore({ bucket: 'documents-test', prefix: '', region: 'us-east-1', endpoint: 'http://127.0.0.1:9', forcePathStyle: true, credentials: s3.credentials });
    await expect(down.exists(`aa/${'a'.repeat(64)}`)).rejects.toMatchObject({ code: 'DOCUMENT_STORAGE_UNAVAILABLE', retryable: true });
    down.close();
  });
});
