import { freeVariables } from './free-variables';
import { compiledExpressionCacheSize, compileExpression } from './expression-compiler';

describe('freeVariables', () => {
  it('lists top-level names with the field read on them', () => {
    expect(freeVariables('inputs.amount > 10 && steps["fetch"].status == "succeeded" || item')).toEqual([
      { name: 'inputs', field: 'amount' },
      { name: 'steps', field: 'fetch' },
      { name: 'item', field: undefined },
    ]);
  });

  it('ignores names bound by list macros and cel.bind, and the cel/optional namespaces', () => {
    expect(freeVariables('inputs.rows.map(row, row.total).exists(t, t > limit)')).toEqual([
      { name: 'inputs', field: 'rows' },
      { name: 'limit', field: undefined },
    ]);
    expect(freeVariables('cel.bind(total, steps.a.outputs.sum, total * 2 + other)')).toEqual([
      { name: 'steps', field: 'a' },
      { name: 'other', field: undefined },
    ]);
    expect(freeVariables('optional.of(1).orValue(2)')).toEqual([]);
  });

  it('still sees an outer variable used as the macro receiver', () => {
    expect(freeVariables('row.map(row, row)')).toEqual([{ name: 'row', field: undefined }]);
  });

  it('returns nothing for unparseable sources', () => {
    expect(freeVariables('a +')).toEqual([]);
  });
});

describe('compiled expression cache', () => {
  it('stays bounded and reuses compiled expressions', () => {
    const first = compileExpression('1 + 1');
    expect(compileExpression('1 + 1')).toBe(first);
    for (let index = 0; index < 2_500; index++) compileExpression(`${index} + 1`);
    expect(compiledExpressionCacheSize()).toBeLessThanOrEqual(2_000);
  });
});
