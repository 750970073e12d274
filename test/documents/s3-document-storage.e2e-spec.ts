import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { startTestS3Server, type TestS3Server } from '@conveyor/testing';
import request from 'supertest';
import { samplePdf } from '../../libs/documents/src/sample-documents.fixture';
import type { ApiTestApp } from '../api/api-test-app';
import { bearer, createUser, startAccessApp, type TestUser } from '../access/access-fixtures';

jest.setTimeout(120_000);

/** DOCUMENT_STORAGE=s3: uploads land in the bucket (nothing on local disk) and download from it. */
describe('document storage in an S3-compatible bucket', () => {
  let s3: TestS3Server;
  let dataDir: string;
  let api: ApiTestApp;
  let uploader: TestUser;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'conveyor-s3-data-'));
    s3 = await startTestS3Server();
    await s3.createBucket('conveyor-docs');
    api = await startAccessApp({
      CONVEYOR_DATA_DIR: dataDir,
      DOCUMENT_STORAGE: 's3',
      DOCUMENT_S3_BUCKET: 'conveyor-docs',
      DOCUMENT_S3_PREFIX: 'e2e',
      DOCUMENT_S3_ENDPOINT: s3.endpoint,
      DOCUMENT_S3_FORCE_PATH_STYLE: 'true',
      DOCUMENT_S3_ACCESS_KEY_ID: 'S3RVER',
      DOCUMENT_S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    uploader = await createUser(api, 's3-uploader@example.com', ['uploader']);
  });
  afterAll(async () => {
    await api?.close();
    await s3?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores the upload in the bucket under the prefix and serves it back byte for byte', async () => {
    const pdf = samplePdf(1);
    const uploaded = await request(api.server).post('/api/documents').set(bearer(uploader.token))
      .attach('files', pdf, { filename: 'invoice.pdf', contentType: 'application/octet-stream' }).expect(201);
    const item = uploaded.body.items[0];
    expect(item.status).toBe('stored');
    const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: 'conveyor-docs', Prefix: 'e2e/' }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual([`e2e/${item.sha256.slice(0, 2)}/${item.sha256}`]);
    const content = await request(api.server).get(`/api/documents/${item.id}/content`).set(bearer(uploader.token)).buffer(true).expect(200);
    expect(Buffer.compare(content.body as Buffer, pdf)).toBe(0);
  });
});
