import { noopStepType } from './noop.step';
import { caught, createTestStepContext } from './step-context.fixture';

describe('noop step', () => {
  it('returns its input as outputs', async () => {
    const input = noopStepType.parseInput({ a: 1, nested: { b: [1, 2] } });
    expect(await noopStepType.execute(input, createTestStepContext())).toEqual({ status: 'succeeded', outputs: { a: 1, nested: { b: [1, 2] } } });
  });

  it('treats a missing `with` as empty', async () => {
    expect(await noopStepType.execute(noopStepType.parseInput(undefined), createTestStepContext())).toEqual({ status: 'succeeded', outputs: {} });
  });

  it('refuses input that is not an object', async () => {
    expect((await caught(() => noopStepType.parseInput([1, 2]))).code).toBe('BAD_STEP_INPUT');
  });
});
