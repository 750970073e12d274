import { Mailer, IDEMPOTENCY_HEADER } from './mailer';
import { notifyStepContext, recordingLog, userListSource, caught } from './notifications-test.fixture';
import { createNotifyStepType } from './notify.step';
import { UserListRecipientDirectory } from './recipient-directory';
import { startTestSmtpServer, unusedLoopbackUrl, type TestSmtpServer } from '@conveyor/testing';

const mailerFor = (smtpUrl: string) =>
  Mailer.create({ smtpUrl, from: 'Conveyor <conveyor@mail.example.test>', requireTls: false, allowSelfSigned: false, timeoutMs: 5000 }, recordingLog());

function notifyStep(smtpUrl: string) {
  return createNotifyStepType({ mailer: mailerFor(smtpUrl), recipients: new UserListRecipientDirectory(userListSource()) });
}


describe('notify step', () => {
  let server: TestSmtpServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('mails the resolved users, roles and groups plus the given addresses, once each', async () => {
    server = await startTestSmtpServer();
    const step = notifyStep(server.url);
    const context = notifyStepContext();
    const input = step.parseInput({
      to: { emails: ['Controller@Partner.test', 'ben@example.test'], roles: ['approver'], groups: ['finance'], users: ['user:u-ben'] },
      subject: 'Invoice INV-1001\nis <b>late</b>',
      text: 'Please look at <script>INV-1001</script>.\nThanks',
      html: '<p>Invoice <strong>{{invoice}}</strong> from {{supplier}}</p>',
      data: { invoice: 'INV-1001', supplier: '<img src=x onerror=alert(1)>' },
      replyTo: 'finance@example.test',
    });
    const result = await step.execute(input, context);

    const [mail] = await server.waitForMail(1);
    const expected = ['controller@partner.test', 'ben@example.test', 'lea@example.test', 'ada@example.test'];
    expect(mail.envelope.to).toEqual(expected);
    expect(result).toEqual({ status: 'succeeded', outputs: { messageId: mail.parsed.messageId, accepted: expected, rejected: [] } });
    expect(mail.parsed.subject).toBe('Invoice INV-1001 is <b>late</b>');
    expect(mail.parsed.text).toBe('Please look at <script>INV-1001</script>.\nThanks');
    expect(mail.parsed.html).toBe('<p>Invoice <strong>INV-1001</strong> from &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;</p>');
    expect(mail.parsed.replyTo?.text).toBe('finance@example.test');
    expect(mail.parsed.headers.get(IDEMPOTENCY_HEADER.toLowerCase())).toBe(context.idempotencyKey);
  });

  it('sends the same Message-ID when the step runs again for the same key', async () => {
    server = await startTestSmtpServer();
    const step = notifyStep(server.url);
    const input = step.parseInput({ to: { emails: ['ops@example.test'] }, subject: 'Again', text: 'x' });
    await step.execute(input, notifyStepContext({ attempt: 1 }));
    await step.execute(input, notifyStepContext({ attempt: 2 }));
    const mails = await server.waitForMail(2);
    expect(mails[0].parsed.messageId).toBe(mails[1].parsed.messageId);
  });

  it('sends plain text only without an HTML template, and warns about recipients that matched nobody', async () => {
    server = await startTestSmtpServer();
    const context = notifyStepContext();
    const step = notifyStep(server.url);
    await step.execute(step.parseInput({ to: { roles: ['accountant', 'auditor'] }, subject: 'Plain', text: 'Just text' }), context);
    const [mail] = await server.waitForMail(1);
    expect(mail.parsed.html).toBe(false);
    expect(mail.envelope.to).toEqual(['ada@example.test', 'ben@example.test', 'uploader@example.test']);
    expect(context.lines).toEqual([expect.objectContaining({ level: 'warn', fields: { unresolved: ['role:auditor'] } })]);
  });

  it('fails with MAIL_NO_RECIPIENTS when nobody matches', async () => {
    server = await startTestSmtpServer();
    const step = notifyStep(server.url);
    const error = await caught(() => step.execute(step.parseInput({ to: { groups: ['payroll'] }, subject: 's', text: 't' }), notifyStepContext()));
    expect(error).toMatchObject({ code: 'MAIL_NO_RECIPIENTS', retryable: false });
    expect(server.received).toHaveLength(0);
  });

  it('fails for good with MAIL_REJECTED when the relay refuses the recipients', async () => {
    server = await startTestSmtpServer({ refuse: () => true });
    const step = notifyStep(server.url);
    const error = await caught(() => step.execute(step.parseInput({ to: { emails: ['gone@partner.test'] }, subject: 's', text: 't' }), notifyStepContext()));
    expect(error).toMatchObject({ code: 'MAIL_REJECTED', retryable: false });
  });

  it('reports refused recipients in its outputs when others were accepted', async () => {
    server = await startTestSmtpServer({ refuse: (address) => address === 'gone@partner.test' });
    const step = notifyStep(server.url);
    const context = notifyStepContext();
    const result = await step.execute(step.parseInput({ to: { emails: ['gone@partner.test', 'ops@example.test'] }, subject: 's', text: 't' }), context);
    expect(result).toMatchObject({ status: 'succeeded', outputs: { accepted: ['ops@example.test'], rejected: ['gone@partner.test'] } });
    expect(context.lines.map((line) => line.level)).toEqual(['warn']);
  });

  it('fails with a retryable MAIL_UNAVAILABLE when no relay answers', async () => {
    const step = notifyStep(await unusedLoopbackUrl());
    const error = await caught(() => step.execute(step.parseInput({ to: { emails: ['ops@example.test'] }, subject: 's', text: 't' }), notifyStepContext()));
    expect(error).toMatchObject({ code: 'MAIL_UNAVAILABLE', retryable: true });
  });
});
