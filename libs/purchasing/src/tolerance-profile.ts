import Decimal from 'decimal.js';

/** How far a value may be above or below the order: an absolute and a percentage limit; the larger allowance wins. */
export interface ToleranceLimit {
  /** Allowed excess in the value's own unit (currency for prices, units for quantities). */
  absoluteOver: string;
  absoluteUnder: string;
  /** Allowed excess in percent of the ordered value. */
  percentOver: string;
  percentUnder: string;
}

export interface ToleranceProfile {
  price: ToleranceLimit;
  quantity: ToleranceLimit;
  /** A net difference up to this amount (invoice currency) is posted as a write-off instead of blocking. */
  writeOffLimit: string;
}

/** Profiles at company level, overridden per vendor and per spend category (most specific wins: category, vendor, company). */
export interface TolerancePolicy {
  company: ToleranceProfile;
  vendors?: Record<string, Partial<ToleranceProfile>>;
  categories?: Record<string, Partial<ToleranceProfile>>;
}

export const STRICT_LIMIT: ToleranceLimit = { absoluteOver: '0', absoluteUnder: '0', percentOver: '0', percentUnder: '0' };

export const DEFAULT_TOLERANCE_POLICY: TolerancePolicy = {
  company: {
    price: { absoluteOver: '0.01', absoluteUnder: '0.01', percentOver: '2', percentUnder: '5' },
    quantity: STRICT_LIMIT,
    writeOffLimit: '1.00',
  },
};

export function toleranceFor(policy: TolerancePolicy, vendorId: string | null, category: string | null): ToleranceProfile {
  const vendor = vendorId ? policy.vendors?.[vendorId] : undefined;
  const byCategory = category ? policy.categories?.[category] : undefined;
  return { ...policy.company, ...vendor, ...byCategory };
}

export type Deviation = 'within' | 'over' | 'under';

/** Whether `actual` deviates from `expected` beyond the limit; the allowance is the larger of absolute and percent. */
export function deviation(actual: Decimal, expected: Decimal, limit: ToleranceLimit): Deviation {
  const difference = actual.minus(expected);
  if (difference.isZero()) return 'within';
  const over = difference.isPositive();
  const absolute = new Decimal(over ? limit.absoluteOver : limit.absoluteUnder);
  const percent = expected.abs().times(over ? limit.percentOver : limit.percentUnder).dividedBy(100);
  const allowance = Decimal.max(absolute, percent);
  if (difference.abs().lessThanOrEqualTo(allowance)) return 'within';
  return over ? 'over' : 'under';
}
