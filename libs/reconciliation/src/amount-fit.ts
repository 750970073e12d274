import Decimal from 'decimal.js';
import { currencyDigits } from '@conveyor/kernel';
import { decimalToMinorRounded, fromMinorUnits } from './minor-units';
import { feeToleranceFor, type ReconcileOptions } from './reconcile-options';

/**
 * How the paid amount relates to what was open: equal, off by a bank fee, short by an early-payment discount,
 * converted from another currency (FX), or genuinely under- or overpaid. Differences inside tolerance are
 * explained, not failed.
 */
export type AmountFitKind = 'exact' | 'fee' | 'discount' | 'fx' | 'fx-unrated' | 'underpaid' | 'overpaid';

export interface AmountFit {
  kind: AmountFitKind;
  /** Paid minus open, in the line's minor units (null when the currencies differ and no rate is known). */
  differenceMinor: number | null;
  /** Rendered only for the proposals that are kept: most candidate pairs are scored and dropped. */
  reason: () => string;
}

/** Tolerances in the units the comparisons use, worked out once per run and currency. */
export interface Tolerances {
  feeMinor: (currency: string) => number;
  discountBasisPoints: number;
  fxBasisPoints: number;
}

export function toleranceOf(options: ReconcileOptions): Tolerances {
  const fees = new Map<string, number>();
  return {
    feeMinor: (currency) => {
      let fee = fees.get(currency);
      if (fee === undefined) fees.set(currency, (fee = decimalToMinorRounded(feeToleranceFor(options, currency), currency)));
      return fee;
    },
    discountBasisPoints: new Decimal(options.discountTolerancePercent).times(100).floor().toNumber(),
    fxBasisPoints: new Decimal(options.fxTolerancePercent).times(100).floor().toNumber(),
  };
}

/**
 * part ≤ whole × basisPoints / 10000 plus one minor unit (a discounted amount is rounded to the cent), in exact
 * arithmetic (BigInt past the safe range).
 */
function withinShare(part: number, whole: number, basisPoints: number): boolean {
  const left = part * 10_000;
  const right = whole * basisPoints + 10_000;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left <= right;
  return BigInt(part) * 10_000n <= BigInt(whole) * BigInt(basisPoints) + 10_000n;
}

export interface AmountContext {
  payMinor: number;
  lineCurrency: string;
  openMinor: number;
  itemCurrency: string;
  payDay: number | null;
  issueDay: number | null;
}

export function fitAmount(context: AmountContext, options: ReconcileOptions, tolerances: Tolerances): AmountFit {
  const { payMinor, lineCurrency, openMinor, itemCurrency } = context;
  const money = (minor: number): string => `${fromMinorUnits(minor, lineCurrency)} ${lineCurrency}`;
  if (itemCurrency !== lineCurrency) return fitForeignAmount(context, options, tolerances);
  const difference = payMinor - openMinor;
  if (difference === 0) return { kind: 'exact', differenceMinor: 0, reason: () => `amount equals the open ${money(openMinor)}` };
  const discountInTime = context.payDay === null || context.issueDay === null || context.payDay - context.issueDay <= options.discountDays;
  // A short payment of a round percentage in time is a discount even when a fee could explain it.
  const roundPercent = difference < 0 && openMinor > 0 && isRoundPercentage(-difference, openMinor);
  if (Math.abs(difference) <= tolerances.feeMinor(lineCurrency) && !(roundPercent && discountInTime && withinShare(-difference, openMinor, tolerances.discountBasisPoints))) {
    return { kind: 'fee', differenceMinor: difference, reason: () => `differs by ${money(difference)}: bank fee within tolerance ${feeToleranceFor(options, lineCurrency)} ${lineCurrency}` };
  }
  if (difference < 0 && openMinor > 0) {
    if (discountInTime && withinShare(-difference, openMinor, tolerances.discountBasisPoints)) {
      return {
        kind: 'discount',
        differenceMinor: difference,
        reason: () =>
          `paid ${new Decimal(-difference).times(100).dividedBy(openMinor).toDecimalPlaces(2).toString()}% less within ${options.discountDays} days of the invoice: early-payment discount (tolerance ${options.discountTolerancePercent}%)`,
      };
    }
    return { kind: 'underpaid', differenceMinor: difference, reason: () => `paid ${money(-difference)} less than the open ${money(openMinor)}` };
  }
  return { kind: 'overpaid', differenceMinor: difference, reason: () => `paid ${money(difference)} more than the open ${money(openMinor)}` };
}

function fitForeignAmount(context: AmountContext, options: ReconcileOptions, tolerances: Tolerances): AmountFit {
  const { payMinor, lineCurrency, openMinor, itemCurrency } = context;
  const rate = options.fxRates[itemCurrency];
  const open = `${fromMinorUnits(openMinor, itemCurrency)} ${itemCurrency}`;
  if (rate === undefined) {
    return { kind: 'fx-unrated', differenceMinor: null, reason: () => `item is in ${itemCurrency}, paid in ${lineCurrency}; no rate configured, amount not compared` };
  }
  const convertedMinor = convertMinor(openMinor, itemCurrency, lineCurrency, rate);
  const difference = payMinor - convertedMinor;
  const percent = (): string =>
    (convertedMinor === 0 ? new Decimal(100) : new Decimal(Math.abs(difference)).times(100).dividedBy(convertedMinor)).toDecimalPlaces(2).toString();
  const converted = (): string => `${fromMinorUnits(convertedMinor, lineCurrency)} ${lineCurrency}`;
  if (convertedMinor > 0 && withinShare(Math.abs(difference), convertedMinor, tolerances.fxBasisPoints)) {
    return {
      kind: 'fx',
      differenceMinor: difference,
      reason: () => `${open} at ${rate} is ${converted()}; paid differs by ${percent()}%: FX difference within ${options.fxTolerancePercent}%`,
    };
  }
  return {
    kind: difference < 0 ? 'underpaid' : 'overpaid',
    differenceMinor: difference,
    reason: () => `${open} at ${rate} is ${converted()}; paid differs by ${percent()}%, beyond the FX tolerance`,
  };
}

/** Is `part` a multiple of half a percent of `whole`, give or take the rounding to one minor unit? */
function isRoundPercentage(part: number, whole: number): boolean {
  const halfPercents = Math.round((part * 200) / whole);
  return halfPercents > 0 && Math.abs(Math.round((whole * halfPercents) / 200) - part) <= 1;
}

/** An amount in another currency's minor units at a rate ("1 USD = 0.92 EUR"), rounded half-up. */
export function convertMinor(minor: number, from: string, to: string, rate: string): number {
  return new Decimal(minor)
    .times(rate)
    .times(new Decimal(10).pow(currencyDigits(to) - currencyDigits(from)))
    .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
    .toNumber();
}

export const AMOUNT_EXPLAINED: ReadonlySet<AmountFitKind> = new Set(['exact', 'fee', 'discount', 'fx']);
