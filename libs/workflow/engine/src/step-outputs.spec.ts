import { DomainError } from '@conveyor/kernel';
import { buildExpressionContext } from './expression-context';
import { row, runSnapshot, step } from './run-scenario.fixture';
import { mapStepOutputs } from './step-outputs';

describe('mapStepOutputs', () => {
  const snapshot = runSnapshot([row('fetch', 'succeeded', { outputs: { currency: 'EUR' } }), row('other', 'running')], {
    inputs: { threshold: 100 },
  });
  const context = buildExpressionContext(snapshot);

  it('returns the handler result when the step declares no outputs', () => {
    const result = { lines: [1, 2] };
    expect(mapStepOutputs(step('s'), result, context)).toBe(result);
  });

  it('renders each declared output with `result` and the run context', () => {
    const mapped = mapStepOutputs(
      step('s', { outputs: { count: '${{ size(result.lines) }}', large: '${{ result.total > inputs.threshold }}', label: '${{ steps.fetch.outputs.currency }} ${{ result.total }}', fixed: 7 } }),
      { lines: [1, 2, 3], total: 250 },
      context,
    );
    expect(mapped).toEqual({ count: 3, large: true, label: 'EUR 250', fixed: 7 });
  });

  it('throws EXPRESSION_ERROR when an output cannot be computed', () => {
    expect(() => mapStepOutputs(step('s', { outputs: { x: '${{ result.missing.deeper }}' } }), {}, context)).toThrow(DomainError);
  });

  it('exposes only terminal steps and the run identity in the context', () => {
    expect(context.steps).toEqual({ fetch: { outputs: { currency: 'EUR' }, status: 'succeeded', error: null } });
    expect(context.run).toEqual({ id: 'run-1', workflowId: 'wf', revision: 3 });
  });
});
