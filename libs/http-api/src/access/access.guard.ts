import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@conveyor/kernel';
import type { ApiRequest } from '../http-types';
import { AdminTokenAuthenticator } from './admin-token.authenticator';
import { PUBLIC_ROUTE } from './public-route.decorator';

/**
 * Global guard: every route needs credentials unless marked @PublicRoute(). It records the caller on
 * the request (see @CurrentActor). Role checks (issue 3) belong here, read from route metadata.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(AdminTokenAuthenticator) private readonly authenticator: AdminTokenAuthenticator,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const principal = this.authenticator.authenticate(request.headers.authorization);
    if (principal) {
      request.principal = principal;
      return true;
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    throw new DomainError(
      'UNAUTHENTICATED',
      request.headers.authorization
        ? 'The token in the Authorization header is not valid'
        : 'This API needs an "Authorization: Bearer <CONVEYOR_ADMIN_TOKEN>" header',
    );
  }
}
