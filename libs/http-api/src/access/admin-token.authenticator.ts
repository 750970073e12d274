import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@conveyor/kernel';
import type { ConveyorConfig } from '@conveyor/config';
import { ADMIN_PRINCIPAL, ANONYMOUS_ADMIN, type Principal } from './principal';

export type AccessMode = 'token' | 'open';

/**
 * Checks the Authorization header against CONVEYOR_ADMIN_TOKEN. Accepts `Bearer <token>` (API, CLI,
 * Prometheus) and `Basic` with the token as password (so a browser can open /admin/queues).
 */
export class AdminTokenAuthenticator {
  private readonly tokenDigest: Buffer | undefined;

  constructor(token: string | undefined) {
    this.tokenDigest = token === undefined ? undefined : digest(token);
  }

  /** Refuses an open API in production: anyone could start workflows. */
  static fromConfig(config: ConveyorConfig): AdminTokenAuthenticator {
    if (config.CONVEYOR_ADMIN_TOKEN === undefined && config.NODE_ENV === 'production') {
      throw new DomainError(
        'ADMIN_TOKEN_REQUIRED',
        'Refusing to start the API: NODE_ENV is production and CONVEYOR_ADMIN_TOKEN is not set, so anyone could ' +
          'run workflows. Set CONVEYOR_ADMIN_TOKEN to a secret of at least 16 characters.',
      );
    }
    return new AdminTokenAuthenticator(config.CONVEYOR_ADMIN_TOKEN);
  }

  get mode(): AccessMode {
    return this.tokenDigest === undefined ? 'open' : 'token';
  }

  /** The caller, or undefined when the header carries no valid credentials (and access is not open). */
  authenticate(authorization: string | undefined): Principal | undefined {
    if (this.tokenDigest === undefined) return ANONYMOUS_ADMIN;
    const presented = presentedToken(authorization);
    if (presented === undefined) return undefined;
    // Comparing fixed-length digests keeps the comparison constant-time whatever the length presented.
    return timingSafeEqual(digest(presented), this.tokenDigest) ? ADMIN_PRINCIPAL : undefined;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function presentedToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^(\S+)\s+(.+)$/.exec(authorization.trim());
  if (!match) return undefined;
  const [, scheme, credentials] = match;
  if (scheme.toLowerCase() === 'bearer') return credentials;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon === -1 ? undefined : decoded.slice(colon + 1);
  }
  return undefined;
}
