import { findTemplates, referencedSteps } from './template-inspection';
import { hasNestedQuantifier } from './expression-guard';

describe('findTemplates', () => {
  it('lists every expression with its path', () => {
    const found = findTemplates({
      to: ['${{ inputs.email }}', 'fixed'],
      subject: 'Invoice ${{ inputs.number }} from ${{ steps.fetch.outputs.vendor }}',
      count: 3,
      nested: { when: '${{ run.startedAt }}' },
    });
    expect(found).toEqual([
      { path: ['to', 0], source: 'inputs.email' },
      { path: ['subject'], source: 'inputs.number' },
      { path: ['subject'], source: 'steps.fetch.outputs.vendor' },
      { path: ['nested', 'when'], source: 'run.startedAt' },
    ]);
  });

  it('prefixes paths and flags unclosed templates', () => {
    const [found] = findTemplates('total ${{ inputs.amount', ['with', 'text']);
    expect(found.path).toEqual(['with', 'text']);
    expect(found.source).toBe('inputs.amount');
    expect(found.problem).toContain('closing }}');
  });

  it('returns nothing for plain values', () => {
    expect(findTemplates({ a: 1, b: 'text', c: [true, null] })).toEqual([]);
  });
});

describe('referencedSteps', () => {
  it('collects step ids read through dot, index, optional and has()', () => {
    expect(
      referencedSteps('steps.extract.outputs.total > 10 && steps["check-vat"].outputs.ok || has(steps.notify.outputs) || steps.?late.status == "x"'),
    ).toEqual(['extract', 'check-vat', 'notify', 'late']);
  });

  it('ignores other variables, dynamic access and unparseable sources', () => {
    expect(referencedSteps('inputs.steps.a + item.steps')).toEqual([]);
    expect(referencedSteps('steps[inputs.which].outputs')).toEqual([]);
    expect(referencedSteps('steps.a.outputs >')).toEqual([]);
  });

  it('deduplicates', () => {
    expect(referencedSteps('steps.a.outputs.x + steps.a.outputs.y')).toEqual(['a']);
  });
});

describe('hasNestedQuantifier', () => {
  it.each(['(a+)+', '(a*)*b', '(x|xx)+', '((ab)+c)*', '(a{1,})+'])('flags %s', (pattern) => {
    expect(hasNestedQuantifier(pattern)).toBe(true);
  });

  it.each(['^[A-Z]{2}[0-9]+$', '(ab)+', '\\(a+\\)+', '[(a+)]+', '^INV-\\d{4}-\\d+$', '(a|b)'])('accepts %s', (pattern) => {
    expect(hasNestedQuantifier(pattern)).toBe(false);
  });
});
