/** The portal's session: the same opaque token as the Bearer one, in an httpOnly cookie scripts cannot read. */
export const SESSION_COOKIE = 'conveyor_session';

export interface SessionCookieOptions {
  /** Only over HTTPS (production). */
  secure: boolean;
}

export function readSessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1 || part.slice(0, separator).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Lax: sent when the user follows a link to the portal, not with cross-site form posts. */
export function sessionCookie(token: string, expiresAt: Date, options: SessionCookieOptions): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', `Expires=${expiresAt.toUTCString()}`, ...(options.secure ? ['Secure'] : [])];
  return [`${SESSION_COOKIE}=${encodeURIComponent(token)}`, ...attributes].join('; ');
}

export function clearedSessionCookie(options: SessionCookieOptions): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT', ...(options.secure ? ['Secure'] : [])].join('; ');
}
