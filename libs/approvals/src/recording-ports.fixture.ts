import type { AuditEntryInput, AuditRecorder, RunSignaler, TaskNotifier } from './approval-ports';
import type { Task } from './task.model';

/**
 * Simple real implementations of the ports other components own (audit trail, run signalling, email):
 * they keep what they were given so tests can check it.
 */
export class RecordingAuditRecorder implements AuditRecorder {
  readonly entries: { entry: AuditEntryInput; transaction: unknown }[] = [];
  /** Set to make the next record fail (to show the change rolls back with it). */
  failNext?: Error;
  /** Runs with the transaction handle of each record (e.g. a query through the SQL transaction). */
  onRecord?: (entry: AuditEntryInput, transaction: unknown) => Promise<void>;

  async record(entry: AuditEntryInput, transaction?: unknown): Promise<void> {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    await this.onRecord?.(entry, transaction);
    this.entries.push({ entry, transaction });
  }

  actions(): string[] {
    return this.entries.map(({ entry }) => entry.action);
  }
}

export class RecordingRunSignaler implements RunSignaler {
  readonly signals: { runId: string; signal: string; payload: unknown; actor: string }[] = [];
  /** What the next signals answer: a result, or an error to throw. */
  answers: ({ resumed: boolean } | Error)[] = [];

  async signal(runId: string, signal: string, payload: unknown, actor: { id: string }): Promise<{ resumed: boolean }> {
    const answer = this.answers.shift() ?? { resumed: true };
    if (answer instanceof Error) throw answer;
    this.signals.push({ runId, signal, payload: structuredClone(payload), actor: actor.id });
    return answer;
  }
}

export class RecordingNotifier implements TaskNotifier {
  readonly sent: { kind: 'assigned' | 'remind' | 'escalated'; taskId: string; status: string; claimedBy?: string }[] = [];

  async assigned(task: Task): Promise<void> {
    this.sent.push({ kind: 'assigned', taskId: task.id, status: task.status, claimedBy: task.claimedBy });
  }

  async remind(task: Task): Promise<void> {
    this.sent.push({ kind: 'remind', taskId: task.id, status: task.status });
  }

  async escalated(task: Task): Promise<void> {
    this.sent.push({ kind: 'escalated', taskId: task.id, status: task.status });
  }

  kinds(): string[] {
    return this.sent.map((each) => each.kind);
  }
}
