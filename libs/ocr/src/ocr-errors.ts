import { DomainError } from '@conveyor/kernel';

/** Every code the OCR engine throws; callers map them onto document issues. */
export const OCR_ERROR_CODES = {
  /** Not a PNG, JPEG or TIFF we can decode: corrupt, truncated, empty or another format. */
  imageUnreadable: 'OCR_IMAGE_UNREADABLE',
  /** More pixels than the engine accepts (decompression bombs, absurd scans). */
  imageTooLarge: 'OCR_IMAGE_TOO_LARGE',
  /** A multi-page TIFF page that does not exist. */
  pageOutOfRange: 'OCR_PAGE_OUT_OF_RANGE',
  /** A language nobody installed the `@tesseract.js-data/<code>` package for. */
  languageUnavailable: 'OCR_LANGUAGE_UNAVAILABLE',
  /** Tesseract rejected the image or its worker died. */
  failed: 'OCR_FAILED',
  /** Recognition took longer than the engine's timeout; the worker was ended and replaced. */
  timeout: 'OCR_TIMEOUT',
  /** The caller's AbortSignal fired. */
  aborted: 'OCR_ABORTED',
  /** `recognize` after `close`. */
  closed: 'OCR_ENGINE_CLOSED',
} as const;

export type OcrErrorCode = (typeof OCR_ERROR_CODES)[keyof typeof OCR_ERROR_CODES];

export function ocrError(code: OcrErrorCode, message: string, details: Record<string, unknown> = {}, retryable = false): DomainError {
  return new DomainError(code, message, details, retryable);
}
