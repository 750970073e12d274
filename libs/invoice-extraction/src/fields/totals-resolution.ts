import Decimal from 'decimal.js';
import { formatMoney } from '../values/amount-reading';
import type { Candidate } from './field-candidates';
import { confidenceOf, type ValueGroup } from './field-resolution';

export type TotalName = 'totalNet' | 'totalTax' | 'totalGross';

export interface ResolvedTotals {
  readonly chosen: Partial<Record<TotalName, { group: ValueGroup; confidence: number }>>;
  /** The three were found and net + tax = gross exactly. */
  readonly consistent: boolean;
}

/** What else on the page speaks for a total: the item table's line amounts, added up. */
export interface TotalsEvidence {
  readonly lineSum?: { readonly value: Decimal; readonly includesTax: boolean };
  /** Every amount printed on the page: a rounding line may explain a gap of a few cents. */
  readonly printedAmounts?: readonly Decimal[];
}

/** The largest gap a printed rounding adjustment explains (cash rounding to 5 or 10 cents, "Rundung"). */
const ROUNDING = new Decimal('0.05');

/**
 * Above this a chosen total may be taken without a person; a total the page contradicts stays below it. The
 * product's default auto-accept threshold is 0.7 (DEFAULT_LOW_CONFIDENCE_THRESHOLD).
 */
const CONTRADICTED = 0.6;

/**
 * Chooses net, tax and gross together: each combination of their strongest candidates (or none) is scored by
 * their support, and one where net + tax = gross earns a bonus; so "Subtotaal 717,97" loses to
 * "Exclusief BTW 593,36" when 593,36 + 124,61 = 717,97. Agreement raises the confidence of all three.
 */
export function resolveTotals(groups: Record<TotalName, readonly ValueGroup[]>, evidence: TotalsEvidence = {}): ResolvedTotals {
  const lineSum = evidence.lineSum;
  // Line amounts that add up to a printed total speak for it ("Subtotal carried forward" on page one does not).
  const agreesWithLines = (net: ValueGroup | undefined, gross: ValueGroup | undefined): boolean => {
    const basis = lineSum?.includesTax ? gross : net;
    return Boolean(lineSum && basis && lineSum.value.equals(basis.value));
  };
  // The strongest few of each, and every worked-out one (a sum of tax rows is weaker than each of its rows).
  const options = (name: TotalName): (ValueGroup | undefined)[] => [undefined, ...groups[name].filter((group, rank) => rank < 4 || group.members.some((member) => member.derived))];
  let best: { net?: ValueGroup; tax?: ValueGroup; gross?: ValueGroup; score: number; consistent: boolean; plausible: boolean } = { score: -1, consistent: false, plausible: true };
  for (const net of options('totalNet')) {
    for (const tax of options('totalTax')) {
      for (const gross of options('totalGross')) {
        if (net && gross && net.value === gross.value && tax && !new Decimal(tax.value).isZero()) continue;
        const consistent = Boolean(net && tax && gross && new Decimal(net.value).plus(tax.value).equals(gross.value));
        const plausible = !(net && gross && new Decimal(gross.value).abs().lessThan(new Decimal(net.value).abs()));
        const score = (net?.support ?? 0) + (tax?.support ?? 0) + (gross?.support ?? 0) + (consistent ? 0.9 : 0) - (plausible ? 0 : 0.5) + (agreesWithLines(net, gross) ? 0.3 : 0);
        if (score > best.score) best = { net, tax, gross, score, consistent, plausible };
      }
    }
  }
  const chosen: ResolvedTotals['chosen'] = {};
  // All three read but net + tax ≠ gross, or a gross below the net: at least one is misread and nothing says
  // which, so none of them may pass unseen, however strong its own label.
  // A gap of a few cents that a printed rounding line accounts for ("Rounding -0.01") is no contradiction, but no
  // confirmation either: the totals keep their own confidence.
  const gap = best.net && best.tax && best.gross ? new Decimal(best.net.value).plus(best.tax.value).minus(best.gross.value).abs() : undefined;
  const rounded = gap !== undefined && gap.lessThanOrEqualTo(ROUNDING) && (evidence.printedAmounts ?? []).some((amount) => amount.abs().equals(gap));
  const contradicted = (gap !== undefined && !best.consistent && !rounded) || !best.plausible;
  const set = (name: TotalName, group: ValueGroup | undefined) => {
    if (!group) return;
    const base = confidenceOf(group, groups[name]);
    const confidence = best.consistent ? 1 - (1 - Math.max(base, 0.5)) * 0.3 : base;
    chosen[name] = { group, confidence: contradicted ? Math.min(confidence, CONTRADICTED) : confidence };
  };
  set('totalNet', best.net);
  set('totalTax', best.tax);
  set('totalGross', best.gross);
  return { chosen, consistent: best.consistent };
}

