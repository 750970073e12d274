import type { ApiRequest, ApiResponse } from '../http-types';
import type { AdminTokenAuthenticator } from './admin-token.authenticator';

/**
 * The guard for what is mounted outside Nest's routing (bull-board). Asks the browser for Basic
 * credentials (any user name, the admin token as password).
 */
export function requireAdmin(authenticator: AdminTokenAuthenticator) {
  return (request: ApiRequest, response: ApiResponse, next: () => void): void => {
    if (authenticator.authenticate(request.headers.authorization)) {
      next();
      return;
    }
    response.setHeader('WWW-Authenticate', 'Basic realm="conveyor admin", charset="UTF-8"');
    response.status(401).json({
      status: 401,
      error: { code: 'UNAUTHENTICATED', message: 'The queue dashboard needs the admin token (Bearer, or Basic with the token as password)' },
    });
  };
}
