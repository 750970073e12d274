import type { Task } from '@conveyor/approvals';
import { ManualClock } from '@conveyor/kernel';
import { ActionLinkSigner } from './action-link.signer';
import { EmailTaskNotifier } from './email-task-notifier';
import { Mailer } from './mailer';
import { TEST_LINK_SECRET, TEST_PORTAL_URL, recordingLog, sampleTask, userListSource } from './notifications-test.fixture';
import { UserListRecipientDirectory } from './recipient-directory';
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from '@conveyor/testing';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The action links of a mail's text part, by label. */
function linksOf(mail: ReceivedMail): Record<string, string> {
  const text = mail.parsed.text ?? '';
  return Object.fromEntries([...text.matchAll(/^(Approve|Reject|Request changes|Open the task): (\S+)$/gm)].map((match) => [match[1], match[2]]));
}

describe('EmailTaskNotifier', () => {
  let server: TestSmtpServer;
  let clock: ManualClock;
  let signer: ActionLinkSigner;
  let notifier: EmailTaskNotifier;

  beforeEach(async () => {
    server = await startTestSmtpServer();
    clock = new ManualClock('2026-01-05T09:00:00Z');
    signer = new ActionLinkSigner({ secret: TEST_LINK_SECRET, portalUrl: TEST_PORTAL_URL });
    const mailer = Mailer.create({ smtpUrl: server.url, from: 'Conveyor <conveyor@mail.example.test>', requireTls: false, allowSelfSigned: false, timeoutMs: 5000 }, recordingLog());
    notifier = new EmailTaskNotifier({ mailer, directory: new UserListRecipientDirectory(userListSource()), links: signer, clock, linkLifetimeMs: 3 * DAY_MS });
  });
  afterEach(() => server.close());

  it('sends a reminder to the assignees, without the uploader, with signed links that open the task', async () => {
    await notifier.remind(sampleTask({ version: 2, remindedAt: clock.now() }));
    const [mail] = await server.waitForMail(1);

    expect(mail.envelope.to).toEqual(['ada@example.test', 'ben@example.test']);
    expect(mail.parsed.subject).toBe('Reminder: Invoice INV-1001 from ACME over tolerance');
    expect(mail.parsed.text).toContain('Due: Wed, 7 Jan 2026, 17:00 CET');
    expect(mail.parsed.text).toContain('- supplier: ACME GmbH');
    expect(mail.parsed.text).toContain('Amount: 12500.00 EUR');
    const links = linksOf(mail);
    expect(Object.keys(links)).toEqual(['Approve', 'Reject', 'Request changes', 'Open the task']);
    const expiresAt = new Date(clock.now().getTime() + 3 * DAY_MS);
    expect(signer.verifyActionLink(links.Approve, clock.now())).toEqual({ status: 'ok', taskId: 'task-7f3a', action: 'approve', expiresAt });
    expect(signer.verifyActionLink(links.Reject, clock.now())).toMatchObject({ status: 'ok', action: 'reject' });
    expect(signer.verifyActionLink(links['Open the task'], clock.now())).toMatchObject({ status: 'ok', action: 'open' });
    expect(signer.verifyActionLink(links.Approve, expiresAt).status).toBe('expired');
    expect(links.Approve.startsWith(`${TEST_PORTAL_URL}/tasks/task-7f3a?`)).toBe(true);
    expect(mail.parsed.html).toContain('Approve</a>');
  });

  it('sends the escalation to everyone now assigned, the escalation role included', async () => {
    const escalated: Task = sampleTask({ assignees: { users: [], roles: ['accountant', 'approver'], groups: [] }, escalationLevel: 1, version: 3 });
    await notifier.escalated(escalated);
    const [mail] = await server.waitForMail(1);
    expect(mail.envelope.to).toEqual(['ada@example.test', 'ben@example.test', 'lea@example.test']);
    expect(mail.parsed.subject).toBe('Escalated: Invoice INV-1001 from ACME over tolerance');
    expect(mail.parsed.text).toContain('escalated to you');
    for (const url of Object.values(linksOf(mail))) expect(signer.verifyActionLink(url, clock.now()).status).toBe('ok');
  });

  it('does not remind someone who has decided this round already (N-of-M)', async () => {
    const task = sampleTask({
      requiredApprovals: 2,
      decisions: [{ taskId: 'task-7f3a', round: 1, actor: 'user:u-ada', outcome: 'approve', data: {}, at: clock.now() }],
    });
    await notifier.remind(task);
    const [mail] = await server.waitForMail(1);
    expect(mail.envelope.to).toEqual(['ben@example.test']);
  });

  it('mails a delegated task to the delegate only', async () => {
    await notifier.assigned(sampleTask({ claimedBy: 'user:u-lea', assignees: { users: ['user:u-lea'], roles: ['accountant'], groups: [] } }));
    const [mail] = await server.waitForMail(1);
    expect(mail.envelope.to).toEqual(['lea@example.test']);
    expect(mail.parsed.subject).toMatch(/^Decision needed: /);
  });

  it('sends a request for changes to the uploader, with the reason and only a link to open the task', async () => {
    await notifier.assigned(sampleTask({
      status: 'changes-requested',
      changesRequestedFrom: 'user:u-upl',
      changeRequests: [{ round: 1, requestedBy: 'user:u-ada', reason: 'The VAT number is missing', requestedAt: '2026-01-05T10:00:00Z' }],
    }));
    const [mail] = await server.waitForMail(1);
    expect(mail.envelope.to).toEqual(['uploader@example.test']);
    expect(mail.parsed.text).toContain('Reason: The VAT number is missing');
    expect(Object.keys(linksOf(mail))).toEqual(['Open the task']);
  });

  it('lets links expire with the task when its final timeout comes before the link lifetime', async () => {
    const timeoutAt = new Date(clock.now().getTime() + DAY_MS);
    await notifier.assigned(sampleTask({ timeoutAt }));
    const [mail] = await server.waitForMail(1);
    expect(signer.verifyActionLink(linksOf(mail).Approve, clock.now())).toMatchObject({ status: 'ok', expiresAt: timeoutAt });
  });

  it('refuses with MAIL_NO_RECIPIENTS when nobody may be asked', async () => {
    const task = sampleTask({ assignees: { users: ['user:u-upl'], roles: [], groups: [] } });
    await expect(notifier.remind(task)).rejects.toMatchObject({ code: 'MAIL_NO_RECIPIENTS' });
    expect(server.received).toHaveLength(0);
  });
});
