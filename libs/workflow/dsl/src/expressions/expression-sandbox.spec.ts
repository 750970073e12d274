import { DomainError } from '@conveyor/kernel';
import { checkExpression, evaluateExpression, renderTemplate } from './expressions';
import { MAX_EXPRESSION_LENGTH } from './cel-environment';

/**
 * Escape attempts: nothing outside the given context may be reachable and no JS may run.
 * A canary on globalThis records any accidental execution.
 */
const canary = { calls: 0 };
const context = {
  inputs: { name: 'ACME', list: [1, 2, 3], obj: { a: 1 } },
  steps: { extract: { outputs: { text: 'hello' } } },
};

function failure(source: string): DomainError {
  try {
    evaluateExpression(source, context);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error(`"${source}" was expected to fail but produced a value`);
}

beforeAll(() => {
  (globalThis as Record<string, unknown>).__celCanary = () => {
    canary.calls++;
    return 'executed';
  };
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).__celCanary;
});

describe('expression sandbox', () => {
  it.each([
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'this',
    'globalThis',
    'process',
    'require',
    'module',
    'Function',
    '__celCanary',
  ])('does not resolve the ambient name %s', (name) => {
    const error = failure(name);
    expect(error.code).toBe('EXPRESSION_ERROR');
  });

  it.each([
    'inputs.constructor',
    'inputs["constructor"]',
    'inputs.__proto__',
    'inputs["__proto__"]',
    'inputs.obj.constructor.constructor',
    'inputs.name.constructor',
    'inputs.list.constructor',
    'inputs.toString',
    'inputs.obj.hasOwnProperty',
    'inputs.list.__proto__',
    'steps.extract.outputs.text.constructor',
    'inputs.list.prototype',
  ])('does not walk prototypes: %s', (source) => {
    expect(failure(source).code).toBe('EXPRESSION_ERROR');
  });

  it.each([
    'require("child_process")',
    'process.exit(1)',
    '__celCanary()',
    'inputs.obj.constructor("return process")()',
    'eval("1")',
    'Function("return this")()',
    'inputs.name.constructor.constructor("return process")()',
    'import("fs")',
    'inputs.toString()',
  ])('does not call anything that is not a CEL function: %s', (source) => {
    expect(() => evaluateExpression(source, context)).toThrow(DomainError);
    expect(canary.calls).toBe(0);
  });

  it('does not run JS found inside context values', () => {
    const hostile = { inputs: { code: '__celCanary()', fn: () => canary.calls++ } };
    expect(evaluateExpression('inputs.code', hostile)).toBe('__celCanary()');
    expect(() => evaluateExpression('inputs.fn', hostile)).toThrow(DomainError);
    expect(() => evaluateExpression('inputs.fn()', hostile)).toThrow(DomainError);
    expect(renderTemplate('${{ inputs.code }}', hostile)).toBe('__celCanary()');
    expect(canary.calls).toBe(0);
  });

  it('treats data keys named like prototype members as data (or refuses them), never as code', () => {
    const tricky = { inputs: { data: { toString: 'just data' } } };
    expect(evaluateExpression('inputs.data.toString', tricky)).toBe('just data');
    // cel-js cannot type an object whose own `constructor` key is not a function: refused, not run.
    const withConstructorKey = { inputs: { constructor: '__celCanary' } };
    expect(() => evaluateExpression('inputs.constructor', withConstructorKey)).toThrow(DomainError);
    expect(canary.calls).toBe(0);
  });

  it('does not treat rendered text as a new template (no double evaluation)', () => {
    const nested = { inputs: { text: '${{ __celCanary() }}' } };
    expect(renderTemplate('value: ${{ inputs.text }}', nested)).toBe('value: ${{ __celCanary() }}');
    expect(canary.calls).toBe(0);
  });

  it('refuses over-long expressions before parsing', () => {
    const huge = `1${' + 1'.repeat(MAX_EXPRESSION_LENGTH)}`;
    expect(failure(huge).message).toContain(`limit is ${MAX_EXPRESSION_LENGTH}`);
  });

  it('refuses deeply nested parentheses and lists without crashing', () => {
    expect(failure(`${'('.repeat(500)}1${')'.repeat(500)}`).code).toBe('EXPRESSION_ERROR');
    expect(failure(`${'['.repeat(300)}${']'.repeat(300)}`).code).toBe('EXPRESSION_ERROR');
    expect(failure(`${'('.repeat(20_000)}1${')'.repeat(20_000)}`).code).toBe('EXPRESSION_ERROR');
    expect(failure(`${'{"a": '.repeat(200)}1${'}'.repeat(200)}`).code).toBe('EXPRESSION_ERROR');
  });

  it('accepts moderately nested expressions', () => {
    expect(evaluateExpression(`${'('.repeat(20)}1${')'.repeat(20)}`, context)).toBe(1);
  });

  it('bounds work: deep macro nesting, long bind chains and catastrophic regexes are refused', () => {
    expect(checkExpression('inputs.list.map(a, inputs.list.map(b, a * b))')).toBeNull();
    expect(checkExpression('inputs.list.map(a, inputs.list.map(b, inputs.list.map(c, a * b * c)))')).toContain('nested');
    const binds = Array.from({ length: 10 }, (_, index) => `cel.bind(v${index}, [1, 2],`).join(' ');
    expect(checkExpression(`${binds} 1${')'.repeat(10)}`)).toContain('cel.bind');
    expect(checkExpression('inputs.name.matches("(a+)+$")')).toContain('repeats a group');
    expect(checkExpression('inputs.name.matches("^(a|aa)*$")')).toContain('repeats a group');
    expect(checkExpression('inputs.name.matches(inputs.name)')).toContain('fixed pattern');
    expect(checkExpression('matches(inputs.name, "(x*)*")')).toContain('repeats a group');
    expect(evaluateExpression('inputs.name.matches("^AC[A-Z]+$")', context)).toBe(true);
  });

  it('turns engine-level failures (huge strings) into EXPRESSION_ERROR', () => {
    const bigText = { inputs: { s: 'x'.repeat(1 << 20) } };
    const chain = Array.from({ length: 8 }, (_, index) => `cel.bind(s${index + 1}, s${index} + s${index} + s${index} + s${index},`).join(' ');
    const source = `cel.bind(s0, inputs.s, ${chain} size(s8))${')'.repeat(8)}`;
    expect(() => evaluateExpression(source, bigText)).toThrow(DomainError);
  });
});
