export type { OcrEngine, OcrOptions, OcrPage, OcrWord } from './ocr-engine';
export { createOcrEngine } from './tesseract-ocr-engine';
export type { TesseractOcrEngine, TesseractOcrEngineOptions } from './tesseract-ocr-engine';
export { OCR_ERROR_CODES } from './ocr-errors';
export type { OcrErrorCode } from './ocr-errors';
export { INSTALLED_OCR_LANGUAGES } from './language-data';
export { countImagePages } from './image-preparation';
