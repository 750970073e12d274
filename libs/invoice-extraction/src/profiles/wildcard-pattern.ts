import { DomainError } from '@conveyor/kernel';

/**
 * Value patterns in vendor templates, deliberately not regular expressions (a user-written regex can take
 * exponential time): "#" a digit, "@" a letter, "?" any one character, "*" any run (at most three), every other
 * character itself. Matching is a dynamic program over pattern × value: linear in each, whatever is written.
 */
export const WILDCARD_SYNTAX = '# digit, @ letter, ? any character, * any run (at most 3), other characters literal';

export function assertWildcardPattern(pattern: string): void {
  if (pattern.length === 0 || pattern.length > 64) throw new DomainError('TEMPLATE_INVALID', `pattern "${pattern}" must have 1 to 64 characters`);
  if ((pattern.match(/\*/g) ?? []).length > 3) throw new DomainError('TEMPLATE_INVALID', `pattern "${pattern}" has more than three "*"`);
}

export function matchesWildcard(pattern: string, value: string): boolean {
  const p = [...pattern];
  const v = [...value];
  let row = new Array<boolean>(v.length + 1).fill(false);
  row[0] = true;
  for (const symbol of p) {
    const next = new Array<boolean>(v.length + 1).fill(false);
    if (symbol === '*') {
      let reachable = false;
      for (let j = 0; j <= v.length; j += 1) {
        reachable = reachable || row[j];
        next[j] = reachable;
      }
    } else {
      for (let j = 1; j <= v.length; j += 1) next[j] = row[j - 1] && symbolMatches(symbol, v[j - 1]);
    }
    row = next;
  }
  return row[v.length];
}

function symbolMatches(symbol: string, character: string): boolean {
  if (symbol === '#') return /\p{Nd}/u.test(character);
  if (symbol === '@') return /\p{L}/u.test(character);
  if (symbol === '?') return true;
  return symbol.toLowerCase() === character.toLowerCase();
}
