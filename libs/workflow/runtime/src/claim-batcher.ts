import type { ClaimedStep, ClaimRequest } from '@conveyor/persistence';

interface Waiting {
  request: ClaimRequest;
  resolve: (claimed: ClaimedStep | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Claims step deliveries in batches: the deliveries that arrive while one claim statement is in flight
 * are claimed together by the next, so a busy worker spends one round trip on many steps.
 */
export class ClaimBatcher {
  private readonly waiting: Waiting[] = [];
  private claiming = false;

  constructor(private readonly claimAll: (requests: ClaimRequest[]) => Promise<Map<string, ClaimedStep>>, private readonly maxBatch = 200) {}

  claim(request: ClaimRequest): Promise<ClaimedStep | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.claiming) return;
    this.claiming = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          const claimed = await this.claimAll(batch.map((entry) => entry.request));
          for (const entry of batch) entry.resolve(claimed.get(entry.request.stepExecutionId));
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      this.claiming = false;
    }
  }
}
