import type { Reflector } from '@nestjs/core';
import type { Role } from '@conveyor/identity';
import { PUBLIC_ROUTE } from './public-route.decorator';
import { ANY_SIGNED_IN, REQUIRED_ROLES } from './require-roles.decorator';

export type RouteAccess = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: readonly Role[] };

/** Routes that declare nothing: the safe default is the admin role. */
export const DEFAULT_ACCESS: RouteAccess = { kind: 'roles', roles: ['admin'] };

type DecoratedTarget = Parameters<Reflector['get']>[1];

/**
 * Who may call a route, from its decorators: the handler's win over the controller's, and the
 * closest declaration (public or roles) decides.
 */
export function routeAccessOf(reflector: Reflector, handler: DecoratedTarget, controller: DecoratedTarget): RouteAccess {
  for (const target of [handler, controller]) {
    if (reflector.get<boolean | undefined>(PUBLIC_ROUTE, target)) return { kind: 'public' };
    const roles = reflector.get<readonly Role[] | typeof ANY_SIGNED_IN | undefined>(REQUIRED_ROLES, target);
    if (roles === ANY_SIGNED_IN) return { kind: 'signed-in' };
    if (roles) return { kind: 'roles', roles };
  }
  return DEFAULT_ACCESS;
}
