/** A small seeded generator (mulberry32): the same seed gives the same ledger and statements on every machine. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }

  digits(count: number): string {
    let text = '';
    for (let index = 0; index < count; index += 1) text += String(this.int(0, 9));
    return text;
  }

  /** A log-normal amount in minor units around `median`, for invoice totals. */
  amountMinor(median: number): number {
    const normal = Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
    return Math.max(500, Math.round(median * Math.exp(normal * 0.9)));
  }

  shuffle<T>(list: T[]): T[] {
    for (let index = list.length - 1; index > 0; index -= 1) {
      const other = Math.floor(this.next() * (index + 1));
      [list[index], list[other]] = [list[other], list[index]];
    }
    return list;
  }
}
