import { isDomainError, type Clock } from '@conveyor/kernel';
import { taskSignal, type AuditRecorder, type RunSignaler, type TaskNotifier, type TaskRepository, type TaskTransaction } from './approval-ports';
import type { TaskChange, TaskEffect } from './task-change';
import { signalResult } from './task-timer.transitions';
import { currentRoundDecisions, SYSTEM_ACTOR, type Task, type TaskEvent } from './task.model';

export interface ApprovalDependencies {
  tasks: TaskRepository;
  audit: AuditRecorder;
  signaler: RunSignaler;
  notifier: TaskNotifier;
  clock: Clock;
  /** Told about failures that must not fail the caller (a notification that could not be sent). */
  onError?: (error: unknown, context: Record<string, unknown>) => void;
}

/** History lines about delivering the outcome to the run are operations, not business changes: not audited. */
const UNAUDITED: readonly TaskEvent['type'][] = ['signalled', 'signal-undelivered'];

/**
 * Writes a change inside its transaction (task row, decision, history, audit: all or nothing) and carries
 * out its effects after commit (notifications; waking the waiting step, with the outcome of that recorded).
 */
export class TaskChangeApplier {
  constructor(private readonly deps: ApprovalDependencies) {}

  async write(tx: TaskTransaction, before: Task | undefined, change: TaskChange): Promise<void> {
    if (before && change.task !== before) await tx.update(change.task);
    if (change.decision) await tx.insertDecision(change.decision);
    if (change.events.length > 0) await tx.appendEvents(change.events);
    for (const event of change.events) {
      if (UNAUDITED.includes(event.type)) continue;
      await this.deps.audit.record(
        {
          actor: event.actor,
          action: `task.${event.type}`,
          entityType: 'task',
          entityId: change.task.id,
          before: before ? auditSnapshot(before) : undefined,
          after: auditSnapshot(change.task),
          runId: change.task.runId,
          workflowId: change.task.workflowId,
          revision: change.task.revision,
          details: event.details,
          at: event.at,
        },
        tx.handle,
      );
    }
  }

  /** Locks the task, applies `rule` to it and writes the result; the rule may say "nothing to do" (undefined). */
  async changeLocked(
    tx: TaskTransaction,
    taskId: string,
    rule: (task: Task) => TaskChange | undefined,
    options: { skipLocked?: boolean; notFound?: () => Error } = {},
  ): Promise<{ task?: Task; change?: TaskChange }> {
    const task = await tx.lock(taskId, { skipLocked: options.skipLocked });
    if (!task) {
      if (options.notFound) throw options.notFound();
      return {};
    }
    const change = rule(task);
    if (!change) return { task };
    await this.write(tx, task, change);
    return { task: change.task, change };
  }

  async afterCommit(change: TaskChange | undefined, now?: Date): Promise<void> {
    if (!change) return;
    for (const effect of change.effects) {
      if (effect === 'signal') await this.deliverOutcome(change.task, now);
      else await this.notify(effect, change.task);
    }
  }

  /** Tells the waiting step the outcome, then records how that went (and when to try again). */
  async deliverOutcome(task: Task, now?: Date): Promise<void> {
    if (!task.outputs) return;
    let result: Parameters<typeof signalResult>[2];
    try {
      const answer = await this.deps.signaler.signal(task.runId, taskSignal(task.id), task.outputs, { id: signallingActor(task) });
      result = { resumed: answer ? answer.resumed : undefined };
    } catch (error) {
      result = {
        error: {
          code: isDomainError(error) ? error.code : 'SIGNAL_FAILED',
          message: error instanceof Error ? error.message : String(error),
          retryable: isDomainError(error) ? error.retryable : true,
        },
      };
    }
    try {
      await this.deps.tasks.transaction((tx) => this.changeLocked(tx, task.id, (current) => signalResult(current, now ?? this.deps.clock.now(), result)));
    } catch (error) {
      // The outcome stays undelivered in the database; the scheduler's due-work scan offers it again.
      this.deps.onError?.(error, { taskId: task.id, action: 'record-signal' });
    }
  }

  private async notify(effect: Exclude<TaskEffect, 'signal'>, task: Task): Promise<void> {
    try {
      if (effect === 'assigned') await this.deps.notifier.assigned(task);
      else if (effect === 'escalated') await this.deps.notifier.escalated(task);
      else await this.deps.notifier.remind(task);
    } catch (error) {
      this.deps.onError?.(error, { taskId: task.id, action: `notify-${effect}` });
    }
  }
}

/** Who the run's event log names as having woken the step: the last decider, or the system on a timeout. */
function signallingActor(task: Task): string {
  const decidedBy = task.outputs?.decidedBy ?? [];
  return decidedBy[decidedBy.length - 1] ?? SYSTEM_ACTOR;
}

/** The parts of a task an auditor compares before and after a change. */
function auditSnapshot(task: Task): Record<string, unknown> {
  return {
    status: task.status,
    round: task.round,
    assignees: task.assignees,
    claimedBy: task.claimedBy ?? null,
    approvals: currentRoundDecisions(task).filter((decision) => decision.outcome === 'approve').map((decision) => decision.actor),
    requiredApprovals: task.requiredApprovals,
    changesRequestedFrom: task.changesRequestedFrom ?? null,
    escalationLevel: task.escalationLevel,
    outcome: task.outcome ?? null,
    version: task.version,
  };
}
