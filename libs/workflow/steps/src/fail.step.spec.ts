import { DomainError } from '@conveyor/kernel';
import { failStepType } from './fail.step';
import { caught, createTestStepContext } from './step-context.fixture';

describe('fail step', () => {
  it('always fails with STEP_FAILED, retryable, by default', async () => {
    const input = failStepType.parseInput({ message: 'guard tripped' });
    for (const attempt of [1, 2, 5]) {
      const error = await caught(() => failStepType.execute(input, createTestStepContext({ attempt })));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'STEP_FAILED', message: 'guard tripped', retryable: true });
    }
  });

  it('uses the given code and retryable flag', async () => {
    const input = failStepType.parseInput({ message: 'no', code: 'VENDOR_BLOCKED', retryable: false });
    const error = await caught(() => failStepType.execute(input, createTestStepContext()));
    expect(error).toMatchObject({ code: 'VENDOR_BLOCKED', retryable: false });
  });

  it('with failTimes N fails attempts 1..N and then succeeds with the attempt number', async () => {
    const input = failStepType.parseInput({ message: 'flaky', failTimes: 2 });
    await expect(failStepType.execute(input, createTestStepContext({ attempt: 1 }))).rejects.toMatchObject({ code: 'STEP_FAILED' });
    await expect(failStepType.execute(input, createTestStepContext({ attempt: 2 }))).rejects.toMatchObject({ code: 'STEP_FAILED' });
    expect(await failStepType.execute(input, createTestStepContext({ attempt: 3 }))).toEqual({ status: 'succeeded', outputs: { attempt: 3 } });
  });

  it('with failTimes 0 succeeds at once', async () => {
    const input = failStepType.parseInput({ message: 'never', failTimes: 0 });
    expect(await failStepType.execute(input, createTestStepContext())).toEqual({ status: 'succeeded', outputs: { attempt: 1 } });
  });

  it('refuses bad input', async () => {
    expect((await caught(() => failStepType.parseInput({}))).message).toContain('with.message');
    expect((await caught(() => failStepType.parseInput({ message: 'x', failTimes: -1 }))).message).toContain('with.failTimes');
    expect((await caught(() => failStepType.parseInput({ message: 'x', retryable: 'yes' }))).message).toContain('with.retryable');
  });
});
