import { DomainError } from '@conveyor/kernel';
import { caught, createTestStepContext } from './step-context.fixture';
import { subworkflowStepType } from './subworkflow.step';

describe('subworkflow step', () => {
  const input = subworkflowStepType.parseInput({ workflow: 'pay-invoice', inputs: { invoiceId: 'INV-7' } });

  it('starts the child run and waits for its signal', async () => {
    const context = createTestStepContext();
    const result = await subworkflowStepType.execute(input, context);
    expect(context.childRuns).toEqual([{ workflowId: 'pay-invoice', inputs: { invoiceId: 'INV-7' } }]);
    expect(result).toEqual({ status: 'waiting', signal: 'run:child-1', state: { childRunId: 'child-1' } });
  });

  it('succeeds with the child outputs when the child succeeded', async () => {
    const context = createTestStepContext({
      resumeState: { childRunId: 'child-9' },
      resumePayload: { status: 'succeeded', outputs: { paid: true } },
    });
    expect(await subworkflowStepType.execute(input, context)).toEqual({
      status: 'succeeded',
      outputs: { runId: 'child-9', outputs: { paid: true } },
    });
    expect(context.childRuns).toEqual([]);
  });

  it.each(['failed', 'cancelled'])('fails without retry when the child %s', async (status) => {
    const childError = { code: 'HTTP_STATUS', message: 'bank said no' };
    const context = createTestStepContext({ resumeState: { childRunId: 'child-9' }, resumePayload: { status, error: childError } });
    const error = await caught(() => subworkflowStepType.execute(input, context));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'SUBWORKFLOW_FAILED', retryable: false });
    expect(error.details).toMatchObject({ childRunId: 'child-9', error: childError });
  });

  it('keeps waiting when resumed without the child outcome', async () => {
    const context = createTestStepContext({ resumeState: { childRunId: 'child-9' } });
    expect(await subworkflowStepType.execute(input, context)).toEqual({ status: 'waiting', signal: 'run:child-9', state: { childRunId: 'child-9' } });
    expect(context.childRuns).toEqual([]);
  });

  it('refuses an unreadable child outcome', async () => {
    const context = createTestStepContext({ resumeState: { childRunId: 'child-9' }, resumePayload: { status: 'exploded' } });
    expect((await caught(() => subworkflowStepType.execute(input, context))).code).toBe('BAD_RESUME_PAYLOAD');
  });

  it('defaults inputs to an empty object and refuses a missing workflow', async () => {
    expect(subworkflowStepType.parseInput({ workflow: 'x' })).toEqual({ workflow: 'x', inputs: {} });
    const error = await caught(() => subworkflowStepType.parseInput({ inputs: {} }));
    expect(error.code).toBe('BAD_STEP_INPUT');
    expect(error.message).toContain('with.workflow');
  });
});
