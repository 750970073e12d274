import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { INSTALLED_OCR_LANGUAGES, languageDataFile, prepareLanguageDirectory } from './language-data';

const run = promisify(execFile);
const REPOSITORY_ROOT = resolve(__dirname, '../../..');

describe('OCR language data', () => {
  it('comes from the installed npm packages, linked into one local directory', () => {
    const directory = prepareLanguageDirectory([...INSTALLED_OCR_LANGUAGES, 'osd']);
    expect(isAbsolute(directory)).toBe(true);
    for (const code of [...INSTALLED_OCR_LANGUAGES, 'osd']) {
      const link = join(directory, `${code}.traineddata.gz`);
      expect(realpathSync(link)).toBe(realpathSync(languageDataFile(code)));
      expect(realpathSync(link)).toContain(join('node_modules', '@tesseract.js-data', code, '4.0.0_best_int'));
    }
    // a second engine (or process) agrees on the same directory
    expect(prepareLanguageDirectory([...INSTALLED_OCR_LANGUAGES, 'osd'])).toBe(directory);
    expect(existsSync(join(directory, 'jpn.traineddata.gz'))).toBe(false);
    expect(() => languageDataFile('jpn')).toThrow(expect.objectContaining({ code: 'OCR_LANGUAGE_UNAVAILABLE' }));
  });

  it('recognises with every network access refused, in the process and its worker threads', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      ['-r', '@swc-node/register', '-r', './libs/ocr/src/network-guard.fixture.ts', './libs/ocr/src/offline-recognition.fixture.ts'],
      {
        cwd: REPOSITORY_ROOT,
        env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' },
        timeout: 90_000,
      },
    );
    expect(stderr).not.toContain('NETWORK ATTEMPT');
    expect(JSON.parse(stdout)).toEqual(expect.arrayContaining(['INVOICE', '17-Sep-2006']));
  }, 120_000);
});
