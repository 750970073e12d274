import { InputSpec } from '../model';
import { validateRunInputs } from './validate-run-inputs';

const specs: Record<string, InputSpec> = {
  customer: { type: 'string', required: true },
  amount: { type: 'decimal', required: false },
  count: { type: 'integer', required: false, default: 1 },
  ratio: { type: 'number', required: false },
  urgent: { type: 'boolean', required: false, default: false },
  day: { type: 'date', required: false },
  at: { type: 'datetime', required: false },
  options: { type: 'object', required: false },
  tags: { type: 'array', required: false },
  channel: { type: 'string', required: false, enum: ['email', 'slack'] },
};

function problemsOf(given: Record<string, unknown>, coerceStrings = false): string[] {
  const result = validateRunInputs(specs, given, { coerceStrings });
  return result.ok ? [] : result.problems.map((problem) => `${problem.input}: ${problem.message}`);
}

describe('validateRunInputs', () => {
  it('applies defaults and keeps given values', () => {
    expect(validateRunInputs(specs, { customer: 'ACME', amount: '-1234.50', channel: 'slack' })).toEqual({
      ok: true,
      values: { customer: 'ACME', amount: '-1234.50', count: 1, urgent: false, channel: 'slack' },
    });
  });

  it('reports a missing required input, unknown inputs and wrong types together', () => {
    const problems = problemsOf({ amout: 5, count: 1.5, urgent: 'yes', options: [1], tags: {} });
    expect(problems).toEqual([
      'amout: There is no input named "amout". Known inputs: customer, amount, count, ratio, urgent, day, at, options, tags, channel.',
      'customer: The input "customer" is required.',
      'count: The input "count" must be a whole number.',
      'urgent: The input "urgent" must be true or false.',
      'options: The input "options" must be a mapping of names to values.',
      'tags: The input "tags" must be a list.',
    ]);
  });

  it('never accepts a float for a decimal, but accepts whole numbers as exact text', () => {
    expect(problemsOf({ customer: 'a', amount: 12.5 })).toEqual([expect.stringContaining('exact decimal written as text')]);
    expect(problemsOf({ customer: 'a', amount: '12,50' })).toEqual([expect.stringContaining('decimal written as text')]);
    expect(validateRunInputs(specs, { customer: 'a', amount: 12 })).toMatchObject({ ok: true, values: { amount: '12' } });
  });

  it('checks dates and zoned datetimes', () => {
    expect(problemsOf({ customer: 'a', day: '2024-02-29', at: '2024-05-01T09:30:00+02:00' })).toEqual([]);
    expect(problemsOf({ customer: 'a', at: '2024-05-01T09:30:00.123Z' })).toEqual([]);
    expect(problemsOf({ customer: 'a', day: '2023-02-29' })).toEqual([expect.stringContaining('YYYY-MM-DD')]);
    expect(problemsOf({ customer: 'a', day: '01.05.2024' })).toEqual([expect.stringContaining('YYYY-MM-DD')]);
    expect(problemsOf({ customer: 'a', at: '2024-05-01T09:30:00' })).toEqual([expect.stringContaining('time zone')]);
    expect(problemsOf({ customer: 'a', at: '2024-05-01' })).toEqual([expect.stringContaining('time zone')]);
    expect(problemsOf({ customer: 'a', at: '2024-05-01T25:00:00Z' })).toEqual([expect.stringContaining('time zone')]);
  });

  it('checks enum membership', () => {
    expect(problemsOf({ customer: 'a', channel: 'fax' })).toEqual(['channel: The input "channel" must be one of: "email", "slack".']);
  });

  it('treats null as not given', () => {
    expect(validateRunInputs(specs, { customer: 'a', count: null })).toMatchObject({ ok: true, values: { count: 1 } });
  });

  it('coerces CLI strings when asked', () => {
    const result = validateRunInputs(
      specs,
      { customer: 'ACME', count: '42', ratio: '0.25', urgent: 'true', options: '{"a":1}', tags: '["x"]', amount: '10.00' },
      { coerceStrings: true },
    );
    expect(result).toEqual({
      ok: true,
      values: { customer: 'ACME', count: 42, ratio: 0.25, urgent: true, options: { a: 1 }, tags: ['x'], amount: '10.00' },
    });
  });

  it('does not coerce without the option, and reports text that cannot be coerced', () => {
    expect(problemsOf({ customer: 'a', count: '42' })).toEqual([expect.stringContaining('whole number')]);
    expect(problemsOf({ customer: 'a', count: '4x2', options: '{broken' }, true)).toEqual([
      expect.stringContaining('"count" must be a whole number'),
      expect.stringContaining('"options" must be a mapping'),
    ]);
  });

  it('says when a workflow takes no inputs', () => {
    expect(validateRunInputs({}, { x: 1 })).toEqual({ ok: false, problems: [{ input: 'x', message: 'There is no input named "x". This workflow takes no inputs.' }] });
  });
});
