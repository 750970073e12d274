import { estimateSkewDegrees, estimateTextLineHeight, inkPoints, lineStrength, turnPoints, type InkPoints } from './page-geometry';

/**
 * A synthetic page: `lines` text lines of `thickness` px, words of 40 px with 12 px gaps, tilted by `degrees`.
 * `dotGap`: every third row of a line left blank (the dot rows of a dot-matrix print); `border`: a black
 * vertical rule down the left edge, as a scanner's edge leaves.
 */
function textPage(degrees: number, lines = 12, thickness = 9, options: { dotGap?: boolean; border?: boolean } = {}): InkPoints {
  const width = 800;
  const height = 900;
  const data = new Uint8Array(width * height).fill(255);
  const slope = Math.tan((degrees * Math.PI) / 180);
  for (let line = 0; line < lines; line += 1) {
    const top = 100 + line * 50;
    for (let x = 60; x < 740; x += 1) {
      if ((x + line * 17) % 52 >= 40) continue; // words do not line up in columns
      for (let dy = 0; dy < thickness; dy += 1) {
        if (options.dotGap && dy % 3 === 2) continue;
        const y = Math.round(top + dy + (x - 400) * slope);
        if (y >= 0 && y < height) data[y * width + x] = 0;
      }
    }
  }
  if (options.border) for (let y = 0; y < height; y += 1) for (let x = 0; x < 6; x += 1) data[y * width + x] = 0;
  return inkPoints({ data, width, height });
}

describe('page geometry', () => {
  it.each([0, 1.5, -2.8, 4])('finds a skew of %s degrees', (degrees) => {
    expect(estimateSkewDegrees(textPage(degrees))).toBeCloseTo(degrees, 0);
    expect(Math.abs(estimateSkewDegrees(textPage(degrees)) - degrees)).toBeLessThanOrEqual(0.2);
  });

  it('measures the height of the text lines', () => {
    expect(estimateTextLineHeight(textPage(0, 12, 9))).toBe(9);
    expect(estimateTextLineHeight(textPage(0, 12, 20))).toBe(20);
    expect(estimateTextLineHeight(textPage(2, 12, 9), 2)).toBeGreaterThanOrEqual(8);
    expect(estimateTextLineHeight(textPage(2, 12, 9), 2)).toBeLessThanOrEqual(11);
  });

  it('measures dot-matrix lines whole, not each row of dots', () => {
    expect(estimateTextLineHeight(textPage(0, 12, 20, { dotGap: true }))).toBeGreaterThanOrEqual(19);
    expect(estimateTextLineHeight(textPage(0, 12, 20, { dotGap: true }))).toBeLessThanOrEqual(20);
  });

  it('a rule crossing every line (a scanner edge) does not join the lines into one', () => {
    expect(estimateTextLineHeight(textPage(0, 12, 9, { border: true }))).toBe(9);
  });

  it('sees nothing on a blank page', () => {
    const blank = inkPoints({ data: new Uint8Array(300 * 200).fill(255), width: 300, height: 200 });
    expect(blank.xs.length).toBe(0);
    expect(estimateSkewDegrees(blank)).toBe(0);
    expect(estimateTextLineHeight(blank)).toBeNull();
    expect(lineStrength(blank)).toBe(0);
  });

  it('turns points by quarter turns, and text lines are stronger across rows than across columns', () => {
    const page = textPage(0);
    const turned = turnPoints(page, 90);
    expect([turned.width, turned.height]).toEqual([page.height, page.width]);
    // the top-left ink pixel goes to the top-right after a clockwise quarter turn
    expect(turned.xs[0]).toBe(page.height - 1 - page.ys[0]);
    expect(turned.ys[0]).toBe(page.xs[0]);
    const back = turnPoints(turned, 270);
    expect(Array.from(back.xs.slice(0, 50))).toEqual(Array.from(page.xs.slice(0, 50)));
    expect(Array.from(back.ys.slice(0, 50))).toEqual(Array.from(page.ys.slice(0, 50)));
    expect(lineStrength(page)).toBeGreaterThan(lineStrength(turned) * 2);
    const upsideDown = turnPoints(page, 180);
    expect(upsideDown.xs[0]).toBe(page.width - 1 - page.xs[0]);
  });
});
