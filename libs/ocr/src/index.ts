export type { OcrEngine, OcrOptions, OcrPage, OcrWord } from './ocr-engine';
