import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, parseWorkflow } from './parse-workflow';
import { WorkflowDefinition } from './model';
import { fixtureCatalog } from '../fixtures/fixture-catalog';

const VALID = join(__dirname, '..', 'fixtures', 'valid');

function parseValid(text: string): WorkflowDefinition {
  const result = parseWorkflow(text, { catalog: fixtureCatalog });
  if (!result.ok) throw new Error(`expected a valid workflow, got:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.definition;
}

describe('parseWorkflow: valid workflows', () => {
  it('fills every default of a minimal workflow', () => {
    expect(parseValid(readFileSync(join(VALID, 'minimal.yaml'), 'utf8'))).toEqual({
      version: 1,
      id: 'hello-world',
      name: 'hello-world',
      inputs: {},
      triggers: [],
      steps: [
        {
          id: 'greet',
          type: 'core.log',
          with: { message: 'Hello' },
          needs: [],
          retry: {
            attempts: 1,
            backoff: { type: 'exponential', delay: 1000, maxDelay: 300000, jitter: 0.5 },
            nonRetryableCodes: [],
          },
          onError: { action: 'fail' },
        },
      ],
    });
  });

  it('normalises a full workflow into the model', () => {
    const definition = parseValid(readFileSync(join(VALID, 'invoice-intake.yaml'), 'utf8'));
    expect(definition.name).toBe('Invoice intake');
    expect(definition.inputs.threshold).toEqual({ type: 'decimal', required: false, default: '10000.00' });
    expect(definition.inputs.documentId).toEqual({ type: 'string', required: true, description: 'The uploaded document' });
    expect(definition.triggers).toEqual([
      { id: 'on-upload', type: 'event', event: 'document.uploaded', if: '${{ event.folder == "invoices" }}', inputs: { documentId: '${{ event.documentId }}' } },
      { id: 'nightly', type: 'cron', cron: '0 2 * * 1-5', timezone: 'Europe/Berlin', catchUp: 'none', inputs: { documentId: 'backlog' } },
      { id: 'by-hand', type: 'manual' },
    ]);
    const [extract, checkVat, approve, notify] = definition.steps;
    expect(extract.retry).toEqual({ attempts: 3, backoff: { type: 'fixed', delay: 1000, maxDelay: 300000, jitter: 0.5 }, nonRetryableCodes: [] });
    expect(extract.timeout).toBe(120_000);
    expect(checkVat.needs).toEqual(['extract']);
    expect(checkVat.onError).toEqual({ action: 'continue' });
    expect(approve.needs).toEqual(['extract', 'check_vat']);
    expect(approve.if).toBe('${{ steps.extract.outputs.totalGross > 10000 }}');
    expect(approve.onError).toEqual({ action: 'workflow', workflow: 'escalate-invoice', inputs: { reason: '${{ error.message }}' } });
    expect(notify.foreach).toEqual({ items: '${{ steps.extract.outputs.recipients }}', concurrency: 2 });
    expect(notify.retry).toEqual({
      attempts: 5,
      backoff: { type: 'exponential', delay: 2000, maxDelay: 60000, jitter: 0.2 },
      nonRetryableCodes: ['BAD_STEP_INPUT'],
    });
    expect(notify.outputs).toEqual({ delivered: '${{ result.ok }}' });
    expect(definition.outputs).toEqual({ total: '${{ steps.extract.outputs.totalGross }}' });
  });

  it('applies foreach, goto and cron defaults', () => {
    const definition = parseValid(`
id: defaults
triggers:
  - id: daily
    type: cron
    cron: "0 6 * * *"
    timezone: UTC
steps:
  - id: fallback
    type: core.log
  - id: each
    type: core.log
    foreach:
      items: [1, 2, 3]
    onError:
      goto: fallback
    timeout: 1500
`);
    expect(definition.triggers[0]).toEqual({ id: 'daily', type: 'cron', cron: '0 6 * * *', timezone: 'UTC', catchUp: 'last', inputs: {} });
    expect(definition.steps[1].foreach).toEqual({ items: [1, 2, 3], concurrency: 10 });
    expect(definition.steps[1].onError).toEqual({ action: 'goto', step: 'fallback' });
    expect(definition.steps[1].timeout).toBe(1500);
  });

  it('lets foreach steps read item and index and outputs read result', () => {
    const definition = parseValid(`
id: foreach-scope
steps:
  - id: rows
    type: core.log
  - id: each
    type: core.log
    needs: rows
    foreach:
      items: \${{ steps.rows.outputs.list }}
    with:
      line: "#\${{ index }}: \${{ item.name }}"
    outputs:
      ok: \${{ result.status == 200 && item.name != "" }}
`);
    expect(definition.steps[1].with).toEqual({ line: '#${{ index }}: ${{ item.name }}' });
  });

  it('accepts reads of indirect dependencies and conditions written without ${{ }}', () => {
    const definition = parseValid(`
id: transitive
steps:
  - id: a
    type: core.log
  - id: b
    type: core.log
    needs: a
  - id: c
    type: core.log
    needs: [b]
    if: steps.a.outputs.count > 0
    with:
      text: \${{ steps.a.outputs.count + steps.b.outputs.count }}
`);
    expect(definition.steps[2].if).toBe('steps.a.outputs.count > 0');
  });

  it('does not check step types when no catalog is given', () => {
    const result = parseWorkflow('id: no-catalog\nsteps:\n  - id: a\n    type: anything.goes\n');
    expect(result.ok).toBe(true);
  });
});

describe('parseWorkflow: problems', () => {
  it('reports all semantic problems of one file, sorted by position', () => {
    const result = parseWorkflow(
      `id: many
steps:
  - id: a
    type: core.log
    needs: [nope]
  - id: b
    type: fax.send
    with:
      x: \${{ steps.a.outputs.y }}
    onError: { goto: b }
`,
      { file: 'many.yaml', catalog: fixtureCatalog },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.code, problem.line, problem.column])).toEqual([
      ['UNKNOWN_NEEDS', 5, 13],
      ['UNKNOWN_STEP_TYPE', 7, 11],
      ['UNKNOWN_STEP_REFERENCE', 9, 10],
      ['BAD_GOTO', 10, 22],
    ]);
    expect(result.problems[0].path).toEqual(['steps', 0, 'needs', 0]);
  });

  it('reports all schema problems of one file', () => {
    const result = parseWorkflow('id: x1\nsteps:\n  - id: a\n    typo: 1\n  - id: b\n    type: 7\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.code, problem.line, problem.column, problem.message])).toEqual([
      ['SCHEMA', 3, 5, 'Step "a": field "type" is missing.'],
      ['SCHEMA', 4, 5, expect.stringContaining('unknown field "typo"')],
      ['SCHEMA', 6, 11, 'Step "b": field "type" must be text, but it is the number 7.'],
    ]);
  });

  it('reports all YAML syntax problems with positions', () => {
    const result = parseWorkflow('id: a\nid: b\nsteps:\n\t- id: x\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.every((problem) => problem.code === 'YAML_SYNTAX')).toBe(true);
    expect(result.problems.map((problem) => [problem.line, problem.column])).toEqual([
      [2, 1],
      [4, 1],
    ]);
  });

  it('reports maxDelay shorter than delay', () => {
    const result = parseWorkflow('id: x1\nsteps:\n  - id: a\n    type: t\n    retry:\n      backoff: { delay: 10s, maxDelay: 1s }\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => [problem.code, problem.line])).toEqual([['SCHEMA', 6]]);
  });

  it('requires trigger inputs for required workflow inputs', () => {
    const result = parseWorkflow('id: x1\ninputs:\n  day: { type: date, required: true }\ntriggers:\n  - id: hook\n    type: webhook\nsteps:\n  - id: a\n    type: t\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ code: 'WRONG_INPUT_TYPE', line: 6, column: 11 });
      expect(result.problems[0].message).toContain('required input "day"');
    }
  });

  it('explains references to steps that are not dependencies and unknown inputs', () => {
    const result = parseWorkflow('id: x1\nsteps:\n  - id: a\n    type: t\n  - id: b\n    type: t\n    with:\n      v: ${{ steps.a.outputs.x + inputs.missing }}\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.code).sort()).toEqual(['BAD_EXPRESSION', 'UNKNOWN_STEP_REFERENCE']);
    expect(result.problems.find((problem) => problem.code === 'UNKNOWN_STEP_REFERENCE')?.message).toContain('Add "a" to its needs');
  });
});

describe('formatProblem', () => {
  it('prints file:line:col: message', () => {
    expect(formatProblem({ file: 'flows/a.yaml', line: 3, column: 7, code: 'CYCLE', message: 'Loop.', path: [] })).toBe('flows/a.yaml:3:7: Loop.');
    expect(formatProblem({ line: 1, column: 1, code: 'SCHEMA', message: 'Empty.', path: [] })).toBe('<workflow>:1:1: Empty.');
  });
});
