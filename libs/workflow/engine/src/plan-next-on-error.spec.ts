import { advance, failFinally, find, kinds, plan, row, runSnapshot, step, succeed, workflow } from './run-scenario.fixture';

const error = { code: 'HTTP_502', message: 'upstream unavailable', details: { status: 502 } };

describe('planNext: onError', () => {
  it('fail: starts nothing more and fails the run once running work has drained', () => {
    const definition = workflow([
      step('charge'),
      step('ship'),
      step('receipt', { needs: ['charge'] }),
      step('track', { needs: ['ship'] }),
    ]);
    const started = advance(definition, runSnapshot());
    expect(kinds(started.actions)).toEqual(['queue-step:charge', 'queue-step:ship']);

    const failed = advance(definition, failFinally(started.snapshot, 'charge', error));
    expect(failed.actions).toEqual([]);

    // `ship` finishing would normally start `track`, but the run is failing.
    const drained = plan(definition, succeed(failed.snapshot, 'ship', 'ok'));
    expect(drained).toEqual([{ kind: 'finish-run', status: 'failed', error }]);
  });

  it('continue: marks the failure handled and dependents run with the failure in context', () => {
    const definition = workflow([
      step('enrich', { onError: { action: 'continue' } }),
      step('store', { needs: ['enrich'], with: { enriched: "${{ steps.enrich.status == 'succeeded' }}", why: '${{ steps.enrich.error.code }}' } }),
    ]);
    const { snapshot } = advance(definition, runSnapshot());
    const handled = advance(definition, failFinally(snapshot, 'enrich', error));
    expect(handled.actions).toEqual([
      { kind: 'fail-step', stepId: 'enrich', itemIndex: null, attempt: 1, error, errorHandled: true },
      expect.objectContaining({ kind: 'queue-step', stepId: 'store', input: { enriched: false, why: 'HTTP_502' } }),
    ]);
    expect(plan(definition, succeed(handled.snapshot, 'store', null))).toEqual([{ kind: 'finish-run', status: 'succeeded' }]);
  });

  it('continue: an expression error at start is handled the same way', () => {
    const definition = workflow([
      step('a', { with: { x: '${{ inputs.nope.deeper }}' }, onError: { action: 'continue' } }),
      step('b', { needs: ['a'] }),
    ]);
    const actions = plan(definition, runSnapshot());
    expect(kinds(actions)).toEqual(['fail-step:a', 'queue-step:b']);
    expect(actions[0]).toEqual(expect.objectContaining({ errorHandled: true, error: expect.objectContaining({ code: 'EXPRESSION_ERROR' }) }));
  });

  it('goto: skips the abandoned path and starts the target at once, whatever its needs', () => {
    const definition = workflow([
      step('post', { onError: { action: 'goto', step: 'recover' } }),
      step('confirm', { needs: ['post'] }),
      step('notify', { needs: ['confirm'] }),
      step('recover', { needs: ['confirm'], with: { why: '${{ steps.post.error.message }}' } }),
      step('close', { needs: ['notify', 'recover'] }),
    ]);
    const { snapshot } = advance(definition, runSnapshot());
    const jumped = advance(definition, failFinally(snapshot, 'post', error));
    expect(jumped.actions).toEqual([
      { kind: 'fail-step', stepId: 'post', itemIndex: null, attempt: 1, error, errorHandled: true },
      { kind: 'skip-step', stepId: 'confirm', reason: 'goto' },
      { kind: 'skip-step', stepId: 'notify', reason: 'goto' },
      expect.objectContaining({ kind: 'queue-step', stepId: 'recover', input: { why: 'upstream unavailable' } }),
    ]);
    expect(plan(definition, jumped.snapshot)).toEqual([]);

    // The join after both paths is on the recovery path: it runs by the ordinary rules, then the run succeeds.
    const recovered = advance(definition, succeed(jumped.snapshot, 'recover', null));
    expect(kinds(recovered.actions)).toEqual(['queue-step:close']);
    expect(plan(definition, succeed(recovered.snapshot, 'close', null))).toEqual([{ kind: 'finish-run', status: 'succeeded' }]);
  });

  it('goto: does not jump while the run is already failing', () => {
    const definition = workflow([
      step('a'),
      step('b', { onError: { action: 'goto', step: 'recover' } }),
      step('recover', { needs: ['b'] }),
    ]);
    const snapshot = runSnapshot([row('a', 'failed', { error }), row('b', 'failed', { error: { code: 'OTHER', message: 'other' } })]);
    expect(plan(definition, snapshot)).toEqual([{ kind: 'finish-run', status: 'failed', error }]);
  });

  it('goto: an unknown target (which the validator refuses) leaves the failure unhandled and fails the run', () => {
    const definition = workflow([step('a', { onError: { action: 'goto', step: 'nowhere' } }), step('b', { needs: ['a'] })]);
    expect(plan(definition, runSnapshot([row('a', 'failed', { error })]))).toEqual([{ kind: 'finish-run', status: 'failed', error }]);
  });

  it('workflow: starts the error workflow with the failure in context, then fails the run', () => {
    const definition = workflow([
      step('book', {
        onError: {
          action: 'workflow',
          workflow: 'alert-accounting',
          inputs: { run: '${{ run.id }}', step: '${{ error.stepId }}', reason: '${{ error.code }}: ${{ error.message }}', amount: '${{ inputs.amount }}' },
        },
      }),
      step('report', { needs: ['book'] }),
    ]);
    const { snapshot } = advance(definition, runSnapshot([], { inputs: { amount: 12 } }));
    const result = advance(definition, failFinally(snapshot, 'book', error));
    expect(result.actions).toEqual([
      { kind: 'fail-step', stepId: 'book', itemIndex: null, attempt: 1, error, errorHandled: true },
      {
        kind: 'start-workflow',
        workflowId: 'alert-accounting',
        inputs: { run: 'run-1', step: 'book', reason: 'HTTP_502: upstream unavailable', amount: 12 },
        reason: 'step book failed: HTTP_502',
      },
      { kind: 'finish-run', status: 'failed', error },
    ]);
    expect(find(result.snapshot, 'report', null)).toBeUndefined();
  });

  it('workflow: when its inputs cannot be rendered nothing is started and the run still fails', () => {
    const definition = workflow([
      step('book', { onError: { action: 'workflow', workflow: 'alert', inputs: { x: '${{ error.nothing.here }}' } } }),
    ]);
    const actions = plan(definition, runSnapshot([row('book', 'failed', { error })]));
    expect(actions).toEqual([{ kind: 'finish-run', status: 'failed', error }]);
  });

  it('applies the policy of a foreach step to the failure of its items', () => {
    const definition = workflow([
      step('each', { foreach: { items: [1, 2], concurrency: 2 }, onError: { action: 'goto', step: 'fallback' } }),
      step('after', { needs: ['each'] }),
      step('fallback', { needs: ['each'] }),
    ]);
    const started = advance(definition, runSnapshot());
    const result = advance(definition, failFinally(succeed(started.snapshot, 'each', 'one', 0), 'each', error, 1));
    expect(result.actions).toEqual([
      { kind: 'fail-step', stepId: 'each', itemIndex: null, attempt: 1, error, errorHandled: true },
      { kind: 'skip-step', stepId: 'after', reason: 'goto' },
      expect.objectContaining({ kind: 'queue-step', stepId: 'fallback' }),
    ]);
  });

  it('treats a cancelled step in a live run as a failure of the run', () => {
    const definition = workflow([step('a'), step('b', { needs: ['a'] })]);
    const actions = plan(definition, runSnapshot([row('a', 'cancelled')]));
    expect(actions).toEqual([{ kind: 'finish-run', status: 'failed', error: expect.objectContaining({ code: 'STEP_CANCELLED' }) }]);
  });
});
