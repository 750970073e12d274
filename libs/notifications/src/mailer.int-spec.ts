import { IDEMPOTENCY_HEADER, Mailer, messageIdFor, type MailerSettings } from './mailer';
import { recordingLog, caught } from './notifications-test.fixture';
import { startTestSmtpServer, unusedLoopbackUrl, type TestSmtpServer } from '@conveyor/testing';

const settings = (smtpUrl?: string): MailerSettings => ({
  smtpUrl, from: 'Conveyor <conveyor@mail.example.test>', requireTls: false, allowSelfSigned: false, timeoutMs: 5000,
});


describe('Mailer over SMTP', () => {
  let server: TestSmtpServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('signs in with the credentials of SMTP_URL and delivers with the idempotency key as Message-ID and header', async () => {
    server = await startTestSmtpServer({ credentials: { user: 'relay-user', pass: 'p@ss:word/1' } });
    const log = recordingLog();
    const mailer = Mailer.create(settings(server.url), log);
    const sent = await mailer.send({ to: ['Ada@Example.test', 'ada@example.test', 'ben@example.test'], subject: 'Hello', text: 'Body', idempotencyKey: 'run-1:step-1:-' });

    expect(sent).toEqual({ messageId: messageIdFor('run-1:step-1:-', 'x@mail.example.test'), accepted: ['ada@example.test', 'ben@example.test'], rejected: [], delivered: true });
    const [mail] = await server.waitForMail(1);
    expect(mail.envelope).toEqual({ from: 'conveyor@mail.example.test', to: ['ada@example.test', 'ben@example.test'] });
    expect(mail.parsed.messageId).toBe(sent.messageId);
    expect(sent.messageId).toMatch(/^<conveyor\.[0-9a-f]{40}@mail\.example\.test>$/);
    expect(mail.parsed.headers.get(IDEMPOTENCY_HEADER.toLowerCase())).toBe('run-1:step-1:-');
    expect(mail.parsed.subject).toBe('Hello');
    expect(log.lines.filter((line) => line.level === 'warn')).toEqual([]);
    expect(log.lines.at(-1)).toMatchObject({ level: 'info', fields: { to: ['ada@example.test', 'ben@example.test'], subject: 'Hello' } });
    expect(JSON.stringify(log.lines)).not.toContain('p@ss');
  });

  it('gives a retryable MAIL_UNAVAILABLE when the credentials are refused', async () => {
    server = await startTestSmtpServer({ credentials: { user: 'relay-user', pass: 'right' } });
    const wrong = server.url.replace('right', 'wrong');
    const error = await caught(() => Mailer.create(settings(wrong), recordingLog()).send({ to: ['a@example.test'], subject: 's', text: 't' }));
    expect(error).toMatchObject({ code: 'MAIL_UNAVAILABLE', retryable: true, details: { code: 'EAUTH' } });
    expect(error.message).not.toContain('wrong');
  });

  it('gives a final MAIL_REJECTED when the relay refuses every recipient', async () => {
    server = await startTestSmtpServer({ refuse: () => true });
    const error = await caught(() => Mailer.create(settings(server!.url), recordingLog()).send({ to: ['gone@example.test'], subject: 's', text: 't' }));
    expect(error).toMatchObject({ code: 'MAIL_REJECTED', retryable: false, details: { responseCode: 550, command: 'RCPT TO', rejected: ['gone@example.test'] } });
    expect(server.received).toHaveLength(0);
  });

  it('delivers to the accepted recipients and reports the refused ones', async () => {
    server = await startTestSmtpServer({ refuse: (address) => address.startsWith('gone') });
    const sent = await Mailer.create(settings(server.url), recordingLog()).send({ to: ['gone@example.test', 'ada@example.test'], subject: 's', text: 't' });
    expect(sent).toMatchObject({ accepted: ['ada@example.test'], rejected: ['gone@example.test'] });
    const [mail] = await server.waitForMail(1);
    expect(mail.envelope.to).toEqual(['ada@example.test']);
  });

  it('gives a retryable MAIL_UNAVAILABLE when nothing listens at the address', async () => {
    const error = await caught(async () => Mailer.create(settings(await unusedLoopbackUrl()), recordingLog()).send({ to: ['a@example.test'], subject: 's', text: 't' }));
    expect(error).toMatchObject({ code: 'MAIL_UNAVAILABLE', retryable: true });
    expect(error.message).toContain('127.0.0.1:');
  });

  it('gives up with MAIL_ABORTED when the step is stopped', async () => {
    server = await startTestSmtpServer();
    const controller = new AbortController();
    controller.abort(new Error('step timed out'));
    const error = await caught(() => Mailer.create(settings(server!.url), recordingLog()).send({ to: ['a@example.test'], subject: 's', text: 't' }, controller.signal));
    expect(error).toMatchObject({ code: 'MAIL_ABORTED', retryable: true });
    expect(server.received).toHaveLength(0);
  });

  it('without SMTP_URL warns once at start and logs every message with recipients and subject', async () => {
    const log = recordingLog();
    const mailer = Mailer.create(settings(undefined), log);
    expect(log.lines).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringContaining('SMTP_URL is not set') })]);
    const first = await mailer.send({ to: ['ada@example.test'], subject: 'First', text: 'x', idempotencyKey: 'k1' });
    await mailer.send({ to: ['ben@example.test'], subject: 'Second', text: 'y' });
    expect(first).toEqual({ messageId: messageIdFor('k1', 'conveyor@mail.example.test'), accepted: ['ada@example.test'], rejected: [], delivered: false });
    expect(log.lines.filter((line) => line.level === 'warn')).toHaveLength(1);
    expect(log.lines.slice(1).map((line) => [line.level, line.fields.to, line.fields.subject])).toEqual([
      ['info', ['ada@example.test'], 'First'],
      ['info', ['ben@example.test'], 'Second'],
    ]);
  });
});
