import { createHash } from 'node:crypto';
import { DomainError } from '@conveyor/kernel';
import nodemailer, { type Address, type SendMailOptions, type Transporter } from 'nodemailer';
import { MAIL_NO_RECIPIENTS, toMailError } from './mail-errors';
import { oneLine } from './mail-template';

/** How the mailer reaches its relay (from SMTP_* in the configuration). */
export interface MailerSettings {
  /** smtp://user:pass@host:587 or smtps://...; unset = log-only: every message is logged, none is sent. */
  smtpUrl?: string;
  /** The sender of every message. */
  from: string;
  /** With smtp://: fail unless STARTTLS upgrades the connection. */
  requireTls: boolean;
  /** Accept certificates that cannot be verified (internal relays). */
  allowSelfSigned: boolean;
  /** Connect, greeting and idle timeouts. */
  timeoutMs: number;
}

/** The logger calls the mailer makes (a pino logger fits). */
export interface MailLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface OutgoingMail {
  to: readonly string[];
  subject: string;
  text: string;
  /** Already rendered and escaped HTML alternative. */
  html?: string;
  replyTo?: string;
  /**
   * Stable across repeats of the same send (a step's idempotencyKey): it becomes the Message-ID and the
   * X-Conveyor-Idempotency-Key header, so a message repeated by at-least-once delivery can be recognised.
   */
  idempotencyKey?: string;
  /** Files sent with the message (a report); a stream is read once, when the message is sent. */
  attachments?: readonly MailAttachment[];
}

export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: Buffer | NodeJS.ReadableStream;
}

export interface SentMail {
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** false in log-only mode: the message was logged, not sent. */
  delivered: boolean;
}

export const IDEMPOTENCY_HEADER = 'X-Conveyor-Idempotency-Key';

/**
 * Sends mail through an SMTP relay (nodemailer). Without a relay it is log-only: each message is logged with
 * its recipients and subject, and one warning at start says so; mail is never dropped silently.
 * A new connection per message: notification volume is low, and no idle connection can go stale.
 */
export class Mailer {
  private constructor(
    private readonly transport: Transporter,
    private readonly from: string,
    /** host:port, never the credentials. */
    readonly relay: string,
    private readonly log: MailLog,
  ) {}

  static create(settings: MailerSettings, log: MailLog): Mailer {
    if (!settings.smtpUrl) {
      log.warn({ smtp: 'log-only' }, 'SMTP_URL is not set: mail is not sent, each message is only logged with its recipients and subject');
      return new Mailer(nodemailer.createTransport({ jsonTransport: true }), settings.from, 'log-only', log);
    }
    const url = new URL(settings.smtpUrl);
    const secure = url.protocol === 'smtps:';
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = url.port ? Number(url.port) : secure ? 465 : 587;
    const transport = nodemailer.createTransport({
      host,
      port,
      secure,
      requireTLS: !secure && settings.requireTls,
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
      dnsTimeout: settings.timeoutMs,
      tls: { rejectUnauthorized: !settings.allowSelfSigned },
    });
    return new Mailer(transport, settings.from, `${url.hostname}:${port}`, log);
  }

  get logOnly(): boolean {
    return this.relay === 'log-only';
  }

  /** Sends one message to every address in `to`; `signal` abandons it (MAIL_ABORTED). */
  async send(mail: OutgoingMail, signal?: AbortSignal): Promise<SentMail> {
    const to = [...new Set(mail.to.map((address) => address.trim().toLowerCase()).filter((address) => address !== ''))];
    if (to.length === 0) throw new DomainError(MAIL_NO_RECIPIENTS, 'A message needs at least one recipient');
    const subject = oneLine(mail.subject, 900);
    const options: SendMailOptions = { from: this.from, to, subject, text: mail.text, signal };
    if (mail.html !== undefined) options.html = mail.html;
    if (mail.replyTo !== undefined) options.replyTo = mail.replyTo;
    if (mail.attachments && mail.attachments.length > 0) {
      options.attachments = mail.attachments.map((attachment) => ({ filename: attachment.fileName, contentType: attachment.contentType, content: attachment.content as Buffer }));
    }
    if (mail.idempotencyKey !== undefined) {
      const key = oneLine(mail.idempotencyKey, 500);
      options.messageId = messageIdFor(key, this.from);
      options.headers = { [IDEMPOTENCY_HEADER]: key };
    }
    let info: { messageId?: string; accepted?: (string | Address)[]; rejected?: (string | Address)[] };
    try {
      info = await this.transport.sendMail(options);
    } catch (error) {
      throw toMailError(error, this.relay);
    }
    const messageId = info.messageId ?? options.messageId ?? '';
    if (this.logOnly) {
      this.log.info({ mail: 'log-only', to, subject, messageId }, `mail not sent (no SMTP_URL), logged only: "${subject}" to ${to.join(', ')}`);
      return { messageId, accepted: to, rejected: [], delivered: false };
    }
    const accepted = addresses(info.accepted);
    const rejected = addresses(info.rejected);
    this.log.info({ mail: 'sent', relay: this.relay, to, subject, messageId, accepted, rejected }, 'mail sent');
    return { messageId, accepted, rejected, delivered: true };
  }

  close(): void {
    this.transport.close();
  }
}

/** A deterministic Message-ID for an idempotency key, in the sender's domain. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'conveyor.local';
  const digest = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 40);
  return `<conveyor.${digest}@${domain}>`;
}

function addresses(list: (string | Address)[] | undefined): string[] {
  return (list ?? []).map((entry) => (typeof entry === 'string' ? entry : (entry?.address ?? '')).toLowerCase()).filter((address) => address !== '');
}
