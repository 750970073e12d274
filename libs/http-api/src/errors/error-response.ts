import { HttpException } from '@nestjs/common';
import { isDomainError } from '@conveyor/kernel';
import type { ApiErrorBody, ValidationProblemBody } from '@conveyor/api-contracts';
import { codeForHttpStatus, httpStatusForCode } from './error-status';

export interface DescribedError {
  status: number;
  error: ApiErrorBody['error'];
  /** True when the cause is ours (a bug or an outage): the error is logged with its stack. */
  internal: boolean;
}

const GENERIC_MESSAGE = 'Something went wrong on our side; the server log has the details';

function areLocatedProblems(value: unknown): value is ValidationProblemBody[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((problem) => typeof problem?.line === 'number' && typeof problem?.column === 'number' && typeof problem?.message === 'string')
  );
}

/** Turns anything thrown while handling a request into the API's error body. */
export function describeError(exception: unknown): DescribedError {
  if (isDomainError(exception)) {
    const status = httpStatusForCode(exception.code);
    if (status >= 500 && status !== 503) {
      return { status, error: { code: 'INTERNAL', message: GENERIC_MESSAGE }, internal: true };
    }
    // Located problems (a workflow's YAML) are lifted to error.problems; anything else stays in details.
    const { problems, ...rest } = exception.details ?? {};
    const details = areLocatedProblems(problems) ? rest : exception.details ?? {};
    return {
      status,
      error: {
        code: exception.code,
        message: exception.message,
        ...(Object.keys(details).length > 0 ? { details } : {}),
        ...(areLocatedProblems(problems) ? { problems } : {}),
      },
      internal: status >= 500,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status >= 500) return { status, error: { code: 'INTERNAL', message: GENERIC_MESSAGE }, internal: true };
    return { status, error: { code: codeForHttpStatus(status), message: exception.message }, internal: false };
  }
  return { status: 500, error: { code: 'INTERNAL', message: GENERIC_MESSAGE }, internal: true };
}
