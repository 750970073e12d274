import { SetMetadata } from '@nestjs/common';
import type { Role } from '@conveyor/identity';

export const REQUIRED_ROLES = 'conveyor:required-roles';
/** Stands for "any signed-in caller, whatever their roles" in REQUIRED_ROLES. */
export const ANY_SIGNED_IN = '*';

/**
 * The roles that may call a route (any one of them suffices). On a handler it overrides the
 * controller's. A route with neither this nor @PublicRoute() needs the admin role.
 */
export const RequireRoles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/** Any caller who proved who they are, whatever their roles (e.g. "who am I", sign out). */
export const RequireSignIn = (): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, ANY_SIGNED_IN);
