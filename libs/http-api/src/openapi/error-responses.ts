import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { apiErrorSchema } from '@conveyor/api-contracts';
import { openApiSchema } from './json-schema';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request (code BAD_REQUEST or MALFORMED_JSON)',
  401: 'Missing, expired or wrong credentials (code UNAUTHENTICATED)',
  404: 'Not found (code *_NOT_FOUND)',
  409: 'Conflicts with the current state (e.g. RUN_NOT_RETRYABLE, RUN_ALREADY_FINISHED)',
  422: 'Refused content: a workflow with problems (VALIDATION_FAILED, with located problems) or bad inputs',
  503: 'A dependency is down',
};

/** Documents the error responses of a route; every one has the shape of apiErrorSchema. */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  const schema = openApiSchema(apiErrorSchema);
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', schema })));
}
