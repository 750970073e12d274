import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@conveyor/kernel';
import type { ConveyorConfig } from '@conveyor/config';
import type { ApiRequest } from '../http-types';
import type { Principal } from './principal';

export type AccessMode = 'token' | 'open';

/** How a request's principal is found (RequestAuthenticator, attached by the API module once the platform is known). */
export interface RequestAuthentication {
  authenticate(request: ApiRequest): Promise<Principal | undefined>;
}

/**
 * The admin token (CONVEYOR_ADMIN_TOKEN): the machine bootstrap credential, role admin. Without one
 * (refused in production) access is 'open' until the first user exists.
 */
export class AdminTokenAuthenticator {
  private readonly tokenDigest: Buffer | undefined;
  /**
   * Set by the API module: the authentication of users, API keys and the admin token together. Kept
   * here because what is mounted outside Nest's routing (bull-board) receives only this object.
   */
  requestAuthentication: RequestAuthentication | undefined;

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

  /** True when `presented` is the admin token. */
  matches(presented: string): boolean {
    if (this.tokenDigest === undefined) return false;
    // Comparing fixed-length digests keeps the comparison constant-time whatever the length presented.
    return timingSafeEqual(digest(presented), this.tokenDigest);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
