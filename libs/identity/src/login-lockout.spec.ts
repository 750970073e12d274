import { afterFailedLogin, isLockedOut, UnknownEmailAttempts, type LoginAttemptState } from './login-lockout';

const policy = { maxFailures: 5, lockoutMs: 15 * 60_000 };
const start = new Date('2026-01-05T09:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('login lockout', () => {
  it('locks for 15 minutes at the fifth failure in a row, and counts again from zero afterwards', () => {
    let state: LoginAttemptState = { failedLogins: 0, lockedUntil: null };
    for (let attempt = 1; attempt <= 4; attempt++) {
      state = afterFailedLogin(state, start, policy);
      expect(state).toEqual({ failedLogins: attempt, lockedUntil: null });
      expect(isLockedOut(state, start)).toBe(false);
    }
    state = afterFailedLogin(state, start, policy);
    expect(state).toEqual({ failedLogins: 0, lockedUntil: at(15) });
    expect(isLockedOut(state, at(14.9))).toBe(true);
    expect(isLockedOut(state, at(15))).toBe(false);
    const afterLock = afterFailedLogin(state, at(16), policy);
    expect(afterLock).toEqual({ failedLogins: 1, lockedUntil: null });
  });

  it('does not extend a lockout for attempts made while locked', () => {
    const locked = { failedLogins: 0, lockedUntil: at(15) };
    expect(afterFailedLogin(locked, at(10), policy)).toBe(locked);
  });

  it('honours other limits', () => {
    expect(afterFailedLogin({ failedLogins: 0, lockedUntil: null }, start, { maxFailures: 1, lockoutMs: 1000 })).toEqual({
      failedLogins: 0,
      lockedUntil: new Date(start.getTime() + 1000),
    });
  });

  it('remembers unknown emails in a bounded map', () => {
    const attempts = new UnknownEmailAttempts(2);
    expect(attempts.get('a@x.org')).toEqual({ failedLogins: 0, lockedUntil: null });
    attempts.set('a@x.org', { failedLogins: 1, lockedUntil: null });
    attempts.set('b@x.org', { failedLogins: 2, lockedUntil: null });
    expect(attempts.get('a@x.org').failedLogins).toBe(1);
    attempts.set('a@x.org', { failedLogins: 3, lockedUntil: null });
    attempts.set('c@x.org', { failedLogins: 1, lockedUntil: null });
    expect(attempts.get('b@x.org').failedLogins).toBe(0);
    expect(attempts.get('a@x.org').failedLogins).toBe(3);
    expect(attempts.get('c@x.org').failedLogins).toBe(1);
  });
});
