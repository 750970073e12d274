import { DomainError } from '@conveyor/kernel';
import { compareAmounts, toDecimalText } from './decimal-amount';
import type { Assignees } from './task.model';

/** One row of a delegation-of-authority table: amounts up to `upTo` (inclusive) go to `assignees`. */
export interface AuthorityBand {
  /** Inclusive upper limit; the last band may leave it out to catch every larger amount. */
  upTo?: string;
  assignees: Assignees;
  /** How many distinct approvers this band needs (overrides the step's `approvals`). */
  approvals?: number;
}

export interface AuthorityTable {
  amount: string;
  currency?: string;
  bands: AuthorityBand[];
}

export interface AuthorityRoute {
  band: number;
  assignees: Assignees;
  approvals?: number;
}

/**
 * Problems with the shape of a table: limits must rise strictly, and only the last band may be open-ended.
 * Kept separate from routing so a workflow is refused at publish time, not when the first large invoice comes.
 */
export function authorityTableProblems(bands: readonly { upTo?: string }[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  bands.forEach((band, index) => {
    const isLast = index === bands.length - 1;
    if (band.upTo === undefined) {
      if (!isLast) problems.push({ index, message: 'only the last band may leave out upTo' });
      return;
    }
    const previous = bands[index - 1]?.upTo;
    if (previous !== undefined && compareAmounts(band.upTo, previous) <= 0) {
      problems.push({ index, message: `upTo ${band.upTo} must be greater than the previous band's ${previous}` });
    }
  });
  return problems;
}

/** The first band whose upTo is at least the amount (compared as exact decimals); else the open-ended last band. */
export function routeByAmount(table: AuthorityTable): AuthorityRoute {
  const amount = toDecimalText(table.amount);
  const index = table.bands.findIndex((band) => band.upTo === undefined || compareAmounts(amount, band.upTo) <= 0);
  if (index < 0) {
    const highest = table.bands[table.bands.length - 1]?.upTo;
    throw new DomainError(
      'BAD_STEP_INPUT',
      `The amount ${amount}${table.currency ? ` ${table.currency}` : ''} is above every authority band (the highest goes up to ${highest}); add a last band without upTo`,
      { amount, highest },
    );
  }
  const band = table.bands[index];
  return { band: index, assignees: band.assignees, ...(band.approvals !== undefined ? { approvals: band.approvals } : {}) };
}
