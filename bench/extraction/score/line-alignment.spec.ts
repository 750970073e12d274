import { alignLines, lineIsCorrect } from './line-alignment';

describe('Hungarian line alignment', () => {
  it('finds the optimal one-to-one pairing, not the first acceptable one', () => {
    const truths = [
      { name: 'Steel screws M8', quantity: 2, amount: 10 },
      { name: 'Steel screws M6', quantity: 2, amount: 10 },
    ];
    const predicted = [
      { name: 'Steel screws M6', quantity: '2', amount: '10.00' },
      { name: 'Steel screws M8', quantity: '2', amount: '10.00' },
    ];
    const alignment = alignLines(predicted, truths);
    expect(alignment.pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(alignment.correct).toBe(2);
  });

  it('handles more predictions than truths and judges each pair on amount, quantity and name', () => {
    const truths = [
      { name: 'Consulting services', quantity: 4, amount: 480 },
      { name: 'Delivery charge', quantity: 1, amount: 12.5 },
    ];
    const predicted = [
      { name: 'Page 1 of 2', quantity: null, amount: null },
      { name: 'Delivery charge', quantity: '1', amount: '12.50' },
      { name: 'Consulting services', quantity: '4', amount: '480.01' },
    ];
    const alignment = alignLines(predicted, truths);
    expect(alignment).toMatchObject({ truths: 2, predicted: 3, correct: 1 });
    expect(alignment.pairs).toContainEqual([0, 2]);
    expect(alignment.pairs).toContainEqual([1, 1]);
  });

  it('requires name similarity of at least 0.8', () => {
    expect(lineIsCorrect({ name: 'Consulting servces', quantity: 1, amount: 5 }, { name: 'Consulting services', quantity: 1, amount: 5 })).toBe(true);
    expect(lineIsCorrect({ name: 'Travel expenses', quantity: 1, amount: 5 }, { name: 'Consulting services', quantity: 1, amount: 5 })).toBe(false);
    expect(lineIsCorrect({ name: 'Consulting services', quantity: 2, amount: 5 }, { name: 'Consulting services', quantity: 1, amount: 5 })).toBe(false);
  });

  it('scores nothing when either side is empty', () => {
    expect(alignLines([], [{ name: 'a', quantity: 1, amount: 1 }])).toMatchObject({ truths: 1, predicted: 0, correct: 0 });
  });
});
