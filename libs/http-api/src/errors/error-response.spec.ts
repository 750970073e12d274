import { NotFoundException } from '@nestjs/common';
import { DomainError } from '@conveyor/kernel';
import { describeError } from './error-response';

describe('describeError', () => {
  it('keeps the code, message and details of a domain error', () => {
    const described = describeError(new DomainError('RUN_NOT_FOUND', 'There is no run "x"', { runId: 'x' }));
    expect(described).toEqual({
      status: 404,
      error: { code: 'RUN_NOT_FOUND', message: 'There is no run "x"', details: { runId: 'x' } },
      internal: false,
    });
  });

  it('lifts located problems out of the details', () => {
    const problems = [{ line: 4, column: 11, code: 'UNKNOWN_STEP_TYPE', message: 'no such step type', path: ['steps', 0, 'type'] }];
    const described = describeError(new DomainError('VALIDATION_FAILED', 'The workflow has 1 problem', { problems }));
    expect(described.status).toBe(422);
    expect(described.error.problems).toEqual(problems);
    expect(described.error.details).toBeUndefined();
  });

  it('leaves problems without a location in the details', () => {
    const described = describeError(new DomainError('INPUT_INVALID', 'bad inputs', { problems: [{ path: 'who', message: 'required' }] }));
    expect(described.error.problems).toBeUndefined();
    expect(described.error.details).toEqual({ problems: [{ path: 'who', message: 'required' }] });
  });

  it('hides the message of errors it cannot classify', () => {
    const described = describeError(new Error('connection string postgres://secret@db'));
    expect(described.status).toBe(500);
    expect(described.error.code).toBe('INTERNAL');
    expect(described.error.message).not.toContain('secret');
    expect(described.internal).toBe(true);
    expect(describeError(new DomainError('WEIRD_STATE', 'internal detail')).error).toEqual({
      code: 'INTERNAL',
      message: expect.not.stringContaining('internal detail'),
    });
  });

  it("maps Nest's own HTTP exceptions", () => {
    expect(describeError(new NotFoundException('Cannot GET /api/nope'))).toMatchObject({
      status: 404,
      error: { code: 'ROUTE_NOT_FOUND', message: 'Cannot GET /api/nope' },
    });
  });
});
