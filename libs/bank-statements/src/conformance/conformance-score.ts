import Decimal from 'decimal.js';

/** Agreement counts per field for one corpus set: { field: [agreeing, compared] }. */
export class ConformanceScore {
  readonly fields = new Map<string, { agree: number; total: number; misses: string[] }>();
  readonly notes: string[] = [];
  documents = 0;
  crashes = 0;

  compare(field: string, agree: boolean, where: string): void {
    const entry = this.fields.get(field) ?? { agree: 0, total: 0, misses: [] };
    entry.total += 1;
    if (agree) entry.agree += 1;
    else entry.misses.push(where);
    this.fields.set(field, entry);
  }

  rate(field: string): number {
    const entry = this.fields.get(field);
    return entry && entry.total > 0 ? entry.agree / entry.total : 1;
  }

  summary(set: string): string {
    const parts = [...this.fields.entries()].map(([field, { agree, total }]) => `${field} ${agree}/${total}`);
    const reviewed = this.notes.length > 0 ? `; reviewed: ${this.notes.join(' | ')}` : '';
    return `${set}: ${this.documents} documents, ${this.crashes} crashes; ${parts.join(', ')}${reviewed}`;
  }
}

export function sameAmount(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a === b || (a == null && b == null);
  try {
    return new Decimal(a).equals(new Decimal(b));
  } catch {
    return false;
  }
}

/** Share of the ground truth's words found in ours (free text is compared by token overlap, not equality). */
export function tokenOverlap(expected: string | null | undefined, actual: string | null | undefined): number {
  const tokens = (text: string | null | undefined): string[] => (text ?? '').toUpperCase().split(/[^\p{L}\p{N}]+/u).filter((token) => token.length > 0);
  const wanted = tokens(expected);
  if (wanted.length === 0) return 1;
  const have = new Set(tokens(actual));
  const joined = tokens(actual).join('');
  return wanted.filter((token) => have.has(token) || joined.includes(token)).length / wanted.length;
}

/** References compared as for matching: upper case, without spaces, "-" and "/". */
export function sameReference(expected: string | null | undefined, actual: string | null | undefined): boolean {
  const clean = (text: string | null | undefined): string => (text ?? '').toUpperCase().replace(/[\s/-]/g, '');
  return clean(expected) === clean(actual);
}
