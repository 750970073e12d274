/**
 * Evens out the paper before recognition. Thermal receipts are scanned with grey, unevenly lit paper, faint
 * print and often a black band where the roll was torn; tesseract's global (Otsu) threshold then splits the
 * black band from everything else and whitens the print (SROIE 600 came back with no words at all). Dividing
 * each pixel by the local paper brightness makes the paper white everywhere, turns dark bands that hold no
 * paper white as well, and keeps the print as dark as it is relative to its own surroundings.
 */

/** Side of the square blocks whose brightest pixel is taken as the paper (wider than any stroke of text). */
const BLOCK = 24;
/** Blocks darker than this hold no paper (a black band, a dark photo): left white rather than amplified. */
const NO_PAPER = 48;
/** Share of pixels that may end up fully black after the stretch (the darkest print). */
const DARKEST_SHARE = 0.001;
/** A row or column darker than this over more than BAND_SHARE of its length is a band, not print. */
const BAND_DARK = 96;
const BAND_SHARE = 0.6;
/** A band reaches within this share of the image's edge (a scanner's border, a torn edge); rules inside the page never do. */
const EDGE_SHARE = 0.02;
/** A page whose median pixel (its paper) is at least this bright is white paper. */
const WHITE_PAPER = 245;
/** The stretch never darkens by more than this factor: a blank page's faint noise must not become ink. */
const MAX_GAIN = 3;

export interface FlatGray {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Paper brightness per block (the brightest pixel within the block and its eight neighbours, so a block full
 * of a bold glyph still sees paper), interpolated between block centres; each pixel is divided by it, then
 * the result is stretched so the darkest print is black again.
 */
export function flattenBackground(image: FlatGray): Uint8Array {
  const { data, width, height } = image;
  // White paper without dark bands (born-digital renders, office scans) is left exactly as it is: dividing
  // by a noisy paper estimate only perturbs pages tesseract already reads well.
  if (paperLevelOf(data) >= WHITE_PAPER && !hasDarkBand(data, width, height)) return data;
  const columns = Math.ceil(width / BLOCK);
  const rows = Math.ceil(height / BLOCK);
  const brightest = new Uint8Array(columns * rows);
  for (let y = 0; y < height; y += 1) {
    const rowStart = y * width;
    const blockRow = Math.floor(y / BLOCK) * columns;
    for (let x = 0; x < width; x += 1) {
      const cell = blockRow + Math.floor(x / BLOCK);
      const value = data[rowStart + x];
      if (value > brightest[cell]) brightest[cell] = value;
    }
  }
  const paper = new Uint8Array(columns * rows);
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      let most = 0;
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dx = -1; dx <= 1; dx += 1) {
          const r = row + dy;
          const c = column + dx;
          if (r >= 0 && r < rows && c >= 0 && c < columns) most = Math.max(most, brightest[r * columns + c]);
        }
      }
      paper[row * columns + column] = most;
    }
  }

  const flat = new Uint8Array(width * height);
  const histogram = new Uint32Array(256);
  // Interpolation weights along x are the same for every row: computed once.
  const left = new Int32Array(width);
  const right = new Int32Array(width);
  const towardsRight = new Float32Array(width);
  for (let x = 0; x < width; x += 1) {
    const position = Math.min(columns - 1, Math.max(0, (x + 0.5) / BLOCK - 0.5));
    left[x] = Math.floor(position);
    right[x] = Math.min(columns - 1, left[x] + 1);
    towardsRight[x] = position - left[x];
  }
  for (let y = 0; y < height; y += 1) {
    const position = Math.min(rows - 1, Math.max(0, (y + 0.5) / BLOCK - 0.5));
    const top = Math.floor(position) * columns;
    const bottom = Math.min(rows - 1, Math.floor(position) + 1) * columns;
    const down = position - Math.floor(position);
    const rowStart = y * width;
    for (let x = 0; x < width; x += 1) {
      const t = towardsRight[x];
      const upper = paper[top + left[x]] * (1 - t) + paper[top + right[x]] * t;
      const lower = paper[bottom + left[x]] * (1 - t) + paper[bottom + right[x]] * t;
      const background = upper * (1 - down) + lower * down;
      const value = background < NO_PAPER ? 255 : Math.min(255, Math.round((255 * data[rowStart + x]) / background));
      flat[rowStart + x] = value;
    }
  }

  whitenDarkBands(flat, width, height);
  histogram.fill(0);
  for (let index = 0; index < flat.length; index += 1) histogram[flat[index]] += 1;
  // Stretch between the darkest print and the typical paper (the median: paper covers most of a page; the
  // brightest pixel of a block overestimates it on grainy scans).
  let darkest = 0;
  for (let seen = 0, limit = DARKEST_SHARE * flat.length; darkest < 255; darkest += 1) {
    seen += histogram[darkest];
    if (seen > limit) break;
  }
  const paperLevel = medianOf(histogram, flat.length);
  if (paperLevel - darkest < 8) return flat;
  const gain = Math.min(MAX_GAIN, 255 / (paperLevel - darkest));
  const lookup = new Uint8Array(256);
  for (let value = 0; value < 256; value += 1) lookup[value] = Math.max(0, Math.min(255, Math.round(255 - (paperLevel - value) * gain)));
  for (let index = 0; index < flat.length; index += 1) flat[index] = lookup[flat[index]];
  return flat;
}

