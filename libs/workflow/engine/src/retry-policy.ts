import type { ErrorInfo } from '@conveyor/kernel';
import type { BackoffSpec, StepSpec } from '@conveyor/workflow-dsl';

export type FailureDecision = { kind: 'retry'; delayMs: number; nextAttempt: number } | { kind: 'final' };

/**
 * What to do after attempt `attempt` (1-based) of a step failed: try again after a backoff, or give up
 * (the failure is then final and the step's onError policy applies, see planNext).
 * Errors marked `retryable: false` and codes listed in `retry.nonRetryableCodes` are never retried.
 */
export function decideFailure(
  step: StepSpec,
  attempt: number,
  error: ErrorInfo & { retryable?: boolean },
  random: () => number,
): FailureDecision {
  if (error.retryable === false) return { kind: 'final' };
  if (step.retry.nonRetryableCodes.includes(error.code)) return { kind: 'final' };
  if (attempt >= step.retry.attempts) return { kind: 'final' };
  return { kind: 'retry', delayMs: computeBackoff(step.retry.backoff, attempt, random), nextAttempt: attempt + 1 };
}

/**
 * The delay before the attempt after `attempt`, in whole ms.
 * fixed: `delay`; exponential: `delay * 2^(attempt-1)`; both capped at `maxDelay`.
 * Jitter j randomises the last share j of the delay, so the result lies in [d*(1-j), d]
 * (j = 1 is "full jitter"); spreading retries keeps failed steps from hammering a system in lockstep.
 */
export function computeBackoff(backoff: BackoffSpec, attempt: number, random: () => number): number {
  const step = Math.max(1, Math.floor(attempt));
  const uncapped = backoff.type === 'exponential' ? backoff.delay * 2 ** (step - 1) : backoff.delay;
  const delay = Math.max(0, Math.min(uncapped, backoff.maxDelay));
  const jitter = Math.min(1, Math.max(0, backoff.jitter));
  const draw = Math.min(1, Math.max(0, random()));
  return Math.round(delay * (1 - jitter) + draw * delay * jitter);
}
