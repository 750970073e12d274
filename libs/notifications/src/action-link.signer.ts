import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@conveyor/kernel';

/** What a link in a task mail pre-selects in the portal. */
export const TASK_LINK_ACTIONS = ['open', 'approve', 'reject', 'request-changes'] as const;
export type TaskLinkAction = (typeof TASK_LINK_ACTIONS)[number];

export const MIN_LINK_SECRET_LENGTH = 32;

export interface ActionLinkRequest {
  taskId: string;
  action: TaskLinkAction;
  expiresAt: Date;
}

/** The query of a link as the portal received it (taskId from the path). */
export interface ActionLinkParams {
  taskId?: string | null;
  action?: string | null;
  exp?: string | null;
  sig?: string | null;
}

/**
 * `tampered` covers every link this signer did not make exactly so: a changed task, action or expiry,
 * another key, a malformed or truncated signature.
 */
export type ActionLinkVerdict =
  | { status: 'ok'; taskId: string; action: TaskLinkAction; expiresAt: Date }
  | { status: 'expired'; taskId: string; action: TaskLinkAction; expiresAt: Date }
  | { status: 'tampered' };

export interface ActionLinkSignerOptions {
  /** At least 32 characters (LINK_SIGNING_SECRET). */
  secret: string;
  /** The portal's base URL (PORTAL_URL); links live under `<base>/tasks/<id>`. */
  portalUrl: string;
}

// Versioned and domain-separated, so a future kind of signed link can never be mistaken for this one.
const SIGNATURE_DOMAIN = 'conveyor.task-action-link.v1';
const SIGNATURE_BYTES = 32;

/**
 * Signed, expiring links to a task for mails. A link only pre-selects an action in the portal: the person
 * still signs in, and the decision is made through the normal, authorised API. The signature (HMAC-SHA256
 * over purpose, task id and expiry) keeps a link from being edited into another task or action and lets
 * the portal say "this link has expired" instead of acting on stale mail.
 */
export class ActionLinkSigner {
  private readonly secret: Buffer;
  private readonly portal: URL;

  constructor(options: ActionLinkSignerOptions) {
    if (options.secret.length < MIN_LINK_SECRET_LENGTH) {
      throw new DomainError('CONFIG_INVALID', `The link signing secret must have at least ${MIN_LINK_SECRET_LENGTH} characters`);
    }
    if (!URL.canParse(options.portalUrl)) throw new DomainError('CONFIG_INVALID', `The portal URL "${options.portalUrl}" is not a URL`);
    this.secret = Buffer.from(options.secret, 'utf8');
    this.portal = new URL(options.portalUrl);
  }

  signActionLink(request: ActionLinkRequest): string {
    if (!request.taskId) throw new DomainError('BAD_LINK_REQUEST', 'An action link needs a task id');
    if (!isTaskLinkAction(request.action)) throw new DomainError('BAD_LINK_REQUEST', `"${String(request.action)}" is not a task link action`);
    const expiresAtMs = request.expiresAt.getTime();
    if (!Number.isFinite(expiresAtMs)) throw new DomainError('BAD_LINK_REQUEST', 'An action link needs a valid expiry');
    const exp = String(Math.floor(expiresAtMs / 1000));
    const url = new URL(this.portal.href);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/tasks/${encodeURIComponent(request.taskId)}`;
    url.search = '';
    url.hash = '';
    url.searchParams.set('action', request.action);
    url.searchParams.set('exp', exp);
    url.searchParams.set('sig', this.signature(request.action, request.taskId, exp).toString('base64url'));
    return url.href;
  }

  /** Checks a link (the whole URL or its parts) at `now`. Never throws. */
  verifyActionLink(link: string | URL | ActionLinkParams, now: Date): ActionLinkVerdict {
    const params = typeof link === 'string' || link instanceof URL ? paramsOfUrl(link) : link;
    if (!params) return { status: 'tampered' };
    const { taskId, action, exp, sig } = params;
    if (!taskId || !action || !isTaskLinkAction(action) || !exp || !/^\d{1,12}$/.test(exp) || !sig) return { status: 'tampered' };
    const given = Buffer.from(sig, 'base64url');
    // Only the canonical encoding counts, so one signature has exactly one spelling.
    if (given.length !== SIGNATURE_BYTES || given.toString('base64url') !== sig) return { status: 'tampered' };
    if (!timingSafeEqual(given, this.signature(action, taskId, exp))) return { status: 'tampered' };
    const expiresAt = new Date(Number(exp) * 1000);
    if (now.getTime() >= expiresAt.getTime()) return { status: 'expired', taskId, action, expiresAt };
    return { status: 'ok', taskId, action, expiresAt };
  }

  private signature(action: TaskLinkAction, taskId: string, exp: string): Buffer {
    // Unit separators keep the fields apart: no task id can shift bytes into the action or expiry.
    const purpose = `task.${action}`;
    return createHmac('sha256', this.secret).update([SIGNATURE_DOMAIN, purpose, taskId, exp].join('\u001f'), 'utf8').digest();
  }
}

export function isTaskLinkAction(value: string): value is TaskLinkAction {
  return (TASK_LINK_ACTIONS as readonly string[]).includes(value);
}

/** A fresh secret for development, where LINK_SIGNING_SECRET may be left unset. */
export function randomLinkSecret(): string {
  return randomBytes(32).toString('base64url');
}

function paramsOfUrl(link: string | URL): ActionLinkParams | undefined {
  if (typeof link === 'string' && !URL.canParse(link)) return undefined;
  const url = typeof link === 'string' ? new URL(link) : link;
  const match = /\/tasks\/([^/]+)$/.exec(url.pathname);
  if (!match) return undefined;
  let taskId: string;
  try {
    taskId = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  const query = url.searchParams;
  return { taskId, action: query.get('action'), exp: query.get('exp'), sig: query.get('sig') };
}
