import { createHash, randomBytes } from 'node:crypto';

/** Session tokens and API keys carry a prefix, so a presented token says where to look it up. */
export const SESSION_TOKEN_PREFIX = 'cvs_';
export const API_KEY_PREFIX = 'cvk_';

export type TokenKind = 'session' | 'api-key';

/** 32 random bytes (256 bits), URL-safe: a secret only its holder knows. */
export function newOpaqueToken(kind: TokenKind): string {
  return (kind === 'session' ? SESSION_TOKEN_PREFIX : API_KEY_PREFIX) + randomBytes(32).toString('base64url');
}

/**
 * What is stored instead of the token: its SHA-256, hex. The tokens are long random values, so a fast
 * hash suffices (nothing to brute-force) and lets the lookup be an indexed equality.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Which kind of token this looks like; undefined for anything else (e.g. the admin token). */
export function tokenKindOf(token: string): TokenKind | undefined {
  if (token.startsWith(SESSION_TOKEN_PREFIX)) return 'session';
  if (token.startsWith(API_KEY_PREFIX)) return 'api-key';
  return undefined;
}
