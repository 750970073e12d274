import { DomainError, isDomainError } from '@conveyor/kernel';
import type { NodemailerError } from 'nodemailer';

/** The relay cannot be reached or refused for now: worth a retry. */
export const MAIL_UNAVAILABLE = 'MAIL_UNAVAILABLE';
/** The relay refused the message or its recipients for good: retrying sends the same refusal. */
export const MAIL_REJECTED = 'MAIL_REJECTED';
/** Sending was abandoned because the step was stopped (timeout, cancel, shutdown). */
export const MAIL_ABORTED = 'MAIL_ABORTED';
/** Nobody to send to: the addresses, users, roles and groups matched no one. */
export const MAIL_NO_RECIPIENTS = 'MAIL_NO_RECIPIENTS';

// Problems with the connection or the account, not with this message: another attempt (or a fixed relay) can succeed.
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EREQUIRETLS', 'EPROTOCOL', 'EPROXY', 'EAUTH', 'ENOAUTH', 'EOAUTH2', 'EMAXLIMIT']);

/**
 * Maps what nodemailer threw onto the mail error codes. A 5xx reply to the sender, the recipients or the
 * message is final (MAIL_REJECTED); a 4xx reply (greylisting, a full mailbox, a busy relay) and every
 * connection problem are retryable (MAIL_UNAVAILABLE). Details carry the SMTP reply, never credentials.
 */
export function toMailError(error: unknown, relay: string): DomainError {
  if (isDomainError(error)) return error;
  const failure = (error ?? {}) as NodemailerError;
  const code = typeof failure.code === 'string' ? failure.code : undefined;
  const details = withoutUndefined({
    code,
    originalCode: failure.originalCode,
    command: failure.command,
    responseCode: failure.responseCode,
    response: failure.response,
    rejected: failure.rejected,
  });
  const reason = error instanceof Error ? error.message : String(error);
  if (code === 'EABORT' || failure.name === 'AbortError') {
    return new DomainError(MAIL_ABORTED, `Sending mail through ${relay} was abandoned because the step was stopped`, details, true);
  }
  if (code === 'EAUTH' || code === 'ENOAUTH') {
    return new DomainError(MAIL_UNAVAILABLE, `The mail relay ${relay} refused the sign-in; check the credentials in SMTP_URL (${reason})`, details, true);
  }
  if (failure.permanent === true) {
    const what = failure.command === 'RCPT TO' ? 'the recipients' : failure.command === 'MAIL FROM' ? 'the sender' : 'the message';
    return new DomainError(MAIL_REJECTED, `The mail relay ${relay} rejected ${what}: ${reason}`, details, false);
  }
  if (failure.responseCode !== undefined) {
    return new DomainError(MAIL_UNAVAILABLE, `The mail relay ${relay} deferred the message: ${reason}`, details, true);
  }
  if (code === 'EENVELOPE' || code === 'EMESSAGE' || code === 'ECONFIG') {
    return new DomainError(MAIL_REJECTED, `The message cannot be sent: ${reason}`, details, false);
  }
  if (code === undefined || CONNECTION_CODES.has(code)) {
    return new DomainError(MAIL_UNAVAILABLE, `The mail relay ${relay} is unavailable: ${reason}`, details, true);
  }
  return new DomainError(MAIL_UNAVAILABLE, `Sending mail through ${relay} failed: ${reason}`, details, true);
}

function withoutUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
