import type { ConveyorConfig } from '@conveyor/config';
import { DomainError, parseDuration } from '@conveyor/kernel';
import {
  ActionLinkSigner, EmailTaskNotifier, Mailer, createNotifyStepType, randomLinkSecret, type MailLog, type RecipientDirectory,
} from '@conveyor/notifications';
import type { WiringDeps } from './wiring-deps';

/**
 * Mail (issue 3): the mailer over SMTP_URL (log-only without it), the `notify` step type, the approvals'
 * task notifier, and the signer the portal/API verifies action links with. `directory` turns users, roles
 * and groups into addresses (UserListRecipientDirectory over the IdentityService fits).
 */
export function wireNotifications(deps: WiringDeps, directory: RecipientDirectory) {
  const { config, logger, clock } = deps;
  const actionLinks = new ActionLinkSigner({ secret: linkSigningSecret(config, logger), portalUrl: config.PORTAL_URL });
  const mailer = Mailer.create(
    {
      smtpUrl: config.SMTP_URL,
      from: config.SMTP_FROM,
      requireTls: config.SMTP_REQUIRE_TLS,
      allowSelfSigned: config.SMTP_TLS_ALLOW_SELF_SIGNED,
      timeoutMs: config.SMTP_TIMEOUT_MS,
    },
    logger,
  );
  const notifyStepType = createNotifyStepType({ mailer, recipients: directory });
  const taskNotifier = new EmailTaskNotifier({
    mailer, directory, links: actionLinks, clock, linkLifetimeMs: parseDuration(config.ACTION_LINK_LIFETIME),
  });
  return { mailer, notifyStepType, taskNotifier, actionLinks };
}

/**
 * Production must name the key: links signed by a worker are checked by the API, another process. Elsewhere
 * an unset key becomes a random one for this process, which is fine for one process (`conveyor start`).
 */
function linkSigningSecret(config: ConveyorConfig, logger: MailLog): string {
  if (config.LINK_SIGNING_SECRET) return config.LINK_SIGNING_SECRET;
  if (config.NODE_ENV === 'production') {
    throw new DomainError('CONFIG_INVALID', 'Invalid configuration:\n  LINK_SIGNING_SECRET: required in production (at least 32 characters)', {
      problems: ['LINK_SIGNING_SECRET: required in production (at least 32 characters)'],
    });
  }
  logger.warn(
    { linkSigning: 'random' },
    'LINK_SIGNING_SECRET is not set: action links in mails are signed with a random key of this process; they stop working ' +
      'after a restart and in other processes. Set it when the API and workers run as separate processes.',
  );
  return randomLinkSecret();
}
