import type { TaskRepository } from '@conveyor/approvals';
import { exceptionFromTask, type ExceptionQuery, type ExceptionRecord, type ExceptionSource } from '@conveyor/reporting';

const PAGE = 500;

/**
 * Exceptions from the approval tasks (the only exceptions there are today; reconciliation adds its own
 * later): every task opened before `openedBefore`, oldest first, read a page at a time; resolved ones
 * only when resolved at or after `resolvedFrom`.
 */
export class TaskExceptionSource implements ExceptionSource {
  constructor(private readonly tasks: TaskRepository) {}

  async *exceptions(query: ExceptionQuery): AsyncGenerator<ExceptionRecord> {
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await this.tasks.list({ viewer: 'all', limit: PAGE, after });
      for (const task of page.slice(0, PAGE)) {
        if (task.createdAt >= query.openedBefore) return;
        const exception = exceptionFromTask(task);
        if (exception.status === 'resolved' && query.resolvedFrom && (exception.resolvedAt === null || exception.resolvedAt < query.resolvedFrom)) continue;
        yield exception;
      }
      if (page.length <= PAGE) return;
      const last = page[PAGE - 1];
      after = { createdAt: last.createdAt, id: last.id };
    }
  }
}