/**
 * Rows and columns that are mostly dark, in a run that reaches the image's edge (the torn edge of a roll, a
 * scanner's border), become white: no print is dark across most of the page, and left in they set the
 * stretch's dark point and tesseract's threshold. Rules inside the page (table lines) stay.
 */
function whitenDarkBands(image: Uint8Array, width: number, height: number): void {
  const { rows, columns } = darkBands(image, width, height);
  for (const y of rows) image.fill(255, y * width, (y + 1) * width);
  for (const x of columns) for (let y = 0; y < height; y += 1) image[y * width + x] = 255;
}

function darkBands(image: Uint8Array, width: number, height: number): { rows: number[]; columns: number[] } {
  const darkInRow = new Uint32Array(height);
  const darkInColumn = new Uint32Array(width);
  for (let y = 0; y < height; y += 1) {
    const rowStart = y * width;
    for (let x = 0; x < width; x += 1) {
      if (image[rowStart + x] < BAND_DARK) {
        darkInRow[y] += 1;
        darkInColumn[x] += 1;
      }
    }
  }
  return { rows: edgeRuns(darkInRow, BAND_SHARE * width), columns: edgeRuns(darkInColumn, BAND_SHARE * height) };
}

/** Indices of runs of entries above `limit` that reach within EDGE_SHARE of an end. */
function edgeRuns(counts: Uint32Array, limit: number): number[] {
  const found: number[] = [];
  const edge = Math.max(2, Math.round(EDGE_SHARE * counts.length));
  let start = -1;
  for (let index = 0; index <= counts.length; index += 1) {
    const dark = index < counts.length && counts[index] > limit;
    if (dark && start < 0) start = index;
    if (!dark && start >= 0) {
      const nearEdge = start <= edge || index >= counts.length - edge;
      if (nearEdge) for (let at = start; at < index; at += 1) found.push(at);
      start = -1;
    }
  }
  return found;
}

function paperLevelOf(image: Uint8Array): number {
  const histogram = new Uint32Array(256);
  for (let index = 0; index < image.length; index += 1) histogram[image[index]] += 1;
  return medianOf(histogram, image.length);
}

function medianOf(histogram: Uint32Array, count: number): number {
  let level = 0;
  for (let seen = 0; level < 255; level += 1) {
    seen += histogram[level];
    if (seen >= count / 2) break;
  }
  return level;
}

function hasDarkBand(image: Uint8Array, width: number, height: number): boolean {
  const { rows, columns } = darkBands(image, width, height);
  return rows.length > 0 || columns.length > 0;
}
