import type { AuditRecord, ChainHead } from './audit-entry';
import { GENESIS_HASH, hashRecord } from './record-hash';

/**
 * Why the chain is broken at a record:
 * - edited: the record no longer matches its hash, or no longer links to the record before it
 *   (one of them was changed and re-hashed, or records between them were removed and renumbered);
 * - missing: records were deleted (a gap in the sequence, or fewer records than the head counts);
 * - reordered: records are out of sequence, or a record was moved to another place;
 * - head-mismatch: the head (last seq and hash, kept apart from the records) disagrees with the records.
 */
export type ChainBreakReason = 'edited' | 'missing' | 'reordered' | 'head-mismatch';

export interface ChainBreak {
  /** The first record that fails verification (for head-mismatch: the record the head disagrees about). */
  seq: number;
  reason: ChainBreakReason;
  message: string;
}

export interface ChainVerdict {
  ok: boolean;
  /** Records verified intact and in place (all of them when ok). */
  checked: number;
  firstBroken?: ChainBreak;
}

/**
 * Verifies a chain read one record at a time in storage order (seq ascending), in constant memory.
 * It holds back one record, because telling a moved record from an edited one needs the next.
 */
export class ChainVerifier {
  private previous: ChainHead = { seq: 0, hash: GENESIS_HASH };
  private pending: AuditRecord | undefined;
  private broken: ChainBreak | undefined;
  private checked = 0;
  private lastPushed = 0;

  /** The seq of the last record pushed: where a reader continues. */
  get lastSeq(): number {
    return this.lastPushed;
  }

  get isBroken(): boolean {
    return this.broken !== undefined;
  }

  push(record: AuditRecord): void {
    this.lastPushed = record.seq;
    if (this.broken) return;
    if (this.pending) this.check(this.pending, record);
    this.pending = record;
  }

  /** The verdict once every record is pushed; `head` (when known) must name the last record. */
  finish(head?: ChainHead): ChainVerdict {
    if (this.pending && !this.broken) this.check(this.pending, undefined);
    this.pending = undefined;
    if (head && !this.broken) this.checkHead(head);
    return this.broken ? { ok: false, checked: this.checked, firstBroken: this.broken } : { ok: true, checked: this.checked };
  }

  private check(record: AuditRecord, next: AuditRecord | undefined): void {
    const expected = this.previous.seq + 1;
    if (record.seq < expected) {
      this.break(record.seq, 'reordered', `record ${record.seq} comes after record ${expected - 1}`);
    } else if (record.seq > expected) {
      if (next?.seq === expected) this.break(expected, 'reordered', `record ${expected} comes after record ${record.seq}`);
      else this.break(expected, 'missing', `${describeRange(expected, record.seq - 1)} missing`);
    } else {
      const intact = hashRecord(record) === record.hash;
      const linked = record.prevHash === this.previous.hash;
      if (intact && linked) {
        this.previous = { seq: record.seq, hash: record.hash };
        this.checked += 1;
      } else if (next && next.hash === record.prevHash) {
        this.break(record.seq, 'reordered', `record ${record.seq} was chained after the record now at ${next.seq}: records were moved`);
      } else if (!intact) {
        this.break(record.seq, 'edited', `record ${record.seq} does not match its hash: it was changed after it was recorded`);
      } else {
        this.break(
          record.seq,
          'edited',
          `record ${record.seq} is not chained to record ${record.seq - 1}: one of them was changed and re-hashed, or records were removed and renumbered`,
        );
      }
    }
  }

  private checkHead(head: ChainHead): void {
    const last = this.previous;
    if (head.seq > last.seq) {
      this.break(last.seq + 1, 'missing', `${describeRange(last.seq + 1, head.seq)} missing: the trail's head counts ${head.seq} records`);
    } else if (head.seq < last.seq) {
      this.break(head.seq + 1, 'head-mismatch', `record ${head.seq + 1} lies beyond the trail's head (${head.seq}): it was not appended through the trail`);
    } else if (head.hash !== last.hash) {
      this.break(last.seq, 'head-mismatch', `record ${last.seq} does not carry the hash the trail's head recorded for it`);
    }
  }

  private break(seq: number, reason: ChainBreakReason, message: string): void {
    this.broken = { seq, reason, message };
  }
}

/** Verifies a whole sequence of records (an array, an export being read back) against an optional head. */
export async function verifyChain(records: Iterable<AuditRecord> | AsyncIterable<AuditRecord>, head?: ChainHead): Promise<ChainVerdict> {
  const verifier = new ChainVerifier();
  for await (const record of records) {
    verifier.push(record);
    if (verifier.isBroken) break;
  }
  return verifier.finish(head);
}

function describeRange(from: number, to: number): string {
  return from === to ? `record ${from} is` : `records ${from} to ${to} are`;
}
