import { parseWorkflow } from '../parse-workflow';

/** Scope rules: each place an expression is written sees only what the engine/runtime gives it there. */
function problemsOf(yaml: string): string[] {
  const result = parseWorkflow(yaml);
  return result.ok ? [] : result.problems.map((problem) => `${problem.code} ${problem.line}:${problem.column} ${problem.message}`);
}

describe('expression scopes', () => {
  it('accepts webhook and event trigger expressions over their request or event', () => {
    expect(
      problemsOf(`id: scopes
inputs:
  ref: { type: string }
triggers:
  - id: hook
    type: webhook
    inputs:
      ref: \${{ body.reference + query.suffix + headers["x-source"] }}
  - id: upload
    type: event
    event: document.uploaded
    if: event.payload.folder == "in"
    inputs:
      ref: \${{ event.name }}
steps:
  - id: a
    type: t
`),
    ).toEqual([]);
  });

  it('refuses trigger expressions reading run variables', () => {
    const problems = problemsOf(`id: scopes
inputs:
  ref: { type: string }
triggers:
  - id: hook
    type: webhook
    inputs:
      ref: \${{ inputs.ref }}
steps:
  - id: a
    type: t
`);
    expect(problems).toEqual([expect.stringMatching(/^BAD_EXPRESSION 8:12 .*reads "inputs", which does not exist in a webhook trigger\. Available here: body, headers, query\.$/)]);
  });

  it('refuses expressions in cron trigger inputs, which are passed as written', () => {
    const problems = problemsOf(`id: scopes
inputs:
  day: { type: string }
triggers:
  - id: nightly
    type: cron
    cron: "0 1 * * *"
    timezone: UTC
    inputs:
      day: \${{ trigger.date }}
steps:
  - id: a
    type: t
`);
    expect(problems).toEqual([expect.stringMatching(/^BAD_EXPRESSION 10:12 .*not evaluated in cron trigger inputs/)]);
  });

  it('accepts foreach items as bare CEL and checks them', () => {
    expect(problemsOf('id: each\nsteps:\n  - id: a\n    type: t\n  - id: b\n    type: t\n    needs: a\n    foreach:\n      items: steps.a.outputs.rows\n')).toEqual([]);
    expect(problemsOf('id: each\nsteps:\n  - id: b\n    type: t\n    foreach:\n      items: steps.a.outputs.rows\n')).toEqual([
      expect.stringMatching(/^UNKNOWN_STEP_REFERENCE 6:14 /),
    ]);
  });

  it('gives onError workflow inputs the error and the failing step', () => {
    expect(
      problemsOf(`id: escalate
steps:
  - id: a
    type: t
    onError:
      workflow: notify-admin
      inputs:
        text: "\${{ error.message }} in \${{ steps.a.status }}"
`),
    ).toEqual([]);
  });

  it('does not give item and index to steps without foreach, nor result outside outputs', () => {
    const problems = problemsOf(`id: no-item
steps:
  - id: a
    type: t
    with:
      x: \${{ index }}
      y: \${{ result }}
`);
    expect(problems.map((problem) => problem.split(' ').slice(0, 2).join(' '))).toEqual(['BAD_EXPRESSION 6:10', 'BAD_EXPRESSION 7:10']);
  });
});
