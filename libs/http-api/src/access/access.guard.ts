import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasAnyRole } from '@conveyor/identity';
import { DomainError } from '@conveyor/kernel';
import type { ApiRequest } from '../http-types';
import { presentedCredentials } from './presented-credentials';
import { RequestAuthenticator } from './request-authenticator';
import { routeAccessOf } from './route-access';

/**
 * Global guard: finds the caller (RequestAuthenticator), puts them on the request (see @CurrentActor)
 * and checks the route's roles (@RequireRoles; admin when a route declares nothing). Public routes
 * (@PublicRoute) are not authenticated at all.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(RequestAuthenticator) private readonly authenticator: RequestAuthenticator,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = routeAccessOf(this.reflector, context.getHandler(), context.getClass());
    if (access.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const principal = await this.authenticator.authenticate(request);
    if (!principal) {
      throw new DomainError(
        'UNAUTHENTICATED',
        presentedCredentials(request).length > 0
          ? 'The credentials presented are not valid (wrong, expired or revoked)'
          : 'Sign in first (POST /api/auth/login) and send "Authorization: Bearer <token>", or use an API key or the admin token',
      );
    }
    request.principal = principal;
    if (access.kind === 'roles' && !hasAnyRole(principal, access.roles)) {
      throw new DomainError('FORBIDDEN', `This needs the role ${access.roles.join(' or ')}; you have ${principal.roles.join(', ') || 'no role'}`, {
        required: [...access.roles],
        roles: [...principal.roles],
      });
    }
    return true;
  }
}
