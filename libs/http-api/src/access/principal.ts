import { ADMIN_TOKEN_PRINCIPAL, actorIdOf, type Principal as IdentityPrincipal } from '@conveyor/identity';
import type { Actor } from '@conveyor/workflow-runtime';

/** Who is calling (see @conveyor/identity), with the actor recorded for what they do. */
export interface Principal extends IdentityPrincipal {
  actor: Actor;
}

export function requestPrincipal(principal: IdentityPrincipal): Principal {
  return { ...principal, actor: { id: actorIdOf(principal) } };
}

/** The holder of CONVEYOR_ADMIN_TOKEN. */
export const ADMIN_PRINCIPAL: Principal = requestPrincipal(ADMIN_TOKEN_PRINCIPAL);

/** Development or tests without a token and before anyone has an account: everyone is an admin, recorded as anonymous. */
export const ANONYMOUS_ADMIN: Principal = {
  kind: 'user',
  id: 'anonymous',
  displayName: 'anonymous (open development mode)',
  roles: ['admin'],
  groups: [],
  actor: { id: 'user:anonymous' },
};
