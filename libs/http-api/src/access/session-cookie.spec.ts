import { clearedSessionCookie, readSessionCookie, sessionCookie } from './session-cookie';

describe('session cookie', () => {
  it('is httpOnly, Lax, for the whole site, expiring with the session; Secure when asked', () => {
    const expires = new Date('2026-01-05T21:00:00Z');
    expect(sessionCookie('cvs_abc', expires, { secure: false })).toBe(
      'conveyor_session=cvs_abc; Path=/; HttpOnly; SameSite=Lax; Expires=Mon, 05 Jan 2026 21:00:00 GMT',
    );
    expect(sessionCookie('cvs_abc', expires, { secure: true })).toMatch(/; Secure$/);
    expect(clearedSessionCookie({ secure: false })).toBe('conveyor_session=; Path=/; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  });

  it('reads back what it wrote', () => {
    const written = sessionCookie('cvs_a-b_c', new Date(), { secure: false }).split(';')[0];
    expect(readSessionCookie(`x=1; ${written}`)).toBe('cvs_a-b_c');
    expect(readSessionCookie('conveyor_session=%E0%A4%A')).toBeUndefined();
    expect(readSessionCookie(undefined)).toBeUndefined();
  });
});
