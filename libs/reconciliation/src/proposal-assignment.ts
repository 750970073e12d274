import { munkres } from 'munkres';
import type { Proposal } from './proposal-scoring';

/** Above any sum of score parts. */
const MAX_SCORE = 3;

/**
 * Stage 6: which line gets which proposal when lines compete for the same open items. Lines linked through
 * shared items form clusters (typically equal amounts from several vendors in one week); each cluster up to
 * `maxCluster` lines is solved optimally (Hungarian method, maximum total score, a line may stay unmatched),
 * larger ones greedily by score. Proposals that settle several items are placed first, best first. Then lines
 * still without a match take their best proposal that fits what is left of the items (instalments of one
 * invoice share it).
 */
export function assignProposals(viable: Proposal[][], maxCluster: number): (Proposal | null)[] {
  const chosen: (Proposal | null)[] = viable.map(() => null);
  const remaining = new Map<number, number>();
  for (const proposals of viable) for (const proposal of proposals) for (const item of proposal.items) remaining.set(item.index, item.amountMinor);

  const fits = (proposal: Proposal): boolean =>
    proposal.items.every((item, position) => {
      const left = remaining.get(item.index) ?? 0;
      const takesAll = proposal.allocations[position] >= item.amountMinor;
      return takesAll ? left === item.amountMinor : left >= proposal.allocations[position];
    });
  const take = (line: number, proposal: Proposal): void => {
    chosen[line] = proposal;
    proposal.items.forEach((item, position) => {
      const takesAll = proposal.allocations[position] >= item.amountMinor;
      remaining.set(item.index, takesAll ? 0 : (remaining.get(item.index) ?? 0) - proposal.allocations[position]);
    });
  };

  for (const cluster of clusters(viable)) {
    if (cluster.length === 1) {
      const [line] = cluster;
      const best = viable[line].find(fits);
      if (best !== undefined) take(line, best);
      continue;
    }
    // Multi-item proposals that beat every single-item proposal of their line go first.
    const singles: number[] = [];
    for (const line of [...cluster].sort((a, b) => viable[b][0].score - viable[a][0].score)) {
      const best = viable[line][0];
      if (best.items.length > 1 && fits(best)) take(line, best);
      else singles.push(line);
    }
    if (singles.length <= maxCluster) assignOptimally(singles, viable, fits, take);
    else assignGreedily(singles, viable, fits, take);
  }
  // Lines left over try what is left: partial payments of one invoice, second-best proposals. Not a line
  // whose strong best proposal went to another line: that is a possible duplicate payment, for a person.
  viable.forEach((proposals, line) => {
    if (chosen[line] !== null || (proposals[0]?.strong && !fits(proposals[0]))) return;
    const fitting = proposals.find(fits);
    if (fitting !== undefined) take(line, fitting);
  });
  return chosen;
}

function clusters(viable: Proposal[][]): number[][] {
  const parent = viable.map((_, line) => line);
  const root = (line: number): number => {
    let current = line;
    while (parent[current] !== current) {
      parent[current] = parent[parent[current]];
      current = parent[current];
    }
    return current;
  };
  const ownerOfItem = new Map<number, number>();
  viable.forEach((proposals, line) => {
    for (const proposal of proposals) {
      for (const item of proposal.items) {
        const owner = ownerOfItem.get(item.index);
        if (owner === undefined) ownerOfItem.set(item.index, line);
        else parent[root(owner)] = root(line);
      }
    }
  });
  const byRoot = new Map<number, number[]>();
  viable.forEach((proposals, line) => {
    if (proposals.length === 0) return;
    const members = byRoot.get(root(line)) ?? [];
    members.push(line);
    byRoot.set(root(line), members);
  });
  return [...byRoot.values()];
}

function assignOptimally(lines: number[], viable: Proposal[][], fits: (proposal: Proposal) => boolean, take: (line: number, proposal: Proposal) => void): void {
  const columns = new Map<number, number>();
  const best = lines.map((line) => {
    const byItem = new Map<number, Proposal>();
    for (const proposal of viable[line]) {
      if (proposal.items.length !== 1 || !fits(proposal)) continue;
      const item = proposal.items[0].index;
      if (!byItem.has(item)) byItem.set(item, proposal); // sorted best first
      if (!columns.has(item)) columns.set(item, columns.size);
    }
    return byItem;
  });
  if (columns.size === 0) return;
  // Cost MAX - score (scores stay below MAX); one "stay unmatched" column per line at cost MAX, so a line is
  // never forced onto an item.
  const width = columns.size + lines.length;
  const costs = lines.map((_, row) => {
    const costRow = new Array<number>(width).fill(MAX_SCORE);
    for (const [item, proposal] of best[row]) costRow[columns.get(item)!] = MAX_SCORE - proposal.score;
    return costRow;
  });
  const itemAt = [...columns.entries()].sort((a, b) => a[1] - b[1]).map(([item]) => item);
  for (const [row, column] of munkres(costs)) {
    if (column >= itemAt.length) continue;
    const proposal = best[row].get(itemAt[column]);
    if (proposal !== undefined && fits(proposal)) take(lines[row], proposal);
  }
}

function assignGreedily(lines: number[], viable: Proposal[][], fits: (proposal: Proposal) => boolean, take: (line: number, proposal: Proposal) => void): void {
  const ranked = lines.flatMap((line) => viable[line].map((proposal) => ({ line, proposal }))).sort((a, b) => b.proposal.score - a.proposal.score);
  const done = new Set<number>();
  for (const { line, proposal } of ranked) {
    if (done.has(line) || !fits(proposal)) continue;
    take(line, proposal);
    done.add(line);
  }
}
