import type { Actor } from '@conveyor/workflow-runtime';

/**
 * Who is calling. Today there is one role ('admin': the holder of CONVEYOR_ADMIN_TOKEN, or anyone
 * in an open development setup); people, API keys and finer roles arrive with issue 3 and plug in here.
 */
export interface Principal {
  actor: Actor;
  roles: readonly string[];
}

export const ADMIN_PRINCIPAL: Principal = { actor: { id: 'api-key:admin' }, roles: ['admin'] };
/** Development without a token: everyone is an admin, recorded as anonymous. */
export const ANONYMOUS_ADMIN: Principal = { actor: { id: 'user:anonymous' }, roles: ['admin'] };
