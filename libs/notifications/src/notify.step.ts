import { DomainError } from '@conveyor/kernel';
import type { StepContext, StepType } from '@conveyor/workflow-engine';
import { MAIL_NO_RECIPIENTS } from './mail-errors';
import { renderHtmlTemplate } from './mail-template';
import type { Mailer } from './mailer';
import { checkNotifyWith, parseNotifyInput, type NotifyStepInput } from './notify-input.schema';
import type { RecipientDirectory } from './recipient-directory';

export interface NotifyStepOptions {
  mailer: Mailer;
  recipients: RecipientDirectory;
}

export interface NotifyStepOutputs {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

/**
 * The `notify` step: one mail to addresses, users, roles and groups (resolved to the members' addresses when
 * the step runs). Subject and text arrive already rendered by the engine and are treated as plain text; the
 * optional HTML is a template whose values are escaped. The step's idempotency key travels as the
 * Message-ID and an X-Conveyor-Idempotency-Key header, so a repeated send can be recognised downstream.
 */
export function createNotifyStepType(options: NotifyStepOptions): StepType<NotifyStepInput> {
  return {
    type: 'notify',
    description:
      'Sends an email to addresses, users, roles or groups (their active members), with a plain-text body and an optional ' +
      'HTML template over `data`; outputs the message id and the accepted and rejected recipients.',
    parseInput: parseNotifyInput,
    checkWith: checkNotifyWith,
    execute: (input, context) => sendNotification(input, context, options),
  };
}

async function sendNotification(input: NotifyStepInput, context: StepContext, options: NotifyStepOptions) {
  const { to } = input;
  const resolved = to.users.length + to.roles.length + to.groups.length > 0
    ? await options.recipients.resolve({ users: to.users, roles: to.roles, groups: to.groups })
    : { recipients: [], unresolved: [] };
  if (resolved.unresolved.length > 0) context.logger.warn('some notify recipients matched nobody', { unresolved: resolved.unresolved });
  const addresses = [...new Set([...to.emails.map((email) => email.toLowerCase()), ...resolved.recipients.map((recipient) => recipient.email)])];
  if (addresses.length === 0) {
    throw new DomainError(MAIL_NO_RECIPIENTS, `Nobody to notify: ${resolved.unresolved.join(', ')} matched no active user`, { unresolved: resolved.unresolved }, false);
  }
  const html = input.html === undefined ? undefined : renderHtmlTemplate(input.html, input.data);
  const sent = await options.mailer.send(
    { to: addresses, subject: input.subject, text: input.text, html, replyTo: input.replyTo, idempotencyKey: context.idempotencyKey },
    context.signal,
  );
  if (sent.rejected.length > 0) context.logger.warn('the mail relay refused some recipients', { rejected: sent.rejected });
  const outputs: NotifyStepOutputs = { messageId: sent.messageId, accepted: sent.accepted, rejected: sent.rejected };
  return { status: 'succeeded' as const, outputs };
}
