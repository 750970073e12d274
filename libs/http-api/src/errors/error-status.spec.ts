import { codeForHttpStatus, httpStatusForCode } from './error-status';

describe('httpStatusForCode', () => {
  it.each([
    ['RUN_NOT_FOUND', 404],
    ['WORKFLOW_NOT_FOUND', 404],
    ['VALIDATION_FAILED', 422],
    ['BAD_STEP_INPUT', 422],
    ['INVALID_CURSOR', 422],
    ['ROLLBACK_INVALID', 422],
    ['INPUT_INVALID', 422],
    ['BAD_REQUEST', 400],
    ['MALFORMED_JSON', 400],
    ['REVISION_CONFLICT', 409],
    ['PUBLISH_IN_PROGRESS', 409],
    ['RUN_NOT_RETRYABLE', 409],
    ['RUN_ALREADY_FINISHED', 409],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['QUEUE_UNAVAILABLE', 503],
    ['SOMETHING_ELSE', 500],
  ])('%s -> %i', (code, status) => {
    expect(httpStatusForCode(code)).toBe(status);
  });
});

describe('codeForHttpStatus', () => {
  it('names the statuses Nest itself produces', () => {
    expect(codeForHttpStatus(404)).toBe('ROUTE_NOT_FOUND');
    expect(codeForHttpStatus(413)).toBe('PAYLOAD_TOO_LARGE');
    expect(codeForHttpStatus(418)).toBe('HTTP_418');
    expect(codeForHttpStatus(502)).toBe('INTERNAL');
  });
});
