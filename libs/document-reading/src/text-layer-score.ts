import type { BoundingBox } from '@conveyor/documents';
import type { LayoutWord } from './document-layout';
import { imageCoverage, textCoverageOfRegion } from './page-coverage';

export interface TextLayerAssessment {
  /** 0..1: how usable the text layer is as words (0: none or garbage). */
  score: number;
  /** True when the page must be read by OCR (score under the threshold, or an image the text does not cover). */
  needsOcr: boolean;
  /** Why, in a few stable words (for issues and logs). */
  reasons: string[];
  /** Share of the page painted with images (union), 0..1; 0 when images were not looked for. */
  imageShare: number;
  /** False when painted images were not looked for (the file stores none big enough to be read). */
  imagesAnalysed: boolean;
}

export interface PageForAssessment {
  words: readonly LayoutWord[];
  images: readonly BoundingBox[];
  invisibleTextShare: number;
  /** Default true. */
  imagesAnalysed?: boolean;
}

export const DEFAULT_TEXT_LAYER_THRESHOLD = 0.5;
/** An image this large is "most of the page": a scan, or a scan pasted on a page. */
const LARGE_IMAGE_SHARE = 0.5;
/** Below this share of an image's height carrying text, the text does not read the image (a footer, a stamp). */
const IMAGE_TEXT_COVERAGE = 0.2;
/** A page with fewer letters than this has hardly any layer. */
const ENOUGH_LETTERS = 20;

const CID_REFERENCE = /\(cid:\d+\)/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UNUSABLE_GLYPH = /[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000E-\u001F\u{F0000}-\u{10FFFF}]/u;
const LATIN_WORD = /^[\p{Script=Latin}]+$/u;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /\p{N}/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
/** What may join the parts of a real token: e-mail, www.acme.de, l'article, 1/2, R&D, a_b. */
const JOINERS = /[.\-‐–/'’,:@&_()]+/u;
/** Anything else inside a token (~ ^ | # % * + = < > { } [ ] \ ; and the like) makes it soup. */
const SOUP = /[^\p{L}\p{M}\p{N}.\-‐–/'’,:@&_()]/u;
const LATIN_VOWEL = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœąęóı]/iu;
const LONG_CONSONANT_RUN = /[b-df-hj-np-tv-xzß]{8,}/iu;

/**
 * Scores a page's text layer from its words: unusable glyphs ((cid:NN) references, private-use and replacement
 * characters), the share of letters and digits, how word-like its words are (case, vowels), and how much text
 * there is. A large painted image that the text does not cover sends the page to OCR whatever its score.
 */
export function assessTextLayer(page: PageForAssessment, threshold = DEFAULT_TEXT_LAYER_THRESHOLD): TextLayerAssessment {
  const imageShare = imageCoverage(page.images);
  const reasons: string[] = [];
  const score = textScore(page.words, reasons);
  if (score < threshold && !reasons.includes('no text layer')) reasons.push('text layer unusable');
  const largest = largestImage(page.images);
  if (largest && largest.width * largest.height >= LARGE_IMAGE_SHARE * 0.999 && textCoverageOfRegion(page.words, largest) < IMAGE_TEXT_COVERAGE) {
    reasons.push('large image without text');
  }
  if (page.invisibleTextShare > 0.5 && score < threshold) reasons.push('invisible text layer');
  return { score, needsOcr: score < threshold || reasons.includes('large image without text'), reasons, imageShare, imagesAnalysed: page.imagesAnalysed ?? true };
}

function textScore(words: readonly LayoutWord[], reasons: string[]): number {
  const text = words.map((word) => word.text).join('');
  const cidCharacters = (text.match(CID_REFERENCE) ?? []).join('').length;
  const characters = Array.from(text.replace(CID_REFERENCE, ''));
  const total = characters.length + cidCharacters;
  if (total === 0) {
    reasons.push('no text layer');
    return 0;
  }
  const unusable = cidCharacters + characters.filter((character) => UNUSABLE_GLYPH.test(character)).length;
  const letters = characters.filter((character) => LETTER_OR_DIGIT.test(character)).length;
  const glyphFactor = (1 - unusable / total) ** 2;
  const letterFactor = clamp((letters / total - 0.3) / 0.4);
  const wordFactor = wordLikeFactor(words);
  const amountFactor = Math.min(1, letters / ENOUGH_LETTERS);
  if (glyphFactor < 0.8) reasons.push('unusable glyphs');
  if (letterFactor < 0.8) reasons.push('few letters');
  if (wordFactor < 0.8) reasons.push('not word-like');
  if (amountFactor < 1) reasons.push('little text');
  return round(glyphFactor * letterFactor * wordFactor * amountFactor);
}

/** Share of judged words that look like words of a Latin-script language, mapped so real text scores 1. */
function wordLikeFactor(words: readonly LayoutWord[]): number {
  let judged = 0;
  let wordLike = 0;
  for (const word of words) {
    const verdict = judgeWord(word.text);
    if (verdict === undefined) continue;
    judged += 1;
    if (verdict) wordLike += 1;
  }
  if (judged < 5) return 1;
  return clamp((wordLike / judged - 0.5) / 0.3);
}

/**
 * true: looks like a word; false: symbol soup or letters no language strings together; undefined: no opinion
 * (numbers, codes mixing letters and digits, other scripts, one-letter words).
 */
function judgeWord(text: string): boolean | undefined {
  const core = text.replace(EDGE_PUNCTUATION, '');
  if (core.length < 2 || !HAS_LETTER.test(core)) return undefined;
  if (SOUP.test(core)) return false;
  if (HAS_DIGIT.test(core)) return undefined;
  const parts = core.split(JOINERS).filter((part) => part.length >= 2);
  if (parts.length === 0 || !parts.every((part) => LATIN_WORD.test(part))) return undefined;
  return parts.every(looksLikeWord);
}

function looksLikeWord(letters: string): boolean {
  // Lower, UPPER, Capitalised, or one inner capital (McDonald, iPhone); random soup flips case often.
  const caseFlips = letters.slice(1).match(/(?<=\p{Ll})\p{Lu}/gu)?.length ?? 0;
  if (caseFlips > 1) return false;
  if (letters.length >= 4 && !LATIN_VOWEL.test(letters)) return false;
  return !LONG_CONSONANT_RUN.test(letters);
}

function largestImage(images: readonly BoundingBox[]): BoundingBox | undefined {
  let largest: BoundingBox | undefined;
  for (const image of images) if (!largest || image.width * image.height > largest.width * largest.height) largest = image;
  return largest;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
