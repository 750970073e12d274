import type { IdentityService } from '@conveyor/identity';
import type { ApiRequest } from '../http-types';
import type { AdminTokenAuthenticator, RequestAuthentication } from './admin-token.authenticator';
import { presentedCredentials } from './presented-credentials';
import { ADMIN_PRINCIPAL, ANONYMOUS_ADMIN, requestPrincipal, type Principal } from './principal';

/**
 * Finds the caller of a request: the admin token, a session token (Bearer or cookie) or an API key.
 * Without an admin token (development, tests) and before the first user exists, everyone is the
 * anonymous admin; from the first user on, everyone has to sign in.
 */
export class RequestAuthenticator implements RequestAuthentication {
  /** Users are never deleted (only disabled): once there is one, there always is. */
  private usersExist = false;

  constructor(
    private readonly adminToken: AdminTokenAuthenticator,
    private readonly identity: Pick<IdentityService, 'authenticate' | 'hasUsers'>,
  ) {}

  /** Builds one and hands it to the admin-token authenticator, where bull-board's guard finds it. */
  static attach(adminToken: AdminTokenAuthenticator, identity: Pick<IdentityService, 'authenticate' | 'hasUsers'>): RequestAuthenticator {
    const authenticator = new RequestAuthenticator(adminToken, identity);
    adminToken.requestAuthentication = authenticator;
    return authenticator;
  }

  async authenticate(request: ApiRequest): Promise<Principal | undefined> {
    for (const credential of presentedCredentials(request)) {
      if (this.adminToken.matches(credential.token)) return ADMIN_PRINCIPAL;
      const principal = await this.identity.authenticate(credential.token);
      if (principal) return requestPrincipal(principal);
    }
    if (this.adminToken.mode === 'open' && !(await this.anyUsers())) return ANONYMOUS_ADMIN;
    return undefined;
  }

  private async anyUsers(): Promise<boolean> {
    this.usersExist ||= await this.identity.hasUsers();
    return this.usersExist;
  }
}
