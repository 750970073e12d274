/** After `maxFailures` wrong passwords in a row, sign-in is refused for `lockoutMs`, even with the right one. */
export interface LockoutPolicy {
  maxFailures: number;
  lockoutMs: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 5, lockoutMs: 15 * 60_000 };

export interface LoginAttemptState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export function isLockedOut(state: LoginAttemptState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/**
 * The state after a wrong password. Reaching the limit locks and restarts the count, so the next
 * lockout needs another full series. Attempts while locked change nothing: an attacker hammering a
 * locked account cannot keep its owner out longer than one lockout.
 */
export function afterFailedLogin(state: LoginAttemptState, now: Date, policy: LockoutPolicy): LoginAttemptState {
  if (isLockedOut(state, now)) return state;
  const failures = state.failedLogins + 1;
  if (failures >= policy.maxFailures) return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMs) };
  return { failedLogins: failures, lockedUntil: null };
}

export const CLEAN_LOGIN_STATE: LoginAttemptState = Object.freeze({ failedLogins: 0, lockedUntil: null });

/**
 * Failed attempts for emails that belong to nobody, kept in memory so that they lock exactly like real
 * accounts: otherwise "locked after 5 tries" would tell an attacker which emails exist. Bounded: the
 * oldest entries go first when an attacker sprays many addresses.
 */
export class UnknownEmailAttempts {
  private readonly states = new Map<string, LoginAttemptState>();

  constructor(private readonly maxEntries = 10_000) {}

  get(email: string): LoginAttemptState {
    return this.states.get(email) ?? CLEAN_LOGIN_STATE;
  }

  set(email: string, state: LoginAttemptState): void {
    this.states.delete(email);
    this.states.set(email, state);
    if (this.states.size > this.maxEntries) {
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
  }
}
