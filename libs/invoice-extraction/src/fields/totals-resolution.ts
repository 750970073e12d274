import Decimal from 'decimal.js';
import { confidenceOf, type ValueGroup } from './field-resolution';

export type TotalName = 'totalNet' | 'totalTax' | 'totalGross';

export interface ResolvedTotals {
  readonly chosen: Partial<Record<TotalName, { group: ValueGroup; confidence: number }>>;
  /** The three were found and net + tax = gross exactly. */
  readonly consistent: boolean;
}

/**
 * Chooses net, tax and gross together: each combination of their strongest candidates (or none) is scored by
 * their support, and one where net + tax = gross earns a bonus; so "Subtotaal 717,97" loses to
 * "Exclusief BTW 593,36" when 593,36 + 124,61 = 717,97. Agreement raises the confidence of all three.
 */
export function resolveTotals(groups: Record<TotalName, readonly ValueGroup[]>): ResolvedTotals {
  const options = (name: TotalName): (ValueGroup | undefined)[] => [undefined, ...groups[name].slice(0, 4)];
  let best: { net?: ValueGroup; tax?: ValueGroup; gross?: ValueGroup; score: number; consistent: boolean } = { score: -1, consistent: false };
  for (const net of options('totalNet')) {
    for (const tax of options('totalTax')) {
      for (const gross of options('totalGross')) {
        if (net && gross && net.value === gross.value && tax && !new Decimal(tax.value).isZero()) continue;
        const consistent = Boolean(net && tax && gross && new Decimal(net.value).plus(tax.value).equals(gross.value));
        const plausible = !(net && gross && new Decimal(gross.value).abs().lessThan(new Decimal(net.value).abs()));
        const score = (net?.support ?? 0) + (tax?.support ?? 0) + (gross?.support ?? 0) + (consistent ? 0.9 : 0) - (plausible ? 0 : 0.5);
        if (score > best.score) best = { net, tax, gross, score, consistent };
      }
    }
  }
  const chosen: ResolvedTotals['chosen'] = {};
  const set = (name: TotalName, group: ValueGroup | undefined) => {
    if (!group) return;
    const base = confidenceOf(group, groups[name]);
    chosen[name] = { group, confidence: best.consistent ? 1 - (1 - Math.max(base, 0.5)) * 0.3 : base };
  };
  set('totalNet', best.net);
  set('totalTax', best.tax);
  set('totalGross', best.gross);
  return { chosen, consistent: best.consistent };
}
