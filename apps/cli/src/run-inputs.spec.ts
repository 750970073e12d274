import type { InputSpec } from '@conveyor/workflow-dsl';
import { parseInputOptions } from './run-inputs';

const specs: Record<string, InputSpec> = {
  who: { type: 'string', required: true },
  count: { type: 'integer', required: false },
  ratio: { type: 'number', required: false },
  dryRun: { type: 'boolean', required: false },
  amount: { type: 'decimal', required: false },
  tags: { type: 'array', required: false },
  options: { type: 'object', required: false },
};

describe('parseInputOptions', () => {
  it('gives each value the type the workflow declares', () => {
    expect(
      parseInputOptions(
        ['who=Ada Lovelace', 'count=3', 'ratio=0.5', 'dryRun=true', 'amount=1234.50', 'tags=["a","b"]', 'options={"x":1}'],
        specs,
      ),
    ).toEqual({ who: 'Ada Lovelace', count: 3, ratio: 0.5, dryRun: true, amount: '1234.50', tags: ['a', 'b'], options: { x: 1 } });
  });

  it('keeps text that does not fit and undeclared inputs as text (the API reports them)', () => {
    expect(parseInputOptions(['count=many', 'dryRun=maybe', 'other=007', 'who=a=b'], specs)).toEqual({
      count: 'many',
      dryRun: 'maybe',
      other: '007',
      who: 'a=b',
    });
  });

  it('refuses options that are not key=value, and bad JSON for objects', () => {
    expect(() => parseInputOptions(['who'], specs)).toThrow(expect.objectContaining({ code: 'CLI_USAGE' }));
    expect(() => parseInputOptions(['=x'], specs)).toThrow(expect.objectContaining({ code: 'CLI_USAGE' }));
    expect(() => parseInputOptions(['tags=a,b'], specs)).toThrow(expect.objectContaining({ code: 'CLI_USAGE' }));
  });
});
