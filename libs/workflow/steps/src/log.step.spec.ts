import { DomainError } from '@conveyor/kernel';
import { logStepType } from './log.step';
import { caught, createTestStepContext } from './step-context.fixture';

describe('log step', () => {
  it('logs the message at the given level with its fields and outputs the message', async () => {
    const context = createTestStepContext();
    const input = logStepType.parseInput({ message: 'invoice received', level: 'warn', fields: { invoice: 'INV-7' } });
    const result = await logStepType.execute(input, context);
    expect(result).toEqual({ status: 'succeeded', outputs: { message: 'invoice received' } });
    expect(context.lines).toEqual([{ level: 'warn', message: 'invoice received', fields: { invoice: 'INV-7' } }]);
  });

  it('logs at info by default', async () => {
    const context = createTestStepContext();
    await logStepType.execute(logStepType.parseInput({ message: 'hello' }), context);
    expect(context.lines.map((line) => line.level)).toEqual(['info']);
  });

  it('refuses a missing message with BAD_STEP_INPUT naming the field', async () => {
    const error = await caught(() => logStepType.parseInput({ level: 'info' }));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('BAD_STEP_INPUT');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('with.message');
  });

  it('refuses an unknown level', async () => {
    const error = await caught(() => logStepType.parseInput({ message: 'x', level: 'debug' }));
    expect(error.code).toBe('BAD_STEP_INPUT');
    expect(error.message).toContain('with.level');
  });

  it('refuses input that is not an object', async () => {
    const error = await caught(() => logStepType.parseInput('just text'));
    expect(error.code).toBe('BAD_STEP_INPUT');
  });
});
