import { DomainError, newId, toErrorInfo, type ErrorInfo } from '@conveyor/kernel';
import type { ApprovalTaskGateway, TaskListQuery } from './approval-ports';
import { isDecimalAmount, toDecimalText } from './decimal-amount';
import { canSee, DEFAULT_TASK_ACCESS, taskNotFound, type TaskAccessOptions } from './task-access';
import { delegateTask, claimTask, releaseTask } from './task-assignment.transitions';
import type { TaskChange } from './task-change';
import { TaskChangeApplier, type ApprovalDependencies } from './task-change-applier';
import { decideTask, resubmitTask, type DecisionInput, type ResubmitInput } from './task-decision.transitions';
import { openNewTask, reopenCancelledTask, type OpenedTask, type OpenTaskRequest } from './task-opening';
import { cancelTask } from './task-timer.transitions';
import { decodeCursor, encodeCursor, toEventView, toTaskView, type TaskDetailView, type TaskView } from './task-views';
import { isFinal, TASK_STATUSES, type Task, type TaskPrincipal, type TaskStatus } from './task.model';
import { runDueWork, type DueWorkReport } from './approval-due-work';

export interface TaskFilter {
  /** Default: the inbox, i.e. open tasks and tasks sent back to the principal for changes. */
  status?: TaskStatus | TaskStatus[];
  workflowId?: string;
  runId?: string;
  amountMin?: string | number;
  amountMax?: string | number;
  dueBefore?: Date | string;
  /** Every task, not only the principal's: for the read-all roles (admin, auditor). */
  all?: boolean;
  /** 1..200, default 50. */
  limit?: number;
  cursor?: string;
}

export interface BulkDecisionItem extends DecisionInput {
  taskId: string;
}

export type BulkDecisionResult = { taskId: string; ok: true; task: TaskView } | { taskId: string; ok: false; error: ErrorInfo };

export interface ApprovalServiceOptions extends Partial<TaskAccessOptions> {
  /** How many tasks one bulk decision may carry (default 100). */
  maxBulk?: number;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/**
 * The approvals application service: opens tasks for approval steps, serves the inbox, takes decisions
 * (each under the task's row lock, so two people deciding at once get one winner and one TASK_CONFLICT),
 * and runs the scheduler's due work (reminders, escalations, timeouts, undelivered outcomes).
 */
export class ApprovalService implements ApprovalTaskGateway {
  private readonly access: TaskAccessOptions;
  private readonly applier: TaskChangeApplier;
  private readonly maxBulk: number;

  constructor(private readonly deps: ApprovalDependencies, options: ApprovalServiceOptions = {}) {
    this.access = { readAllRoles: options.readAllRoles ?? DEFAULT_TASK_ACCESS.readAllRoles, superviseRoles: options.superviseRoles ?? DEFAULT_TASK_ACCESS.superviseRoles };
    this.applier = new TaskChangeApplier(deps);
    this.maxBulk = options.maxBulk ?? 100;
  }

  /**
   * Idempotent per step execution: the same idempotency key always returns the same task. With
   * reopenCancelled (a retried run executing the step afresh), a task cancelled with the run is asked again.
   */
  async openTask(request: OpenTaskRequest, options: { reopenCancelled?: boolean } = {}): Promise<OpenedTask> {
    const existing = await this.deps.tasks.findByStepExecution(request.idempotencyKey);
    if (existing) return existing.status === 'cancelled' && options.reopenCancelled ? this.reopen(existing.id, request) : opened(existing);
    const change = openNewTask(request, newId(), this.deps.clock.now());
    const result = await this.deps.tasks.transaction(async (tx) => {
      if (!(await tx.insert(change.task))) return { task: await tx.lockByStepExecution(request.idempotencyKey) };
      await this.applier.write(tx, undefined, change);
      return { task: change.task, change };
    });
    await this.applier.afterCommit(result.change);
    if (!result.task) throw new DomainError('TASK_CONFLICT', `No task could be opened for ${request.idempotencyKey}`, { idempotencyKey: request.idempotencyKey });
    return opened(result.task);
  }

  private async reopen(taskId: string, request: OpenTaskRequest): Promise<OpenedTask> {
    const now = this.deps.clock.now();
    const result = await this.deps.tasks.transaction((tx) => this.applier.changeLocked(tx, taskId, (task) => reopenCancelledTask(task, request, now)));
    await this.applier.afterCommit(result.change);
    return opened(result.task!);
  }

