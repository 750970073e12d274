/** Every threshold and bound of matching, with the defaults used when an option is left out. */
export interface ReconcileOptions {
  /** Payables: an open item is settled by a debit (the default). Receivables: by a credit. */
  direction: 'payables' | 'receivables';
  /** Score from which a match is made without a person (0..1), if no competitor is within `autoMargin`. */
  autoThreshold: number;
  /** Score from which a match is proposed to a person; below it the line is unmatched. */
  suggestThreshold: number;
  /** Lead an auto match needs over the next-best proposal for the same line and for the same items. */
  autoMargin: number;
  /** A payment is expected from `daysBeforeIssue` before the issue date to `daysAfterDue` after the due date. */
  dateWindow: { daysBeforeIssue: number; daysAfterDue: number };
  /**
   * Bank fees: a difference up to this amount (decimal, in the line's currency) is a fee, not a failure. The
   * amount of `feeTolerances` for the currency when it is listed there, else `feeTolerance`.
   */
  feeTolerance: string;
  feeTolerances: Record<string, string>;
  /** Early-payment discount: up to this percentage, paid within `discountDays` of the issue date. */
  discountTolerancePercent: string;
  discountDays: number;
  /** Rates to the statement currency ("1 USD = 0.92 EUR": `{ USD: "0.92" }`), for items in another currency. */
  fxRates: Record<string, string>;
  /** Difference between the converted item and the paid amount explained as FX, in percent. */
  fxTolerancePercent: string;
  /** Bounds of the subset-sum search for one payment settling several items of one party. */
  subsetSum: { maxCandidates: number; maxItems: number; maxSteps: number };
  /** Largest cluster of competing lines solved optimally; larger ones are assigned greedily by score. */
  maxAssignmentCluster: number;
  /** Confirmations after which a learned rule may decide alone (auto). */
  promoteAfterConfirmations: number;
  /** Known payment ids (end-to-end id or bank reference → open item ids), e.g. from our payment-run file. */
  knownReferences: Record<string, string[]>;
}

/**
 * "25.00" means little in yen and a lot in Kuwaiti dinars: the default fee tolerance for currencies far from the
 * euro is about 25 EUR at 2026 rates, rounded. Currencies not listed use `feeTolerance`.
 */
const DEFAULT_FEE_TOLERANCES: Record<string, string> = {
  BHD: '10.000', CNY: '200.00', CZK: '600.00', DKK: '180.00', HUF: '10000.00', INR: '2500.00', JOD: '20.000',
  JPY: '4000', KRW: '40000', KWD: '8.000', NOK: '300.00', OMR: '10.000', PLN: '100.00', SEK: '300.00',
};

export const DEFAULT_RECONCILE_OPTIONS: ReconcileOptions = {
  direction: 'payables',
  autoThreshold: 0.55,
  suggestThreshold: 0.33,
  autoMargin: 0.11,
  dateWindow: { daysBeforeIssue: 5, daysAfterDue: 120 },
  feeTolerance: '25.00',
  feeTolerances: DEFAULT_FEE_TOLERANCES,
  discountTolerancePercent: '3',
  discountDays: 30,
  fxRates: {},
  fxTolerancePercent: '3',
  subsetSum: { maxCandidates: 20, maxItems: 6, maxSteps: 20_000 },
  maxAssignmentCluster: 60,
  promoteAfterConfirmations: 3,
  knownReferences: {},
};

/** The fee tolerance (decimal string) that applies to amounts in `currency`. */
export function feeToleranceFor(options: ReconcileOptions, currency: string): string {
  return options.feeTolerances[currency] ?? options.feeTolerance;
}

export function resolveOptions(options: Partial<ReconcileOptions> | undefined): ReconcileOptions {
  return {
    ...DEFAULT_RECONCILE_OPTIONS,
    ...options,
    dateWindow: { ...DEFAULT_RECONCILE_OPTIONS.dateWindow, ...options?.dateWindow },
    feeTolerances: { ...DEFAULT_RECONCILE_OPTIONS.feeTolerances, ...options?.feeTolerances },
    subsetSum: { ...DEFAULT_RECONCILE_OPTIONS.subsetSum, ...options?.subsetSum },
  };
}
