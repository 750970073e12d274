/** A signed-in browser or client. The token itself is never stored, only its hash. */
export interface SessionRecord {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}

export function isSessionUsable(session: SessionRecord, now: Date): boolean {
  return session.revokedAt === null && session.expiresAt > now;
}
