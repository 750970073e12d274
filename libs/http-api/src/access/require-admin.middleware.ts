import { hasAnyRole } from '@conveyor/identity';
import type { ApiRequest, ApiResponse } from '../http-types';
import type { AdminTokenAuthenticator } from './admin-token.authenticator';

/**
 * The guard for what is mounted outside Nest's routing (bull-board): role admin, by any credential the
 * API accepts. A browser is asked for Basic credentials (any user name; the admin token or an API key as
 * password), or arrives with the portal's session cookie.
 */
export function requireAdmin(authenticator: AdminTokenAuthenticator) {
  return (request: ApiRequest, response: ApiResponse, next: () => void): void => {
    const authentication = authenticator.requestAuthentication;
    if (!authentication) {
      internalError(response);
      return;
    }
    authentication.authenticate(request).then((principal) => {
      if (principal && hasAnyRole(principal, ['admin'])) {
        next();
        return;
      }
      if (principal) {
        response.status(403).json({ status: 403, error: { code: 'FORBIDDEN', message: 'The queue dashboard needs the role admin' } });
        return;
      }
      response.setHeader('WWW-Authenticate', 'Basic realm="conveyor admin", charset="UTF-8"');
      response.status(401).json({
        status: 401,
        error: { code: 'UNAUTHENTICATED', message: 'The queue dashboard needs an admin: sign in, or use Basic with the admin token or an API key as password' },
      });
    }, () => internalError(response));
  };
}

/** Only when the API module was not built (a bug) or the database failed: no details to the browser. */
function internalError(response: ApiResponse): void {
  if (response.headersSent) return;
  response.status(500).json({ status: 500, error: { code: 'INTERNAL', message: 'Could not check the credentials; the server log has the details' } });
}
