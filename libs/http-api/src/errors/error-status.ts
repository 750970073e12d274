/**
 * How a DomainError code becomes an HTTP status (the error body keeps the code itself):
 *
 *   BAD_REQUEST, MALFORMED_JSON                     400  the request itself is malformed (shape, syntax)
 *   UNAUTHENTICATED                                 401
 *   FORBIDDEN                                       403
 *   *_NOT_FOUND, ROUTE_NOT_FOUND                    404
 *   *_CONFLICT, *_IN_PROGRESS, RUN_NOT_RETRYABLE,
 *   RUN_ALREADY_FINISHED                            409  the request clashes with the current state
 *   PAYLOAD_TOO_LARGE                               413
 *   UNSUPPORTED_MEDIA_TYPE                          415
 *   VALIDATION_FAILED, BAD_*, INVALID_*, *_INVALID,
 *   INPUT_*                                         422  well-formed request whose content is refused
 *                                                        (a workflow with problems, run inputs of the wrong type)
 *   *_UNAVAILABLE                                   503  a dependency is down; try again
 *   anything else                                   500  (message hidden, logged with the stack)
 *
 * 422 rather than 400 for content problems so a client can tell "fix your request" (400)
 * from "fix your workflow or inputs" (422).
 */
const EXACT: Record<string, number> = {
  BAD_REQUEST: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RUN_NOT_RETRYABLE: 409,
  RUN_ALREADY_FINISHED: 409,
  VALIDATION_FAILED: 422,
};

export function httpStatusForCode(code: string): number {
  const exact = EXACT[code];
  if (exact !== undefined) return exact;
  if (code.endsWith('_NOT_FOUND')) return 404;
  if (code.endsWith('_CONFLICT') || code.endsWith('_IN_PROGRESS')) return 409;
  if (code.startsWith('BAD_') || code.startsWith('INVALID_') || code.endsWith('_INVALID') || code.startsWith('INPUT_')) {
    return 422;
  }
  if (code.endsWith('_UNAVAILABLE')) return 503;
  return 500;
}

/** The code the API uses for an HTTP status that did not come from a DomainError (Nest's own exceptions). */
export function codeForHttpStatus(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'ROUTE_NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      return status >= 500 ? 'INTERNAL' : `HTTP_${status}`;
  }
}
