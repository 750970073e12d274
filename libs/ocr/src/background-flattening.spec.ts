import { flattenBackground } from './background-flattening';

/**
 * A faded thermal receipt in miniature: paper greying from 230 at the top to 190 at the bottom, faint print
 * (50 levels darker than the paper under it) in short strokes, and a black band along the top edge.
 */
function fadedReceipt(options: { band?: boolean; print?: boolean } = {}) {
  const width = 300;
  const height = 400;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const paper = Math.round(230 - (40 * y) / height);
    for (let x = 0; x < width; x += 1) {
      const stroke = options.print !== false && y >= 40 && (y - 40) % 30 < 8 && x >= 20 && x < 280 && x % 12 < 4;
      data[y * width + x] = stroke ? paper - 50 : paper;
    }
  }
  if (options.band) data.fill(10, 0, width * 12);
  return { data, width, height };
}

const at = (image: { data: Uint8Array; width: number }, x: number, y: number) => image.data[y * image.width + x];

describe('background flattening', () => {
  it('whitens uneven grey paper and makes faint print dark enough for a global threshold', () => {
    const page = fadedReceipt();
    const flat = { ...page, data: flattenBackground(page) };
    // paper (between strokes and between lines), top and bottom alike
    expect(at(flat, 150, 30)).toBeGreaterThanOrEqual(245);
    expect(at(flat, 150, 380)).toBeGreaterThanOrEqual(245);
    // print (x % 12 < 4 inside a line), top and bottom alike
    expect(at(flat, 24, 42)).toBeLessThan(128);
    expect(at(flat, 24, 342)).toBeLessThan(128);
    // before, the same print at the bottom was lighter than any global ink threshold below the paper would allow
    expect(at(page, 24, 342)).toBeGreaterThan(128);
  });

  it('turns a black band along the edge white instead of letting it set the dark point', () => {
    const page = fadedReceipt({ band: true });
    const flat = { ...page, data: flattenBackground(page) };
    expect(at(flat, 150, 5)).toBe(255);
    expect(at(flat, 24, 42)).toBeLessThan(128);
  });

  it('leaves white paper exactly as it is, table rules included', () => {
    const width = 300;
    const height = 400;
    const data = new Uint8Array(width * height).fill(252);
    data.fill(0, width * 200, width * 202); // a table rule across the page
    for (let y = 40; y < 48; y += 1) data.fill(20, y * width + 20, y * width + 120); // a line of print
    expect(flattenBackground({ data, width, height })).toBe(data);
  });

  it('keeps a thin rule inside a grey page while whitening the band at its edge', () => {
    const page = fadedReceipt({ band: true });
    page.data.fill(0, page.width * 300, page.width * 302);
    const flat = { ...page, data: flattenBackground(page) };
    expect(at(flat, 150, 5)).toBe(255);
    expect(at(flat, 150, 300)).toBeLessThan(128);
  });

  it('leaves a blank page blank: paper grain is not stretched into ink', () => {
    const page = fadedReceipt({ print: false });
    for (let index = 0; index < page.data.length; index += 7) page.data[index] -= 6; // grain
    const flat = flattenBackground(page);
    expect(Math.min(...flat)).toBeGreaterThan(200);
  });
});
