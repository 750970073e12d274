import { DomainError } from '@conveyor/kernel';
import {
  checkExpression,
  evaluateCondition,
  evaluateExpression,
  ExpressionContext,
  isTemplate,
  renderTemplate,
} from './expressions';

const context: ExpressionContext = {
  inputs: { amount: 5, rate: 2.5, name: 'ACME', tags: ['a', 'b'], nested: { deep: { value: 7 } } },
  steps: {
    extract: { outputs: { totalGross: 15000, fractional: 10000.5, small: 3, lines: [{ net: 10 }, { net: 20.5 }] }, status: 'succeeded' },
  },
  item: { id: 'x-1' },
  index: 1,
};

function expressionErrorOf(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw new Error(`expected a DomainError, got ${String(error)}`);
  }
  throw new Error('expected an error, got none');
}

describe('isTemplate', () => {
  it('recognises strings containing ${{', () => {
    expect(isTemplate('total: ${{ inputs.amount }}')).toBe(true);
    expect(isTemplate('plain text')).toBe(false);
    expect(isTemplate(42)).toBe(false);
    expect(isTemplate({ a: '${{ x }}' })).toBe(false);
  });
});

describe('evaluateExpression', () => {
  it('compares JS numbers (int or fractional) with CEL int literals', () => {
    expect(evaluateExpression('steps.extract.outputs.totalGross > 10000', context)).toBe(true);
    expect(evaluateExpression('steps.extract.outputs.fractional > 10000', context)).toBe(true);
    expect(evaluateExpression('steps.extract.outputs.small > 10000', context)).toBe(false);
    expect(evaluateExpression('steps.extract.outputs.small == 3', context)).toBe(true);
    expect(evaluateExpression('1 == 1.0', context)).toBe(true);
    expect(evaluateExpression('2 != 1.0', context)).toBe(true);
    expect(evaluateExpression('1 < 2.5', context)).toBe(true);
  });

  it('does mixed int/double arithmetic', () => {
    expect(evaluateExpression('inputs.amount * 2', context)).toBe(10);
    expect(evaluateExpression('inputs.amount / 2', context)).toBe(2.5);
    expect(evaluateExpression('inputs.rate + 1', context)).toBe(3.5);
    expect(evaluateExpression('size(inputs.tags) + inputs.amount', context)).toBe(7);
    expect(evaluateExpression('steps.extract.outputs.lines.map(l, l.net * 2)', context)).toEqual([20, 41]);
  });

  it('returns ints as JS numbers, or as decimal strings when too large', () => {
    expect(evaluateExpression('40 + 2', context)).toBe(42);
    expect(evaluateExpression('9223372036854775807', context)).toBe('9223372036854775807');
    expect(evaluateExpression('-9007199254740993', context)).toBe('-9007199254740993');
  });

  it('returns CEL maps and lists as plain data', () => {
    const value = evaluateExpression('{"total": 1 + 1, "names": [inputs.name, "x"], "n": {"d": 1.5}}', context);
    expect(value).toEqual({ total: 2, names: ['ACME', 'x'], n: { d: 1.5 } });
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('unwraps optionals and reads item/index', () => {
    expect(evaluateExpression('inputs.?missing.orValue("none")', context)).toBe('none');
    expect(evaluateExpression('inputs.tags[index]', context)).toBe('b');
    expect(evaluateExpression('item.id', context)).toBe('x-1');
    expect(evaluateExpression('has(inputs.missing)', context)).toBe(false);
  });

  it('fails with EXPRESSION_ERROR naming the expression', () => {
    const unknownVariable = expressionErrorOf(() => evaluateExpression('nope.value', context));
    expect(unknownVariable.code).toBe('EXPRESSION_ERROR');
    expect(unknownVariable.message).toContain('nope.value');
    expect(unknownVariable.message).toContain('Unknown variable');
    expect(unknownVariable.details.expression).toBe('nope.value');

    const typeMismatch = expressionErrorOf(() => evaluateExpression('inputs.name + 1', context));
    expect(typeMismatch.code).toBe('EXPRESSION_ERROR');
    expect(typeMismatch.message).toContain('could not be evaluated');

    const missingKey = expressionErrorOf(() => evaluateExpression('inputs.nope', context));
    expect(missingKey.message).toContain('No such key: nope');

    const syntax = expressionErrorOf(() => evaluateExpression('1 +', context));
    expect(syntax.code).toBe('EXPRESSION_ERROR');
    expect(syntax.message).toContain('is not valid');
  });

  it('reports integer overflow instead of wrapping', () => {
    expect(expressionErrorOf(() => evaluateExpression('9223372036854775807 + 1', context)).code).toBe('EXPRESSION_ERROR');
  });
});

describe('renderTemplate', () => {
  it('keeps the type of a string that is exactly one expression', () => {
    expect(renderTemplate('${{ inputs.amount * 2 }}', context)).toBe(10);
    expect(renderTemplate('  ${{ inputs.tags }}\n', context)).toEqual(['a', 'b']);
    expect(renderTemplate('${{ steps.extract.outputs.totalGross > 10000 }}', context)).toBe(true);
  });

  it('interpolates mixed text, objects as JSON, null as empty', () => {
    expect(renderTemplate('Invoice for ${{ inputs.name }}: ${{ inputs.amount }} EUR', context)).toBe('Invoice for ACME: 5 EUR');
    expect(renderTemplate('data=${{ inputs.nested }}', context)).toBe('data={"deep":{"value":7}}');
    expect(renderTemplate('[${{ null }}]', context)).toBe('[]');
    expect(renderTemplate('${{ 1 }}${{ 2 }}', context)).toBe('12');
  });

  it('renders deep over objects and arrays and leaves other values alone', () => {
    const rendered = renderTemplate(
      { to: ['${{ inputs.name }}', 'fixed'], count: 3, nested: { flag: '${{ index == 1 }}', none: null } },
      context,
    );
    expect(rendered).toEqual({ to: ['ACME', 'fixed'], count: 3, nested: { flag: true, none: null } });
  });

  it('finds the closing braces past CEL map literals and strings', () => {
    expect(renderTemplate('${{ {"a": {"b": 1}} }}', context)).toEqual({ a: { b: 1 } });
    expect(renderTemplate('x ${{ "}}" + "!" }} y', context)).toBe('x }}! y');
  });

  it('rejects an unclosed template', () => {
    expect(expressionErrorOf(() => renderTemplate('total ${{ inputs.amount', context)).message).toContain('closing }}');
  });
});

describe('evaluateCondition', () => {
  it('accepts template and bare CEL', () => {
    expect(evaluateCondition('${{ inputs.amount > 3 }}', context)).toBe(true);
    expect(evaluateCondition('inputs.amount > 30', context)).toBe(false);
  });

  it('rejects non-boolean results and mixed text', () => {
    expect(expressionErrorOf(() => evaluateCondition('${{ inputs.amount }}', context)).message).toContain('true or false');
    expect(expressionErrorOf(() => evaluateCondition('yes ${{ true }}', context)).code).toBe('EXPRESSION_ERROR');
  });
});

describe('checkExpression', () => {
  it('returns null for valid sources and a message otherwise', () => {
    expect(checkExpression('steps.a.outputs.x > 1')).toBeNull();
    expect(checkExpression('steps.a.outputs.x >')).toContain('is not valid');
    expect(checkExpression('')).toContain('is empty');
  });
});
