import { Readable } from 'node:stream';
import { ReportWebhookPoster } from './report-webhook-poster';

const file = () => ({
  fileName: 'aging.csv', contentType: 'text/csv', content: Readable.from([Buffer.from('a,b\n')]), sizeBytes: 4, sha256: 'x'.repeat(64), reportId: 'r', reportType: 'ap-aging',
});

describe('report webhook delivery', () => {
  it.each(['http://127.0.0.1:9/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/hook', 'http://10.0.0.8/hook'])(
    'refuses %s like the http step does, unless private addresses are allowed',
    async (url) => {
      const poster = new ReportWebhookPoster({ allowPrivateAddresses: false });
      await expect(poster.post(url, file(), { idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'REPORT_WEBHOOK_ADDRESS_REFUSED', retryable: false });
    },
  );

  it('refuses what is not an http(s) URL', async () => {
    const poster = new ReportWebhookPoster({ allowPrivateAddresses: true });
    await expect(poster.post('file:///etc/passwd', file(), { idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'INVALID_REPORT_WEBHOOK' });
    await expect(poster.post('not a url', file(), { idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'INVALID_REPORT_WEBHOOK' });
  });
});
