import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inspectDocument } from './document-inspector';
import { looksLikeStatementText } from './statement-text';

const corpus = resolve(__dirname, '../../../../shared/corpus/bank');
const limits = { maxBytes: 1_000_000, maxPages: 10, maxFilesPerUpload: 5, maxImagePixels: 1_000_000 };

describe('bank statement text at intake', () => {
  it('accepts MT940, MT942 and OFX 1.x by their content as text/plain', async () => {
    for (const file of ['mt940-wolph/files/jejik/ing.sta', 'mt940-wolph/files/self-provided/mt942.sta', 'ofx-ofxparse/files/bank_medium.ofx']) {
      const bytes = readFileSync(resolve(corpus, file));
      expect([file, looksLikeStatementText(bytes)]).toEqual([file, true]);
      expect(await inspectDocument(bytes, limits)).toMatchObject({ mediaType: 'text/plain', pages: 1 });
    }
    const swiftWrapped = Buffer.from('\u0001{1:F01BANKDEFFAXXX0000000000}{2:O9401200}{4:\r\n:20:X\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C260301EUR0,00\r\n-}\u0003', 'latin1');
    expect(looksLikeStatementText(swiftWrapped)).toBe(true);
  });

  it('still refuses other text, including text that merely mentions tags', async () => {
    for (const text of ['Invoice 42\nTotal: 100.00 EUR\n', 'date;amount\n2026-03-01;12,50\n', 'see field :20: and :25: of the MT940\n']) {
      expect(looksLikeStatementText(Buffer.from(text))).toBe(false);
      expect((await inspectDocument(Buffer.from(text), limits)).rejection?.code).toBe('DOCUMENT_TYPE_UNSUPPORTED');
    }
    expect(looksLikeStatementText(Buffer.concat([Buffer.from(':20:X\n:25:Y\n:60F:C\n'), Buffer.from([0, 1, 2, 3])]))).toBe(false);
  });
});