  async listTasks(principal: TaskPrincipal, filter: TaskFilter = {}): Promise<{ items: TaskView[]; nextCursor?: string }> {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw invalidFilter(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
    if (filter.all && !this.access.readAllRoles.some((role) => principal.roles.includes(role))) {
      throw new DomainError('FORBIDDEN', `Only ${this.access.readAllRoles.join(' or ')} may list every task`);
    }
    const query: TaskListQuery = {
      viewer: filter.all ? 'all' : { id: principal.id, roles: principal.roles, groups: principal.groups },
      status: statusesOf(filter.status),
      workflowId: filter.workflowId,
      runId: filter.runId,
      amountMin: amountOf('amountMin', filter.amountMin),
      amountMax: amountOf('amountMax', filter.amountMax),
      dueBefore: dateOf(filter.dueBefore),
      limit,
      after: filter.cursor ? decodeCursor(filter.cursor) : undefined,
    };
    const rows = await this.deps.tasks.list(query);
    const page = rows.slice(0, limit);
    const items = page.map((task) => toTaskView(task, principal, this.access));
    return rows.length > limit ? { items, nextCursor: encodeCursor(page[page.length - 1]) } : { items };
  }

  /** The task with its history; TASK_NOT_FOUND when the principal may not see it. */
  async getTask(principal: TaskPrincipal, taskId: string): Promise<TaskDetailView> {
    const task = await this.deps.tasks.find(taskId);
    if (!task || !canSee(task, principal, this.access)) throw taskNotFound(taskId);
    const history = await this.deps.tasks.history(taskId);
    return { ...toTaskView(task, principal, this.access), history: history.map(toEventView) };
  }

  claim(principal: TaskPrincipal, taskId: string): Promise<TaskView> {
    return this.act(principal, taskId, (task, now) => claimTask(task, principal, now, this.access));
  }

  release(principal: TaskPrincipal, taskId: string): Promise<TaskView> {
    return this.act(principal, taskId, (task, now) => releaseTask(task, principal, now, this.access));
  }

  delegate(principal: TaskPrincipal, taskId: string, toUser: string, comment?: string): Promise<TaskView> {
    return this.act(principal, taskId, (task, now) => delegateTask(task, principal, toUser, now, this.access, comment));
  }

  decide(principal: TaskPrincipal, taskId: string, input: DecisionInput): Promise<TaskView> {
    return this.act(principal, taskId, (task, now) => decideTask(task, principal, input, now, this.access));
  }

  resubmit(principal: TaskPrincipal, taskId: string, input: ResubmitInput = {}): Promise<TaskView> {
    return this.act(principal, taskId, (task, now) => resubmitTask(task, principal, input, now, this.access));
  }

  /** Each task is decided on its own (its own transaction); one refusal does not stop the others. */
  async bulkDecide(principal: TaskPrincipal, items: BulkDecisionItem[]): Promise<{ results: BulkDecisionResult[] }> {
    if (items.length === 0 || items.length > this.maxBulk) {
      throw new DomainError('BULK_DECISION_INVALID', `A bulk decision takes 1 to ${this.maxBulk} tasks, got ${items.length}`, { count: items.length });
    }
    const results: BulkDecisionResult[] = [];
    for (const { taskId, ...input } of items) {
      try {
        results.push({ taskId, ok: true, task: await this.decide(principal, taskId, input) });
      } catch (error) {
        results.push({ taskId, ok: false, error: toErrorInfo(error) });
      }
    }
    return { results };
  }

  /** Withdraws the run's unfinished tasks (the run was cancelled or failed); nobody is woken. Returns how many. */
  async cancelForRun(runId: string, actor: string, reason: string): Promise<number> {
    const now = this.deps.clock.now();
    return this.deps.tasks.transaction(async (tx) => {
      let cancelled = 0;
      for (const task of await tx.lockUnfinishedOfRun(runId)) {
        const change = cancelTask(task, actor, reason, now);
        if (!change) continue;
        await this.applier.write(tx, task, change);
        cancelled++;
      }
      return cancelled;
    });
  }

  /** The scheduler's duty: reminders, escalations, final timeouts and outcomes not yet delivered, due at `now`. */
  runDueWork(now: Date = this.deps.clock.now()): Promise<DueWorkReport> {
    return runDueWork(this.deps.tasks, this.applier, now);
  }

  private async act(principal: TaskPrincipal, taskId: string, rule: (task: Task, now: Date) => TaskChange | undefined): Promise<TaskView> {
    const now = this.deps.clock.now();
    const result = await this.deps.tasks.transaction((tx) =>
      this.applier.changeLocked(tx, taskId, (task) => rule(task, now), { notFound: () => taskNotFound(taskId) }),
    );
    await this.applier.afterCommit(result.change);
    return toTaskView(result.task!, principal, this.access);
  }
}

function opened(task: Task): OpenedTask {
  if (!isFinal(task.status) || task.status === 'cancelled') return { taskId: task.id, status: task.status };
  return { taskId: task.id, status: task.status, ...(task.outputs ? { outputs: task.outputs } : {}) };
}

function statusesOf(status: TaskFilter['status']): TaskStatus[] {
  const list = status === undefined ? ['open', 'changes-requested'] : Array.isArray(status) ? status : [status];
  const unknown = list.filter((each) => !(TASK_STATUSES as readonly string[]).includes(each));
  if (unknown.length > 0) throw invalidFilter(`unknown status ${unknown.join(', ')}; statuses are ${TASK_STATUSES.join(', ')}`);
  return list as TaskStatus[];
}

function amountOf(field: string, value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isDecimalAmount(value)) throw invalidFilter(`${field} must be a decimal amount like 1000.00`);
  return toDecimalText(value);
}

function dateOf(value: Date | string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw invalidFilter('dueBefore must be an ISO date-time');
  return date;
}

function invalidFilter(message: string): DomainError {
  return new DomainError('INVALID_FILTER', message);
}
