import { DomainError } from '@conveyor/kernel';
import type { TaskListQuery, TaskRepository, TaskTransaction } from './approval-ports';
import { canSee } from './task-access';
import { compareAmounts } from './decimal-amount';
import type { Decision, Task, TaskEvent } from './task.model';

/**
 * A TaskRepository in memory for unit tests of ApprovalService: transactions run one at a time (the
 * strongest row lock there is) and roll back on error, like the SQL one.
 */
export class InMemoryTaskRepository implements TaskRepository {
  tasks = new Map<string, Task>();
  decisions: Decision[] = [];
  events: TaskEvent[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  transaction<T>(work: (tx: TaskTransaction) => Promise<T>): Promise<T> {
    const run = async () => {
      const saved = { tasks: new Map(this.tasks), decisions: [...this.decisions], events: [...this.events] };
      try {
        return await work(new InMemoryTaskTransaction(this));
      } catch (error) {
        Object.assign(this, saved);
        throw error;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async find(taskId: string): Promise<Task | undefined> {
    return this.read(this.tasks.get(taskId));
  }

  async findByStepExecution(stepExecutionId: string): Promise<Task | undefined> {
    return this.read([...this.tasks.values()].find((task) => task.stepExecutionId === stepExecutionId));
  }

  async list(query: TaskListQuery): Promise<Task[]> {
    const all = [...this.tasks.values()].map((task) => this.read(task)!);
    return all
      .filter((task) => query.viewer === 'all' || canSee(task, query.viewer, { readAllRoles: [], superviseRoles: [] }))
      .filter((task) => !query.status || query.status.includes(task.status))
      .filter((task) => query.workflowId === undefined || task.workflowId === query.workflowId)
      .filter((task) => query.runId === undefined || task.runId === query.runId)
      .filter((task) => query.amountMin === undefined || (task.amount !== undefined && compareAmounts(task.amount, query.amountMin) >= 0))
      .filter((task) => query.amountMax === undefined || (task.amount !== undefined && compareAmounts(task.amount, query.amountMax) <= 0))
      .filter((task) => query.dueBefore === undefined || (task.dueAt !== undefined && task.dueAt < query.dueBefore))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .filter((task) => !query.after || task.createdAt > query.after.createdAt || (task.createdAt.getTime() === query.after.createdAt.getTime() && task.id > query.after.id))
      .slice(0, query.limit + 1);
  }

  async history(taskId: string): Promise<TaskEvent[]> {
    return structuredClone(this.events.filter((event) => event.taskId === taskId));
  }

  async dueTaskIds(now: Date, limit: number): Promise<string[]> {
    return [...this.tasks.values()]
      .filter((task) => task.nextDueAt !== undefined && task.nextDueAt <= now)
      .sort((a, b) => a.nextDueAt!.getTime() - b.nextDueAt!.getTime())
      .slice(0, limit)
      .map((task) => task.id);
  }

  /** A copy with its decisions, as the SQL repository returns it. */
  read(task: Task | undefined): Task | undefined {
    if (!task) return undefined;
    return structuredClone({ ...task, decisions: this.decisions.filter((decision) => decision.taskId === task.id) });
  }
}

class InMemoryTaskTransaction implements TaskTransaction {
  readonly handle = 'in-memory-transaction';
  constructor(private readonly store: InMemoryTaskRepository) {}

  async lock(taskId: string): Promise<Task | undefined> {
    return this.store.find(taskId);
  }

  async lockByStepExecution(stepExecutionId: string): Promise<Task | undefined> {
    return this.store.findByStepExecution(stepExecutionId);
  }

  async insert(task: Task): Promise<boolean> {
    if ([...this.store.tasks.values()].some((each) => each.stepExecutionId === task.stepExecutionId)) return false;
    this.store.tasks.set(task.id, structuredClone({ ...task, decisions: [] }));
    return true;
  }

  async update(task: Task): Promise<void> {
    const stored = this.store.tasks.get(task.id);
    if (!stored || stored.version !== task.version - 1) throw new DomainError('TASK_CONFLICT', `Task ${task.id} was changed concurrently`);
    this.store.tasks.set(task.id, structuredClone({ ...task, decisions: [] }));
  }

  async insertDecision(decision: Decision): Promise<void> {
    const exists = this.store.decisions.some((each) => each.taskId === decision.taskId && each.round === decision.round && each.actor === decision.actor);
    if (exists) throw new DomainError('TASK_CONFLICT', `${decision.actor} has already decided task ${decision.taskId}`);
    this.store.decisions = [...this.store.decisions, structuredClone(decision)];
  }

  async appendEvents(events: TaskEvent[]): Promise<void> {
    this.store.events = [...this.store.events, ...structuredClone(events)];
  }

  async lockUnfinishedOfRun(runId: string): Promise<Task[]> {
    return [...this.store.tasks.values()]
      .filter((task) => task.runId === runId && (task.status === 'open' || task.status === 'changes-requested'))
      .map((task) => this.store.read(task)!);
  }
}