/**
 * Tax printed once per rate and nowhere as one total: rows beside their labels ("VAT 7.25% (5,017.26) 363.75"
 * over "VAT 6% 188.15"), or cells under labels side by side ("BTW 6%   BTW 21%" over "48,51   2 803,18"). Added
 * up they are a candidate for the total tax, weaker than any row, so it wins only when net + tax = gross
 * confirms it. A run of rows whose last one is the sum of the others already prints its total.
 */
export function taxRowSums(candidates: readonly Candidate[]): Candidate[] {
  const rows = new Map<string, Candidate>();
  const cells = new Map<string, Map<number, Candidate>>();
  for (const candidate of candidates) {
    const first = candidate.tokens[0];
    if (candidate.field !== 'totalTax' || !candidate.amount || !first) continue;
    const key = `${first.page}:${first.line}`;
    if (candidate.relation === 'right') {
      const held = rows.get(key);
      if (!held || candidate.score > held.score) rows.set(key, candidate);
    } else if (candidate.relation === 'below') {
      // One cell read under several labels counts once.
      const line = cells.get(key) ?? new Map<number, Candidate>();
      const held = line.get(first.index);
      if (!held || candidate.score > held.score) line.set(first.index, candidate);
      cells.set(key, line);
    }
  }
  const ordered = [...rows.values()].sort((a, b) => a.tokens[0].page - b.tokens[0].page || a.tokens[0].line - b.tokens[0].line);
  const runs: Candidate[][] = [];
  for (const row of ordered) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (last && last.tokens[0].page === row.tokens[0].page && row.tokens[0].line - last.tokens[0].line <= 2) run.push(row);
    else runs.push([row]);
  }
  runs.push(...[...cells.values()].map((line) => [...line.values()].sort((a, b) => a.tokens[0].index - b.tokens[0].index)));
  const sums: Candidate[] = [];
  for (const run of runs) {
    if (run.length < 2) continue;
    const total = run.reduce((sum, row) => sum.plus(row.amount!), new Decimal(0));
    const withoutLast = total.minus(run[run.length - 1].amount!);
    if (withoutLast.equals(run[run.length - 1].amount!)) continue;
    const score = Math.min(...run.map((row) => row.score)) * 0.8;
    sums.push({ field: 'totalTax', value: formatMoney(total), amount: total, score, tokens: run.flatMap((row) => row.tokens), evidence: `sum of ${run.length} tax rows`, derived: true });
  }
  return sums;
}

/**
 * An amount due other than the gross is explained only by a deduction printed on the page (a deposit, a
 * payment received): gross − deduction = amount due. Without one, either of them is misread.
 */
export function amountDueExplained(due: Decimal, gross: Decimal, printed: readonly Decimal[]): boolean {
  if (due.equals(gross)) return true;
  const gap = gross.abs().minus(due.abs());
  return gap.greaterThan(0) && printed.some((amount) => amount.abs().equals(gap));
}

export { CONTRADICTED as CONTRADICTED_TOTAL_CONFIDENCE };
