import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VerifiedFolder } from './verified-folder';

describe('reading a corpus set through its SHA256SUMS', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'conveyor-sums-'));
    mkdirSync(join(folder, 'files'));
    writeFileSync(join(folder, 'files', 'a.json'), '{"total": 1}');
    writeFileSync(join(folder, 'files', 'stray.json'), '{}');
    const sum = createHash('sha256').update('{"total": 1}').digest('hex');
    writeFileSync(join(folder, 'SHA256SUMS'), `${sum}  files/a.json\n`);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('reads listed files that match their checksum', () => {
    const set = new VerifiedFolder(folder);
    expect(set.list('files', '.json')).toEqual(['files/a.json']);
    expect(set.readJson<{ total: number }>('files/a.json').total).toBe(1);
  });

  it('refuses unlisted and changed files', () => {
    const set = new VerifiedFolder(folder);
    expect(() => set.read('files/stray.json')).toThrow(/not listed/);
    writeFileSync(join(folder, 'files', 'a.json'), '{"total": 2}');
    expect(() => set.read('files/a.json')).toThrow(/checksum mismatch/);
  });

  it('refuses a folder without SHA256SUMS', () => {
    expect(() => new VerifiedFolder(join(folder, 'files'))).toThrow(/no SHA256SUMS/);
  });
});
