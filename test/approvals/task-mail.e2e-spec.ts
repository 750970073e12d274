import { ADMIN_TOKEN_PRINCIPAL } from '@conveyor/identity';
import { startTestSmtpServer, type TestSmtpServer } from '@conveyor/testing';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';

jest.setTimeout(120_000);

/** The whole chain as deployed: an approval step opens a task and its assignees get an e-mail, through SMTP, with signed links. */
describe('task e-mails through the platform', () => {
  let smtp: TestSmtpServer;
  let api: ApiTestApp;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    api = await startApiTestApp({
      SMTP_URL: smtp.url, SMTP_FROM: 'Conveyor <conveyor@example.com>', PORTAL_URL: 'https://portal.example.com',
      LINK_SIGNING_SECRET: 'a-test-secret-that-is-long-enough-0123456789', PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1',
    });
    await api.platform.identity.createUser(
      { email: 'ledger@example.com', displayName: 'Ledger', password: 'a long enough passphrase', roles: ['accountant'] },
      ADMIN_TOKEN_PRINCIPAL,
    );
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  it('mails the assignees with signed action links that the platform verifies', async () => {
    const published = await api.platform.workflows.publish(`
id: mail-approval
steps:
  - id: approve
    type: approval
    with: { title: "Invoice INV-7 needs a look", assignees: { roles: [accountant] }, context: { vendor: "ACME <b>GmbH</b>" } }
`, { id: 'test' });
    expect(published.ok).toBe(true);
    await api.platform.runs.start({ workflowId: 'mail-approval', inputs: {}, trigger: { type: 'manual' } }, { id: 'user:someone-else' });
    const [mail] = await smtp.waitForMail(1, 20_000);
    expect(mail.envelope.to).toEqual(['ledger@example.com']);
    expect(mail.parsed.subject).toContain('Invoice INV-7 needs a look');
    expect(String(mail.parsed.html)).not.toContain('<b>GmbH</b>');
    const links = [...String(mail.parsed.text).matchAll(/https:\/\/portal\.example\.com\/tasks\/\S+/g)].map((match) => match[0]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(api.platform.actionLinks.verifyActionLink(link, new Date())).toMatchObject({ status: 'ok' });
    const forged = links[0].replace(/sig=[^&\s]+/, 'sig=AAAA');
    expect(api.platform.actionLinks.verifyActionLink(forged, new Date()).status).toBe('tampered');
  });
});
