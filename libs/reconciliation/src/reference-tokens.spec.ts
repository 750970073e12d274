import { exactReferenceKey, foldOcrLookalikes, freeTextReferenceKeys, tolerantReferenceKey } from './reference-tokens';

describe('reference keys', () => {
  it('exact key drops case, spaces, dashes and slashes only', () => {
    expect(exactReferenceKey('inv-2026 / 0042')).toBe('INV20260042');
    expect(exactReferenceKey('RE.2026.42')).toBe('RE.2026.42');
  });

  it.each([
    ['INV-2026-0042', '20260042'],
    ['RE-2026-0042', '20260042'],
    ['Rechnung Nr. 2026-0042', '20260042'],
    ['Nr. 2026/0042', '20260042'],
    ['Invoice no. 2026 0042', '20260042'],
  ])('tolerant key of %s removes the prefix: %s', (text, key) => {
    expect(tolerantReferenceKey(text)).toBe(key);
  });

  it.each([
    ['2O26-OO42', '20260042'],
    ['2026-0O4Z', '2026004Z'],
    ['lNV-2026-0042', '20260042'],
    ['INV-2O26-OO42', '20260042'],
    ['F00S18B', 'F005188'],
  ])('folds OCR look-alikes (0/O, 1/I/l, 5/S, 8/B) in %s', (text, key) => {
    expect(tolerantReferenceKey(text)).toBe(key);
  });

  it('keeps letters that are not a prefix followed by a number', () => {
    expect(tolerantReferenceKey('REX-123')).toBe('REX123');
    expect(tolerantReferenceKey('Zahlung')).toBeNull();
    expect(foldOcrLookalikes('SOIL B')).toBe('5011 8');
  });

  it('finds reference keys in free text, also split by spaces, combined with "/" and after prefix words', () => {
    const keys = freeTextReferenceKeys('Rechnung Nr. 2026 0042 und RE 2026-0043/2026-0044, Kd-Nr 4711');
    expect(keys).toContain('20260042');
    expect(keys).toContain('20260043');
    expect(keys).toContain('20260044');
    expect(keys).toContain('4711');
    expect(keys).not.toContain('RECHNUNG');
  });

  it('ignores keys shorter than four characters (dates, house numbers)', () => {
    expect([...freeTextReferenceKeys('Hauptstr. 12 am 3.4.')].filter((key) => key.length < 4)).toEqual([]);
  });
});
