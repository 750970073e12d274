import { wilsonInterval } from './wilson';

describe('95% Wilson score interval', () => {
  it.each([
    [8, 10, 0.4902, 0.9433],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
    [50, 100, 0.4038, 0.5962],
    [3, 3, 0.4385, 1],
  ])('%i of %i → [%f, %f]', (successes, n, low, high) => {
    const [lower, upper] = wilsonInterval(successes, n);
    expect(lower).toBeCloseTo(low, 3);
    expect(upper).toBeCloseTo(high, 3);
  });

  it('is the whole range without data and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(() => wilsonInterval(11, 10)).toThrow();
  });
});
