import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { OCR_ERROR_CODES, ocrError } from './ocr-errors';

/** The languages Conveyor installs data for (package.json: `@tesseract.js-data/<code>`). */
export const INSTALLED_OCR_LANGUAGES = ['eng', 'deu', 'fra', 'nld', 'spa', 'ita', 'pol'] as const;

/**
 * `4.0.0_best_int`: the LSTM-only models (tessdata_best, integerised). Each package also ships `4.0.0`, the same
 * LSTM network plus the legacy engine's data (3.7 times the bytes, nothing gained with OEM LSTM_ONLY). No
 * `fast` models are published on npm.
 */
const MODEL_DIRECTORY = '4.0.0_best_int';
/** The orientation and script detection data (legacy engine), used only by the orientation detector. */
export const ORIENTATION_DATA_CODE = 'osd';

/** The gzipped traineddata file of one installed language package; throws when the package is missing. */
export function languageDataFile(code: string): string {
  let packageJson: string;
  try {
    packageJson = require.resolve(`@tesseract.js-data/${code}/package.json`);
  } catch {
    throw ocrError(OCR_ERROR_CODES.languageUnavailable, `OCR language "${code}" is not installed (npm package @tesseract.js-data/${code})`, { language: code });
  }
  const file = join(dirname(packageJson), MODEL_DIRECTORY, `${code}.traineddata.gz`);
  if (!existsSync(file)) {
    throw ocrError(OCR_ERROR_CODES.languageUnavailable, `OCR language "${code}" has no ${MODEL_DIRECTORY} model in its package`, { language: code, file });
  }
  return file;
}

/**
 * tesseract.js reads every language from one `langPath` directory, while npm installs one package per language.
 * This links the installed files into one local directory (named by their paths, so every process agrees on it)
 * and returns it. A local path is read from disk; tesseract.js fetches only when `langPath` is a URL.
 */
export function prepareLanguageDirectory(codes: readonly string[]): string {
  const files = codes.map((code) => ({ code, file: languageDataFile(code) }));
  const key = createHash('sha256')
    .update(files.map(({ file }) => file).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const directory = join(tmpdir(), `conveyor-tessdata-${key}`);
  mkdirSync(directory, { recursive: true });
  for (const { code, file } of files) {
    const link = join(directory, `${code}.traineddata.gz`);
    try {
      symlinkSync(file, link);
    } catch (error) {
      // Another process linked it first; fine as long as it points at the same file.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || readlinkSync(link) !== file) throw error;
    }
  }
  return directory;
}
