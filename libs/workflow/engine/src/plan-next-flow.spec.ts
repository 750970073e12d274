import type { EngineAction } from './contracts';
import {
  advance,
  DEFAULT_TIMEOUT_MS,
  find,
  kinds,
  plan,
  row,
  runSnapshot,
  setStatus,
  step,
  succeed,
  workflow,
} from './run-scenario.fixture';

function queued(actions: EngineAction[]): string[] {
  return actions.filter((action) => action.kind === 'queue-step').map((action) => (action as { stepId: string }).stepId);
}

describe('planNext: flow between steps', () => {
  it('runs a linear chain one step at a time and finishes with the rendered outputs', () => {
    const definition = workflow(
      [
        step('fetch', { with: { url: '${{ inputs.url }}' } }),
        step('parse', { needs: ['fetch'], with: { body: '${{ steps.fetch.outputs.body }}', run: '${{ run.id }}' }, timeout: 5000 }),
        step('store', { needs: ['parse'] }),
      ],
      { outputs: { count: '${{ steps.parse.outputs.count }}', source: 'from ${{ inputs.url }}' } },
    );
    let snapshot = runSnapshot([], { status: 'queued', inputs: { url: 'https://example.test/a' } });

    let result = advance(definition, snapshot);
    expect(result.actions).toEqual([
      { kind: 'queue-step', stepId: 'fetch', itemIndex: null, attempt: 1, input: { url: 'https://example.test/a' }, delayMs: 0, timeoutMs: DEFAULT_TIMEOUT_MS },
    ]);
    snapshot = succeed(result.snapshot, 'fetch', { body: 'hello' });

    result = advance(definition, snapshot);
    expect(result.actions).toEqual([
      { kind: 'queue-step', stepId: 'parse', itemIndex: null, attempt: 1, input: { body: 'hello', run: 'run-1' }, delayMs: 0, timeoutMs: 5000 },
    ]);
    snapshot = succeed(result.snapshot, 'parse', { count: 4 });

    result = advance(definition, snapshot);
    expect(kinds(result.actions)).toEqual(['queue-step:store']);
    snapshot = succeed(result.snapshot, 'store', null);

    expect(plan(definition, snapshot)).toEqual([
      { kind: 'finish-run', status: 'succeeded', outputs: { count: 4, source: 'from https://example.test/a' } },
    ]);
  });

  it('starts parallel branches together and the join only when both are done', () => {
    const definition = workflow([step('a'), step('b'), step('join', { needs: ['a', 'b'] })]);
    let result = advance(definition, runSnapshot());
    expect(queued(result.actions)).toEqual(['a', 'b']);

    let snapshot = succeed(result.snapshot, 'b', 2);
    expect(plan(definition, snapshot)).toEqual([]);

    snapshot = succeed(snapshot, 'a', 1);
    result = advance(definition, snapshot);
    expect(queued(result.actions)).toEqual(['join']);
  });

  it('runs a diamond: top, two sides, bottom with both sides in context', () => {
    const definition = workflow([
      step('top'),
      step('left', { needs: ['top'] }),
      step('right', { needs: ['top'] }),
      step('bottom', { needs: ['left', 'right'], with: { sum: '${{ steps.left.outputs + steps.right.outputs }}' } }),
    ]);
    let { snapshot } = advance(definition, runSnapshot());
    snapshot = succeed(snapshot, 'top', 0);
    const sides = advance(definition, snapshot);
    expect(queued(sides.actions)).toEqual(['left', 'right']);
    snapshot = succeed(succeed(sides.snapshot, 'left', 1), 'right', 2);
    const bottom = advance(definition, snapshot);
    expect(bottom.actions).toEqual([expect.objectContaining({ kind: 'queue-step', stepId: 'bottom', input: { sum: 3 } })]);
  });

  it('skips a step whose `if` is false and everything that only follows it', () => {
    const definition = workflow([
      step('check', { if: '${{ inputs.amount > 100 }}' }),
      step('approve', { needs: ['check'] }),
      step('notify', { needs: ['approve'] }),
      step('always'),
    ]);
    const result = advance(definition, runSnapshot([], { inputs: { amount: 50 } }));
    expect(result.actions).toEqual([
      { kind: 'skip-step', stepId: 'check', reason: 'condition' },
      { kind: 'skip-step', stepId: 'approve', reason: 'upstream' },
      { kind: 'skip-step', stepId: 'notify', reason: 'upstream' },
      expect.objectContaining({ kind: 'queue-step', stepId: 'always' }),
    ]);
    const done = succeed(result.snapshot, 'always', null);
    expect(plan(definition, done)).toEqual([{ kind: 'finish-run', status: 'succeeded' }]);
  });

  it('runs the join after exclusive branches because the taken branch succeeded', () => {
    const definition = workflow([
      step('classify'),
      step('invoice', { needs: ['classify'], if: "${{ steps.classify.outputs.kind == 'invoice' }}" }),
      step('receipt', { needs: ['classify'], if: "${{ steps.classify.outputs.kind == 'receipt' }}" }),
      step('archive', { needs: ['invoice', 'receipt'], with: { path: "${{ steps.invoice.status == 'succeeded' ? 'invoices' : 'receipts' }}" } }),
    ]);
    let { snapshot } = advance(definition, runSnapshot());
    snapshot = succeed(snapshot, 'classify', { kind: 'receipt' });
    const branches = advance(definition, snapshot);
    expect(kinds(branches.actions)).toEqual(['skip-step:invoice', 'queue-step:receipt']);
    expect(find(branches.snapshot, 'archive', null)).toBeUndefined();

    const joined = advance(definition, succeed(branches.snapshot, 'receipt', {}));
    expect(joined.actions).toEqual([expect.objectContaining({ kind: 'queue-step', stepId: 'archive', input: { path: 'receipts' } })]);
  });

  it('fails a step whose expression cannot be evaluated, without queuing it', () => {
    const definition = workflow([step('a', { with: { x: '${{ inputs.missing.deeper }}' } }), step('b', { needs: ['a'] })]);
    const actions = plan(definition, runSnapshot());
    expect(actions).toEqual([
      {
        kind: 'fail-step',
        stepId: 'a',
        itemIndex: null,
        attempt: 1,
        errorHandled: false,
        error: expect.objectContaining({ code: 'EXPRESSION_ERROR', details: expect.objectContaining({ stepId: 'a', field: 'with' }) }),
      },
      { kind: 'finish-run', status: 'failed', error: expect.objectContaining({ code: 'EXPRESSION_ERROR' }) },
    ]);
  });

  it('fails a step whose condition does not give a boolean', () => {
    const definition = workflow([step('a', { if: '${{ inputs.amount }}' })]);
    const [failure] = plan(definition, runSnapshot([], { inputs: { amount: 3 } }));
    expect(failure).toEqual(expect.objectContaining({ kind: 'fail-step', stepId: 'a', error: expect.objectContaining({ code: 'EXPRESSION_ERROR' }) }));
  });

  it('fails the run when its outputs cannot be rendered', () => {
    const definition = workflow([step('a')], { outputs: { total: '${{ steps.a.outputs.total.nothing }}' } });
    const actions = plan(definition, runSnapshot([row('a', 'succeeded', { outputs: { total: 1 } })]));
    expect(actions).toEqual([{ kind: 'finish-run', status: 'failed', error: expect.objectContaining({ code: 'EXPRESSION_ERROR' }) }]);
  });

  it('is idempotent: planning again after applying the actions decides nothing', () => {
    const definition = workflow([
      step('a'),
      step('b', { if: 'false' }),
      step('c', { needs: ['b'] }),
      step('d', { needs: ['a'] }),
      step('e', { foreach: { items: [1, 2, 3], concurrency: 2 } }),
    ]);
    let snapshot = runSnapshot();
    for (const progress of [(s: typeof snapshot) => s, (s: typeof snapshot) => succeed(s, 'a', 1)]) {
      const first = advance(definition, progress(snapshot));
      expect(first.actions.length).toBeGreaterThan(0);
      expect(plan(definition, first.snapshot)).toEqual([]);
      snapshot = first.snapshot;
    }
  });

  it('is deterministic: row order in the snapshot does not matter', () => {
    const definition = workflow([step('a'), step('b'), step('c', { needs: ['a', 'b'] }), step('d', { needs: ['c'] })]);
    const rows = [row('a', 'succeeded', { outputs: 1 }), row('b', 'succeeded', { outputs: 2 })];
    expect(plan(definition, runSnapshot([...rows].reverse()))).toEqual(plan(definition, runSnapshot(rows)));
  });

  it('reports a run whose only remaining work is waiting, once', () => {
    const definition = workflow([step('approve'), step('book', { needs: ['approve'] })]);
    let { snapshot } = advance(definition, runSnapshot());
    snapshot = setStatus(snapshot, 'approve', 'waiting');
    const waiting = advance(definition, snapshot);
    expect(waiting.actions).toEqual([{ kind: 'run-waiting' }]);
    expect(waiting.snapshot.status).toBe('waiting');
    expect(plan(definition, waiting.snapshot)).toEqual([]);
  });

  it('does not report waiting while other work is still queued or running', () => {
    const definition = workflow([step('approve'), step('crunch')]);
    const snapshot = runSnapshot([row('approve', 'waiting'), row('crunch', 'running')]);
    expect(plan(definition, snapshot)).toEqual([]);
  });

  it.each(['succeeded', 'failed', 'cancelled'] as const)('decides nothing for a run that is already %s', (status) => {
    const definition = workflow([step('a'), step('b', { needs: ['a'] })]);
    expect(plan(definition, runSnapshot([row('a', 'succeeded')], { status }))).toEqual([]);
  });

  it('fails a run that can never finish instead of leaving it hanging', () => {
    const definition = workflow([step('a'), step('b', { needs: ['ghost'] })]);
    const actions = plan(definition, runSnapshot([row('a', 'succeeded')]));
    expect(actions).toEqual([
      { kind: 'finish-run', status: 'failed', error: expect.objectContaining({ code: 'RUN_STALLED', details: { steps: ['b'] } }) },
    ]);
  });
});
