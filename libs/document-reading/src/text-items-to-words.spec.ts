import type { RawTextItem } from '@conveyor/pdf-reader';
import { readingText, toReadingLines } from './reading-order';
import { textItemsToWords } from './text-items-to-words';

const PAGE = { width: 600, height: 800 };

function run(str: string, x: number, baseline: number, options: { size?: number; width?: number; angle?: number } = {}): RawTextItem {
  const size = options.size ?? 10;
  const angle = ((options.angle ?? 0) * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Page space here is y-down, so a run turned by +angle has its "up" at (sin, -cos).
  return { str, transform: [size * cos, size * sin, size * sin, -size * cos, x, baseline], width: options.width ?? str.length * 5, height: size, ascent: 0.8, descent: -0.2, vertical: false };
}

describe('textItemsToWords', () => {
  it('splits a run at spaces and gives each word its share of the run by characters', () => {
    const words = textItemsToWords([run('Invoice number: 42', 60, 100, { width: 180 })], PAGE.width, PAGE.height);
    expect(words.map((word) => word.text)).toEqual(['Invoice', 'number:', '42']);
    const [invoice, number, value] = words;
    // 18 characters over 180 points: 10 points each.
    expect(invoice.bbox.x * PAGE.width).toBeCloseTo(60);
    expect(invoice.bbox.width * PAGE.width).toBeCloseTo(70);
    expect(number.bbox.x * PAGE.width).toBeCloseTo(140);
    expect(value.bbox.x * PAGE.width).toBeCloseTo(220);
    expect(value.bbox.width * PAGE.width).toBeCloseTo(20);
    // From ascent (8 points above the baseline) to descent (2 below).
    expect(value.bbox.y * PAGE.height).toBeCloseTo(92);
    expect(value.bbox.height * PAGE.height).toBeCloseTo(10);
    expect(words.every((word) => word.confidence === 1)).toBe(true);
  });

  it('boxes text running upwards (turned 90 degrees) as a tall, narrow box', () => {
    const [word] = textItemsToWords([run('TOTAL', 100, 400, { angle: -90, width: 50 })], PAGE.width, PAGE.height);
    expect(word.bbox.height * PAGE.height).toBeCloseTo(50);
    expect(word.bbox.width * PAGE.width).toBeCloseTo(10);
    expect(word.bbox.y * PAGE.height).toBeCloseTo(350);
    expect(word.bbox.x * PAGE.width).toBeCloseTo(92);
  });

  it('clips boxes to the page and drops words entirely off it', () => {
    const words = textItemsToWords([run('edge', 590, 100, { width: 40 }), run('gone', 700, 100)], PAGE.width, PAGE.height);
    expect(words.map((word) => word.text)).toEqual(['edge']);
    expect(words[0].bbox.x + words[0].bbox.width).toBeLessThanOrEqual(1);
  });

  it('counts characters, not UTF-16 units, when apportioning', () => {
    const [first, second] = textItemsToWords([run('𝐀𝐁 cd', 0, 100, { width: 50 })], PAGE.width, PAGE.height);
    expect(first.text).toBe('𝐀𝐁');
    expect(first.bbox.width * PAGE.width).toBeCloseTo(20);
    expect(second.bbox.x * PAGE.width).toBeCloseTo(30);
  });
});

describe('reading order', () => {
  it('reads lines top to bottom and words left to right, whatever order the runs came in', () => {
    const items = [run('Total:', 300, 200), run('82.11', 400, 201), run('Invoice', 60, 100), run('Date:', 60, 150), run('INV-42', 300, 99), run('2024-03-14', 300, 151)];
    const lines = toReadingLines(textItemsToWords(items, PAGE.width, PAGE.height));
    expect(lines.map((line) => line.map((word) => word.text))).toEqual([['Invoice', 'INV-42'], ['Date:', '2024-03-14'], ['Total:', '82.11']]);
    expect(readingText(lines.flat())).toBe('Invoice INV-42\nDate: 2024-03-14\nTotal: 82.11');
  });

  it('keeps a superscript on its line and separates lines a line-height apart', () => {
    const items = [run('Amount', 60, 100), run('1', 110, 96, { size: 6 }), run('next', 60, 114)];
    const lines = toReadingLines(textItemsToWords(items, PAGE.width, PAGE.height));
    expect(lines.map((line) => line.map((word) => word.text))).toEqual([['Amount', '1'], ['next']]);
  });
});
