/**
 * At most `limit` holders at once; the others wait in arrival order. The engine admits a page before decoding it,
 * so a burst of calls holds only a few decoded images in memory, not one per call.
 */
export class AdmissionGate {
  private holders = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async hold<T>(work: () => Promise<T>): Promise<T> {
    if (this.holders >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.holders += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.holders -= 1;
    }
  }
}
