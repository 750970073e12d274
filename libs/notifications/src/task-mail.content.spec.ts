import { ActionLinkSigner } from './action-link.signer';
import { TEST_LINK_SECRET, TEST_PORTAL_URL, sampleTask } from './notifications-test.fixture';
import { evidenceOf, formatInZone, renderTaskMail } from './task-mail.content';

describe('task mail content', () => {
  const signer = new ActionLinkSigner({ secret: TEST_LINK_SECRET, portalUrl: TEST_PORTAL_URL });
  const expiresAt = new Date('2026-01-08T09:00:00Z');
  const links = (['approve', 'open'] as const).map((action) => ({ action, url: signer.signActionLink({ taskId: 'task-7f3a', action, expiresAt }) }));

  it('shows title, amount, due date in the task time zone, evidence and the links', () => {
    const mail = renderTaskMail('reminder', sampleTask(), links, expiresAt);
    expect(mail.subject).toBe('Reminder: Invoice INV-1001 from ACME over tolerance');
    expect(mail.text).toContain('Amount: 12500.00 EUR');
    expect(mail.text).toContain('Due: Wed, 7 Jan 2026, 17:00 CET');
    expect(mail.text).toContain('- supplier: ACME GmbH');
    expect(mail.text).toContain('- lines: [{"sku":"A-1","qty":3}]');
    expect(mail.text).toContain(`Approve: ${links[0].url}`);
    expect(mail.text).toContain(`Open the task: ${links[1].url}`);
    expect(mail.text).toMatch(/you sign in there/);
    expect(mail.html).toContain(`href="${links[0].url.replace(/&/g, '&amp;').replace(/\//g, '&#x2F;').replace(/=/g, '&#x3D;')}"`);
  });

  it('escapes hostile titles and evidence in the HTML and keeps the subject on one line', () => {
    const task = sampleTask({
      title: 'Pay <a href="https://evil.test">here</a>\nBcc: x@evil.test',
      description: '<script>steal()</script>',
      context: { '<b>label</b>': '<img src=x onerror=alert(1)>' },
    });
    const mail = renderTaskMail('assigned', task, links, expiresAt);
    expect(mail.subject).toBe('Decision needed: Pay <a href="https://evil.test">here</a> Bcc: x@evil.test');
    expect(mail.html).not.toMatch(/<a href="https:\/\/evil/);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<b>label');
    expect(mail.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
  });

  it('explains a request for changes with its reason', () => {
    const task = sampleTask({
      status: 'changes-requested',
      changeRequests: [{ round: 1, requestedBy: 'user:u-ada', reason: 'The VAT number is missing', requestedAt: '2026-01-05T10:00:00Z' }],
    });
    const mail = renderTaskMail('changes-requested', task, [links[1]], expiresAt);
    expect(mail.subject).toMatch(/^Changes requested: /);
    expect(mail.text).toContain('Reason: The VAT number is missing');
    expect(mail.text).not.toContain('Approve:');
  });

  it('shortens long evidence and says how much more there is', () => {
    const context = Object.fromEntries(Array.from({ length: 25 }, (_, index) => [`field${index}`, 'y'.repeat(400)]));
    const evidence = evidenceOf(context);
    expect(evidence.entries).toHaveLength(20);
    expect(evidence.more).toBe(5);
    expect(evidence.entries[0].value).toHaveLength(300);
  });

  it('formats dates in the given zone and falls back to UTC for an unknown zone', () => {
    const at = new Date('2026-07-01T12:00:00Z');
    expect(formatInZone(at, 'Europe/Berlin')).toBe('Wed, 1 Jul 2026, 14:00 CEST');
    expect(formatInZone(at, 'Not/AZone')).toBe('Wed, 1 Jul 2026, 12:00 UTC');
  });
});
