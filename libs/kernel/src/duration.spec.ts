import { parseDuration } from './duration';
import { DomainError } from './domain-error';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1.5s', 1500],
    [250, 250],
  ])('reads %p as %p ms', (input, expected) => {
    expect(parseDuration(input)).toBe(expected);
  });

  it.each(['', '5', '5 minutes', '-1s', 'abc', '1w'])('refuses %p with a clear code', (input) => {
    expect(() => parseDuration(input)).toThrow(DomainError);
    try {
      parseDuration(input);
    } catch (error) {
      expect((error as DomainError).code).toBe('INVALID_DURATION');
    }
  });
});
