import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@conveyor/workflow-runtime';
import type { ApiRequest } from '../http-types';
import { ANONYMOUS_ADMIN, type Principal } from './principal';

/** The actor recorded in the run's event log for this request (set by AccessGuard). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<ApiRequest>();
  return request.principal?.actor ?? ANONYMOUS_ADMIN.actor;
});

/** The caller (set by AccessGuard); routes behind the guard always have one. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<ApiRequest>();
  return request.principal ?? ANONYMOUS_ADMIN;
});
