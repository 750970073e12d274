import { canonicalJson, toJsonValue } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves array order alone', () => {
    const a = canonicalJson({ b: 1, a: { d: [3, 1, 2], c: 'x' } });
    const b = canonicalJson({ a: { c: 'x', d: [3, 1, 2] }, b: 1 });
    expect(a).toBe('{"a":{"c":"x","d":[3,1,2]},"b":1}');
    expect(b).toBe(a);
  });

  it('sorts keys by UTF-16 code units, not by locale', () => {
    expect(canonicalJson({ b: 0, B: 0, 'é': 0, a: 0, '10': 0, '9': 0 })).toBe('{"10":0,"9":0,"B":0,"a":0,"b":0,"é":0}');
  });

  it('writes numbers, strings and dates one way only', () => {
    expect(canonicalJson([1.0, 1e21, 0.1, -0, 'line\nbreak "quoted"'])).toBe('[1,1e+21,0.1,0,"line\\nbreak \\"quoted\\""]');
    expect(canonicalJson({ at: new Date('2026-01-05T10:00:00+01:00') })).toBe('{"at":"2026-01-05T09:00:00.000Z"}');
  });

  it('leaves out undefined members and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(expect.objectContaining({ code: 'AUDIT_ENTRY_INVALID' }));
    expect(() => canonicalJson({ n: 10n })).toThrow(expect.objectContaining({ code: 'AUDIT_ENTRY_INVALID' }));
  });
});

describe('toJsonValue', () => {
  it('gives what a jsonb column gives back', () => {
    expect(toJsonValue({ at: new Date('2026-01-05T09:00:00Z'), gone: undefined, list: [undefined, Infinity] })).toEqual({
      at: '2026-01-05T09:00:00.000Z',
      list: [null, null],
    });
    expect(toJsonValue(undefined)).toBeNull();
  });

  it('refuses values JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => toJsonValue(cyclic)).toThrow(expect.objectContaining({ code: 'AUDIT_ENTRY_INVALID' }));
    expect(() => toJsonValue({ big: 1n })).toThrow(expect.objectContaining({ code: 'AUDIT_ENTRY_INVALID' }));
  });
});
