import type { BankLine } from './bank-line';
import type { LedgerItem } from './ledger-index';
import { assignProposals } from './proposal-assignment';
import type { Proposal } from './proposal-scoring';

const item = (index: number, amountMinor = 100_00): LedgerItem => ({ index, amountMinor, item: { id: `item-${index}` } }) as LedgerItem;
const line = (transactionId: string): BankLine => ({ transactionId }) as BankLine;
const proposal = (on: BankLine, items: LedgerItem[], score: number): Proposal => ({
  line: on,
  items,
  allocations: items.map((candidate) => candidate.amountMinor),
  score,
  strong: true,
  namedItems: 0,
  reasons: () => [],
  fit: { kind: 'exact', differenceMinor: 0, reason: () => '' },
});

describe('assignProposals (stage 6)', () => {
  it('solves a cluster optimally where taking the best pair first would leave a line without a match', () => {
    const [x, y] = [item(0), item(1)];
    const [first, second] = [line('0:0'), line('0:1')];
    const viable = [
      [proposal(first, [x], 0.9), proposal(first, [y], 0.85)],
      [proposal(second, [x], 0.88)],
    ];
    const chosen = assignProposals(viable, 60);
    expect(chosen.map((picked) => picked?.items[0].index)).toEqual([1, 0]);
  });

  it('falls back to greedy by score above the cluster bound, and never gives one item to two lines', () => {
    const [x, y] = [item(0), item(1)];
    const lines = [line('0:0'), line('0:1'), line('0:2')];
    const viable = [
      [proposal(lines[0], [x], 0.9), proposal(lines[0], [y], 0.85)],
      [proposal(lines[1], [x], 0.88)],
      [proposal(lines[2], [x], 0.5), proposal(lines[2], [y], 0.6)],
    ];
    const chosen = assignProposals(viable, 1);
    expect(chosen.map((picked) => picked?.items[0].index ?? null)).toEqual([0, null, 1]);
  });

  it('places a proposal settling several items before single ones and lets instalments share an item', () => {
    const [x, y] = [item(0), item(1)];
    const lines = [line('0:0'), line('0:1'), line('0:2')];
    const partial = (on: BankLine, share: number): Proposal => ({ ...proposal(on, [y], 0.7), allocations: [share], fit: { kind: 'underpaid', differenceMinor: -1, reason: () => '' } });
    const viable = [[proposal(lines[0], [x, y], 1.1)], [partial(lines[1], 40_00), proposal(lines[1], [x], 0.6)], [partial(lines[2], 30_00)]];
    const chosen = assignProposals(viable, 60);
    expect(chosen[0]?.items.map((picked) => picked.index)).toEqual([0, 1]);
    expect(chosen[1]).toBeNull();
    expect(chosen[2]).toBeNull();

    const instalments = assignProposals([[partial(lines[1], 40_00)], [partial(lines[2], 60_00)]], 60);
    expect(instalments.map((picked) => picked?.allocations[0])).toEqual([40_00, 60_00]);
  });
});
