import { tokenKindOf } from '@conveyor/identity';
import type { ApiRequest } from '../http-types';
import { readSessionCookie } from './session-cookie';

export type CredentialSource = 'bearer' | 'basic' | 'cookie';

export interface PresentedCredential {
  token: string;
  source: CredentialSource;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The secrets a request carries, most explicit first: `Authorization: Bearer <token>` (API, CLI,
 * Prometheus), `Basic` with the token as password (a browser opening /admin/queues), then the
 * conveyor_session cookie (the portal). The cookie is ignored on a state-changing request from a
 * foreign origin (cross-site request forgery; SameSite=Lax already stops most of them).
 */
export function presentedCredentials(request: ApiRequest): PresentedCredential[] {
  const found: PresentedCredential[] = [];
  const fromHeader = fromAuthorization(request.headers.authorization);
  if (fromHeader) found.push(fromHeader);
  const cookie = readSessionCookie(request.headers.cookie);
  if (cookie && !isCrossOriginWrite(request)) found.push({ token: cookie, source: 'cookie' });
  return found;
}

function fromAuthorization(authorization: string | undefined): PresentedCredential | undefined {
  if (!authorization) return undefined;
  const match = /^(\S+)\s+(.+)$/.exec(authorization.trim());
  if (!match) return undefined;
  const [, scheme, credentials] = match;
  if (scheme.toLowerCase() === 'bearer') return { token: credentials, source: 'bearer' };
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon === -1 ? undefined : { token: decoded.slice(colon + 1), source: 'basic' };
  }
  return undefined;
}

function isCrossOriginWrite(request: ApiRequest): boolean {
  if (SAFE_METHODS.has((request.method ?? 'GET').toUpperCase())) return false;
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/** The session token the request carries (what logout ends), if any. */
export function presentedSessionToken(request: ApiRequest): string | undefined {
  return presentedCredentials(request).find((credential) => tokenKindOf(credential.token) === 'session')?.token;
}
