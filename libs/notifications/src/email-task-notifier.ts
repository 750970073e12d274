import { currentRoundDecisions, type Task, type TaskNotifier } from '@conveyor/approvals';
import { DomainError, type Clock } from '@conveyor/kernel';
import { isTaskLinkAction, type ActionLinkSigner, type TaskLinkAction } from './action-link.signer';
import { MAIL_NO_RECIPIENTS } from './mail-errors';
import type { Mailer, SentMail } from './mailer';
import type { Recipient, RecipientDirectory, RecipientQuery } from './recipient-directory';
import { renderTaskMail, type TaskMailKind, type TaskMailLink } from './task-mail.content';

export interface EmailTaskNotifierOptions {
  mailer: Mailer;
  directory: RecipientDirectory;
  links: ActionLinkSigner;
  clock: Clock;
  /** How long the links in a mail stay valid (ACTION_LINK_LIFETIME); never past the task's final timeout. */
  linkLifetimeMs: number;
}

/**
 * Mails the people a task waits for: when it is assigned (or delegated, or sent back for changes), reminded
 * and escalated. Each mail carries the title, due date and evidence, and signed links that open the task
 * with an action pre-selected; deciding still takes a sign-in and goes through the authorised API.
 * Errors are thrown to the caller (the approvals service logs them; the task change stands).
 */
export class EmailTaskNotifier implements TaskNotifier {
  constructor(private readonly options: EmailTaskNotifierOptions) {}

  async assigned(task: Task): Promise<void> {
    if (task.status === 'changes-requested' && task.changesRequestedFrom) {
      await this.mail('changes-requested', task, { users: [task.changesRequestedFrom] }, false);
      return;
    }
    // A delegated task goes to the delegate; a new one to everyone assigned.
    await this.mail('assigned', task, task.claimedBy ? { users: [task.claimedBy] } : task.assignees, true);
  }

  async remind(task: Task): Promise<void> {
    if (task.status === 'changes-requested' && task.changesRequestedFrom) {
      await this.mail('reminder', task, { users: [task.changesRequestedFrom] }, false);
      return;
    }
    await this.mail('reminder', task, task.claimedBy ? { users: [task.claimedBy] } : task.assignees, true);
  }

  /** Everyone now assigned hears of it: the people it was escalated to, and those who let it wait. */
  async escalated(task: Task): Promise<void> {
    await this.mail('escalated', task, task.assignees, true);
  }

  private async mail(kind: TaskMailKind, task: Task, who: RecipientQuery, asksForDecision: boolean): Promise<SentMail> {
    const resolved = await this.options.directory.resolve(who);
    const recipients = asksForDecision ? resolved.recipients.filter((recipient) => mayDecide(task, recipient)) : resolved.recipients;
    if (recipients.length === 0) {
      throw new DomainError(MAIL_NO_RECIPIENTS, `Nobody to mail about task ${task.id} (${kind})`, { taskId: task.id, kind, unresolved: resolved.unresolved }, false);
    }
    const expiresAt = this.linkExpiry(task);
    const actions: TaskLinkAction[] = asksForDecision ? [...task.policy.outcomes.filter(isTaskLinkAction), 'open'] : ['open'];
    const links: TaskMailLink[] = actions.map((action) => ({ action, url: this.options.links.signActionLink({ taskId: task.id, action, expiresAt }) }));
    const content = renderTaskMail(kind, task, links, expiresAt);
    return this.options.mailer.send({
      to: recipients.map((recipient) => recipient.email),
      ...content,
      // The same change of the same task always yields the same Message-ID, however often it is retried.
      idempotencyKey: `task:${task.id}:${kind}:v${task.version}`,
    });
  }

  private linkExpiry(task: Task): Date {
    const now = this.options.clock.now().getTime();
    const byLifetime = now + this.options.linkLifetimeMs;
    const timeout = task.timeoutAt?.getTime();
    return new Date(timeout !== undefined && timeout > now && timeout < byLifetime ? timeout : byLifetime);
  }
}

/**
 * Whom not to ask: under segregation of duties the run's starter and the document's uploader, and anyone who
 * has decided in this round already. (A role or group may include them; the API would refuse them anyway.)
 */
function mayDecide(task: Task, recipient: Recipient): boolean {
  if (!recipient.userId) return true;
  const ids = new Set([recipient.userId, `user:${recipient.userId}`]);
  if (task.policy.segregationOfDuties && [task.startedBy, task.uploadedBy].some((actor) => actor !== undefined && ids.has(actor))) return false;
  return !currentRoundDecisions(task).some((decision) => ids.has(decision.actor));
}
