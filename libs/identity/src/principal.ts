import type { Role } from './role';

/** How the caller proved who they are. */
export type PrincipalKind = 'user' | 'api-key' | 'admin-token';

/** Who is calling: a signed-in person, a machine with an API key, or the holder of the admin token. */
export interface Principal {
  kind: PrincipalKind;
  /** The user's or API key's id; 'admin' for the admin token. */
  id: string;
  displayName: string;
  roles: readonly Role[];
  /** Teams a person belongs to (approvals assign tasks to groups); machines have none. */
  groups: readonly string[];
}

/** The holder of CONVEYOR_ADMIN_TOKEN: the machine bootstrap credential. */
export const ADMIN_TOKEN_PRINCIPAL: Principal = Object.freeze({
  kind: 'admin-token',
  id: 'admin',
  displayName: 'admin token',
  roles: Object.freeze(['admin'] as Role[]),
  groups: Object.freeze([] as string[]),
});

/** True when the principal holds at least one of `roles`. */
export function hasAnyRole(principal: Pick<Principal, 'roles'>, roles: readonly Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}

/** The id recorded as "who" in run events and the audit trail: user:<id>, api-key:<id>, api-key:admin. */
export function actorIdOf(principal: Pick<Principal, 'kind' | 'id'>): string {
  return principal.kind === 'user' ? `user:${principal.id}` : `api-key:${principal.id}`;
}
