/**
 * Cheap page geometry from ink pixels: how much the text lines are tilted (deskew) and how tall they are
 * (to decide upscaling). Projection profiles: lines of text give sharp peaks when projected along their
 * direction, so the angle with the sharpest profile is the skew.
 */
export interface GrayImage {
  /** One byte per pixel, 0 black .. 255 white, row-major. */
  data: Uint8Array;
  width: number;
  height: number;
}

export interface InkPoints {
  xs: Int32Array;
  ys: Int32Array;
  width: number;
  height: number;
}

/**
 * Pixels darker than `threshold` (the image is contrast-normalised first, so mid-grey separates ink well); every
 * n-th one when there are more than `maxPoints`, which keeps the profiles' shape and bounds their cost.
 */
export function inkPoints(image: GrayImage, threshold = 128, maxPoints = 40_000): InkPoints {
  let count = 0;
  for (let i = 0; i < image.data.length; i += 1) if (image.data[i] < threshold) count += 1;
  const stride = Math.max(1, Math.ceil(count / maxPoints));
  const xs = new Int32Array(Math.ceil(count / stride));
  const ys = new Int32Array(xs.length);
  let seen = 0;
  let next = 0;
  for (let y = 0; y < image.height; y += 1) {
    const row = y * image.width;
    for (let x = 0; x < image.width; x += 1) {
      if (image.data[row + x] < threshold) {
        if (seen % stride === 0) {
          xs[next] = x;
          ys[next] = y;
          next += 1;
        }
        seen += 1;
      }
    }
  }
  return { xs, ys, width: image.width, height: image.height };
}

/** The points as they would be after turning the image clockwise by a quarter turn (0, 90, 180, 270). */
export function turnPoints(points: InkPoints, quarterTurn: number): InkPoints {
  const { xs, ys, width, height } = points;
  const turn = ((quarterTurn % 360) + 360) % 360;
  if (turn === 0) return points;
  const nx = new Int32Array(xs.length);
  const ny = new Int32Array(ys.length);
  for (let i = 0; i < xs.length; i += 1) {
    if (turn === 90) {
      nx[i] = height - 1 - ys[i];
      ny[i] = xs[i];
    } else if (turn === 180) {
      nx[i] = width - 1 - xs[i];
      ny[i] = height - 1 - ys[i];
    } else {
      nx[i] = ys[i];
      ny[i] = width - 1 - xs[i];
    }
  }
  return turn === 180 ? { xs: nx, ys: ny, width, height } : { xs: nx, ys: ny, width: height, height: width };
}

/** Row histogram of the points projected along lines tilted by `degrees` (positive: falling to the right). */
function rowProfile(points: InkPoints, degrees: number): Float64Array {
  const slope = Math.tan((degrees * Math.PI) / 180);
  const offset = Math.ceil(Math.abs(slope) * points.width) + 1;
  const profile = new Float64Array(points.height + 2 * offset);
  for (let i = 0; i < points.xs.length; i += 1) {
    const bin = Math.round(points.ys[i] - points.xs[i] * slope) + offset;
    profile[bin] += 1;
  }
  return profile;
}

function sharpness(profile: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < profile.length; i += 1) sum += profile[i] * profile[i];
  return sum;
}

/**
 * The tilt of the text lines in degrees (positive: lines fall to the right, i.e. the page is turned clockwise);
 * turn the image by minus this to straighten it. 0 when there is too little ink to tell.
 */
export function estimateSkewDegrees(points: InkPoints, maxDegrees = 5): number {
  if (points.xs.length < 200) return 0;
  const search = (from: number, to: number, step: number): number => {
    let best = 0;
    let bestScore = -1;
    for (let angle = from; angle <= to + 1e-9; angle += step) {
      const score = sharpness(rowProfile(points, angle));
      // Ties go to the smaller angle: never turn a straight page.
      if (score > bestScore * 1.000001 || (score >= bestScore && Math.abs(angle) < Math.abs(best))) {
        best = angle;
        bestScore = score;
      }
    }
    return best;
  };
  const coarse = search(-maxDegrees, maxDegrees, 0.5);
  const fine = search(coarse - 0.5, coarse + 0.5, 0.1);
  return Math.round(fine * 10) / 10;
}

/**
 * How strongly the ink forms horizontal lines at this skew: the row profile's sum of squares relative to ink
 * spread evenly over the rows it spans (1 = no lines at all). Compares turns of one page.
 */
export function lineStrength(points: InkPoints, skewDegrees = 0): number {
  const count = points.xs.length;
  if (count === 0) return 0;
  const profile = rowProfile(points, skewDegrees);
  let first = 0;
  while (profile[first] === 0) first += 1;
  let last = profile.length - 1;
  while (profile[last] === 0) last -= 1;
  return (sharpness(profile) * (last - first + 1)) / (count * count);
}

/**
 * Median height in pixels of the text lines (runs of rows holding a good share of ink), or null when the
 * page shows no lines (blank, a photo). Measured on the straightened profile.
 */
export function estimateTextLineHeight(points: InkPoints, skewDegrees = 0): number | null {
  if (points.xs.length < 200) return null;
  const profile = withoutBaseline(rowProfile(points, skewDegrees));
  const sorted = Array.from(profile).filter((value) => value > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const peak = sorted[Math.floor(sorted.length * 0.95)];
  const threshold = Math.max(2, peak * 0.2);
  const runs: number[] = [];
  let run = 0;
  let gap = 0;
  for (let i = 0; i <= profile.length; i += 1) {
    if (i < profile.length && profile[i] >= threshold) {
      // A one-row gap inside a line is the space between the dot rows of a dot-matrix print.
      if (run > 0 && gap > 0) run += gap;
      gap = 0;
      run += 1;
    } else if (run > 0 && i < profile.length && gap < MAX_DOT_GAP) {
      gap += 1;
    } else if (run > 0) {
      if (run >= 3) runs.push(run); // shorter runs are specks and rules, not text
      run = 0;
      gap = 0;
    }
  }
  if (runs.length < 2) return null;
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
}

/** Rows of ink inside one text line may be this far apart (dot-matrix print), in analysis pixels. */
const MAX_DOT_GAP = 1;

/**
 * The profile less the ink every row holds (a scanner's dark edge or a vertical rule crosses all lines, and
 * would join them into one): the level of the emptiest tenth of the rows between the first and last ink.
 */
function withoutBaseline(profile: Float64Array): Float64Array {
  let first = 0;
  while (first < profile.length && profile[first] === 0) first += 1;
  let last = profile.length - 1;
  while (last > first && profile[last] === 0) last -= 1;
  if (first >= last) return profile;
  const inside = Array.from(profile.subarray(first, last + 1)).sort((a, b) => a - b);
  const baseline = inside[Math.floor(inside.length * 0.1)];
  if (baseline <= 0) return profile;
  return profile.map((value) => Math.max(0, value - baseline));
}
