import type { EngineAction, RunSnapshot } from './contracts';
import { advance, failFinally, find, kinds, plan, runSnapshot, step, succeed, workflow } from './run-scenario.fixture';

type QueueStep = Extract<EngineAction, { kind: 'queue-step' }>;

function queuedItems(actions: EngineAction[]): number[] {
  return actions.filter((action): action is QueueStep => action.kind === 'queue-step').map((action) => action.itemIndex as number);
}

describe('planNext: foreach', () => {
  const definition = workflow([
    step('list'),
    step('each', {
      needs: ['list'],
      foreach: { items: '${{ steps.list.outputs }}', concurrency: 3 },
      with: { name: '${{ item.name }}', position: '${{ index }}' },
    }),
    step('sum', { needs: ['each'], with: { all: '${{ steps.each.outputs }}' } }),
  ]);
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

  function listed(): RunSnapshot {
    const { snapshot } = advance(definition, runSnapshot());
    return succeed(snapshot, 'list', names.map((name) => ({ name })));
  }

  it('runs 7 items 3 at a time and fans in their outputs in item order', () => {
    const started = advance(definition, listed());
    expect(started.actions[0]).toEqual({ kind: 'start-foreach', stepId: 'each', itemCount: 7 });
    expect(started.actions.slice(1)).toEqual([0, 1, 2].map((index) => ({
      kind: 'queue-step',
      stepId: 'each',
      itemIndex: index,
      attempt: 1,
      input: { name: names[index], position: index },
      item: { name: names[index] },
      delayMs: 0,
      timeoutMs: 60_000,
    })));

    // Items finish out of order; each finished one makes room for exactly one more.
    let snapshot = succeed(started.snapshot, 'each', 'out-2', 2);
    let next = advance(definition, snapshot);
    expect(queuedItems(next.actions)).toEqual([3]);
    snapshot = succeed(succeed(next.snapshot, 'each', 'out-0', 0), 'each', 'out-3', 3);
    next = advance(definition, snapshot);
    expect(queuedItems(next.actions)).toEqual([4, 5]);
    expect(plan(definition, next.snapshot)).toEqual([]);

    snapshot = next.snapshot;
    for (const index of [5, 1, 4]) snapshot = succeed(snapshot, 'each', `out-${index}`, index);
    next = advance(definition, snapshot);
    expect(queuedItems(next.actions)).toEqual([6]);
    expect(find(next.snapshot, 'each', null)?.status).toBe('running');

    const fannedIn = advance(definition, succeed(next.snapshot, 'each', 'out-6', 6));
    const outputs = names.map((_, index) => `out-${index}`);
    expect(fannedIn.actions).toEqual([
      { kind: 'complete-step', stepId: 'each', itemIndex: null, outputs },
      expect.objectContaining({ kind: 'queue-step', stepId: 'sum', itemIndex: null, input: { all: outputs } }),
    ]);
  });

  it('completes an empty foreach at once with outputs [] and moves on', () => {
    const empty = workflow([
      step('each', { foreach: { items: [], concurrency: 2 } }),
      step('after', { needs: ['each'], with: { n: '${{ size(steps.each.outputs) }}' } }),
    ]);
    expect(plan(empty, runSnapshot())).toEqual([
      { kind: 'complete-step', stepId: 'each', itemIndex: null, outputs: [] },
      expect.objectContaining({ kind: 'queue-step', stepId: 'after', input: { n: 0 } }),
    ]);
  });

  it('fails the step (and the run, under onError fail) when an item fails for good', () => {
    const started = advance(definition, listed());
    const error = { code: 'HTTP_500', message: 'server error' };
    let snapshot = failFinally(succeed(started.snapshot, 'each', 'out-0', 0), 'each', error, 1);
    const failed = advance(definition, snapshot);
    expect(failed.actions).toEqual([{ kind: 'fail-step', stepId: 'each', itemIndex: null, attempt: 1, error, errorHandled: false }]);

    // Item 2 is still running: the run fails once it is done, and no further item or step starts.
    snapshot = succeed(failed.snapshot, 'each', 'out-2', 2);
    expect(plan(definition, snapshot)).toEqual([{ kind: 'finish-run', status: 'failed', error }]);
  });

  it('under onError continue, a failed item yields null and the other items go on', () => {
    const tolerant = workflow([step('each', { foreach: { items: ['x', 'y', 'z'], concurrency: 2 }, onError: { action: 'continue' } })]);
    const started = advance(tolerant, runSnapshot());
    expect(queuedItems(started.actions)).toEqual([0, 1]);
    const error = { code: 'BAD', message: 'bad item' };
    const afterFailure = advance(tolerant, failFinally(started.snapshot, 'each', error, 0));
    expect(afterFailure.actions).toEqual([
      { kind: 'fail-step', stepId: 'each', itemIndex: 0, attempt: 1, error, errorHandled: true },
      expect.objectContaining({ kind: 'queue-step', stepId: 'each', itemIndex: 2, item: 'z' }),
    ]);
    const done = advance(tolerant, succeed(succeed(afterFailure.snapshot, 'each', 'Y', 1), 'each', 'Z', 2));
    expect(done.actions).toEqual([
      { kind: 'complete-step', stepId: 'each', itemIndex: null, outputs: [null, 'Y', 'Z'] },
      { kind: 'finish-run', status: 'succeeded' },
    ]);
  });

  it('fails the step when foreach.items is not an array', () => {
    const actions = plan(definition, succeed(advance(definition, runSnapshot()).snapshot, 'list', { not: 'a list' }));
    expect(actions[0]).toEqual(
      expect.objectContaining({ kind: 'fail-step', stepId: 'each', itemIndex: null, error: expect.objectContaining({ code: 'EXPRESSION_ERROR' }) }),
    );
    expect(kinds(actions)).toEqual(['fail-step:each', 'finish-run']);
  });

  it('fails an item whose input cannot be rendered, which fails the step', () => {
    const broken = workflow([step('each', { foreach: { items: [{ a: 1 }, {}], concurrency: 5 }, with: { a: '${{ item.a }}' } })]);
    const first = advance(broken, runSnapshot());
    expect(kinds(first.actions)).toEqual(['start-foreach:each', 'queue-step:each', 'fail-step:each', 'fail-step:each']);
    expect(first.actions[2]).toEqual(expect.objectContaining({ itemIndex: 1, errorHandled: false, error: expect.objectContaining({ code: 'EXPRESSION_ERROR' }) }));
    expect(first.actions[3]).toEqual(expect.objectContaining({ itemIndex: null, errorHandled: false }));
    // Item 0 was queued before item 1 failed: the run finishes only when it is done.
    expect(plan(broken, succeed(first.snapshot, 'each', 1, 0))).toEqual([
      { kind: 'finish-run', status: 'failed', error: expect.objectContaining({ code: 'EXPRESSION_ERROR' }) },
    ]);
  });
});
