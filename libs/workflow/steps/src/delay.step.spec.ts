import { delayStepType } from './delay.step';
import { caught, createTestStepContext } from './step-context.fixture';

describe('delay step', () => {
  it('parks the step until now + duration instead of holding a worker', async () => {
    const context = createTestStepContext();
    const result = await delayStepType.execute(delayStepType.parseInput({ duration: '30s' }), context);
    expect(result).toEqual({
      status: 'waiting',
      until: new Date('2026-01-05T09:00:30Z'),
      state: { until: '2026-01-05T09:00:30.000Z', startedAt: '2026-01-05T09:00:00.000Z' },
    });
  });

  it('accepts a number of milliseconds', async () => {
    const result = await delayStepType.execute(delayStepType.parseInput({ duration: 1500 }), createTestStepContext());
    expect(result).toMatchObject({ status: 'waiting', until: new Date('2026-01-05T09:00:01.500Z') });
  });

  it('waits until a date-time with an offset', async () => {
    const result = await delayStepType.execute(delayStepType.parseInput({ until: '2026-01-05T12:00:00+01:00' }), createTestStepContext());
    expect(result).toMatchObject({ status: 'waiting', until: new Date('2026-01-05T11:00:00Z') });
  });

  it('succeeds when resumed at or after the moment it waited for', async () => {
    const context = createTestStepContext();
    const input = delayStepType.parseInput({ duration: '5m' });
    const first = await delayStepType.execute(input, context);
    if (first.status !== 'waiting') throw new Error('expected the step to wait');
    context.clock.current = new Date('2026-01-05T09:05:02Z');
    const resumed = await delayStepType.execute(input, { ...context, resumeState: first.state });
    expect(resumed).toEqual({ status: 'succeeded', outputs: { waitedMs: 302_000 } });
  });

  it('parks again when woken before its time', async () => {
    const context = createTestStepContext();
    const input = delayStepType.parseInput({ duration: '1h' });
    const first = await delayStepType.execute(input, context);
    if (first.status !== 'waiting') throw new Error('expected the step to wait');
    context.clock.current = new Date('2026-01-05T09:30:00Z');
    const resumed = await delayStepType.execute(input, { ...context, resumeState: first.state });
    expect(resumed).toEqual({ status: 'waiting', until: new Date('2026-01-05T10:00:00Z'), state: first.state });
  });

  it('finishes at once when the moment has already passed', async () => {
    const result = await delayStepType.execute(delayStepType.parseInput({ until: '2026-01-01T00:00:00Z' }), createTestStepContext());
    expect(result).toEqual({ status: 'succeeded', outputs: { waitedMs: 0 } });
  });

  it.each([
    [{}, 'exactly one'],
    [{ duration: '5s', until: '2026-01-05T12:00:00Z' }, 'exactly one'],
    [{ duration: '5 minutes' }, 'with.duration'],
    [{ duration: -5 }, 'with.duration'],
    [{ until: '2026-01-05T12:00:00' }, 'with.until'],
    [{ until: 'tomorrow' }, 'with.until'],
  ])('refuses %p with BAD_STEP_INPUT', async (input, fragment) => {
    const error = await caught(() => delayStepType.parseInput(input));
    expect(error.code).toBe('BAD_STEP_INPUT');
    expect(error.message).toContain(fragment);
  });

  it('refuses a resume state it did not write', async () => {
    const input = delayStepType.parseInput({ duration: '1s' });
    const error = await caught(() => delayStepType.execute(input, createTestStepContext({ resumeState: { something: 'else' } })));
    expect(error.code).toBe('BAD_RESUME_STATE');
  });

  it('checks literal values at publish time but not expressions', () => {
    expect(delayStepType.checkWith!({ duration: 'soon' })).toEqual([expect.objectContaining({ path: ['duration'] })]);
    expect(delayStepType.checkWith!({ until: '${{ inputs.dueAt }}' })).toEqual([]);
  });
});
