import { ActionLinkSigner, randomLinkSecret } from './action-link.signer';
import { TEST_LINK_SECRET, TEST_PORTAL_URL } from './notifications-test.fixture';

describe('ActionLinkSigner', () => {
  const signer = new ActionLinkSigner({ secret: TEST_LINK_SECRET, portalUrl: TEST_PORTAL_URL });
  const now = new Date('2026-01-05T09:00:00Z');
  const expiresAt = new Date('2026-01-08T09:00:00Z');
  const link = () => new URL(signer.signActionLink({ taskId: 'task-7f3a', action: 'approve', expiresAt }));

  it('signs a link under the portal URL that pre-selects the action', () => {
    const url = link();
    expect(url.origin + url.pathname).toBe('https://portal.example.test/conveyor/tasks/task-7f3a');
    expect(url.searchParams.get('action')).toBe('approve');
    expect(url.searchParams.get('exp')).toBe(String(expiresAt.getTime() / 1000));
    expect(url.searchParams.get('sig')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('accepts its own link before the expiry, from the URL text, a URL or its parts', () => {
    const url = link();
    const expected = { status: 'ok', taskId: 'task-7f3a', action: 'approve', expiresAt };
    expect(signer.verifyActionLink(url.href, now)).toEqual(expected);
    expect(signer.verifyActionLink(url, now)).toEqual(expected);
    const parts = { taskId: 'task-7f3a', action: url.searchParams.get('action'), exp: url.searchParams.get('exp'), sig: url.searchParams.get('sig') };
    expect(signer.verifyActionLink(parts, now)).toEqual(expected);
  });

  it('says expired at and after the expiry', () => {
    expect(signer.verifyActionLink(link(), expiresAt)).toMatchObject({ status: 'expired', taskId: 'task-7f3a', action: 'approve' });
    expect(signer.verifyActionLink(link(), new Date('2026-02-01T00:00:00Z')).status).toBe('expired');
  });

  it('says tampered when the expiry was pushed out', () => {
    const url = link();
    url.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 86_400));
    expect(signer.verifyActionLink(url, now)).toEqual({ status: 'tampered' });
  });

  it('says tampered when the link was pointed at another task', () => {
    const url = link();
    url.pathname = '/conveyor/tasks/task-other';
    expect(signer.verifyActionLink(url, now)).toEqual({ status: 'tampered' });
  });

  it('says tampered for a signature made for another purpose (an "open" link turned into "approve")', () => {
    const open = new URL(signer.signActionLink({ taskId: 'task-7f3a', action: 'open', expiresAt }));
    expect(signer.verifyActionLink(open, now).status).toBe('ok');
    open.searchParams.set('action', 'approve');
    expect(signer.verifyActionLink(open, now)).toEqual({ status: 'tampered' });
  });

  it('says tampered for a link signed with another key, or with a changed, truncated or missing signature', () => {
    const other = new ActionLinkSigner({ secret: randomLinkSecret(), portalUrl: TEST_PORTAL_URL });
    expect(signer.verifyActionLink(other.signActionLink({ taskId: 'task-7f3a', action: 'approve', expiresAt }), now)).toEqual({ status: 'tampered' });
    const url = link();
    const sig = url.searchParams.get('sig')!;
    const flipped = new URL(url);
    flipped.searchParams.set('sig', `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`);
    expect(signer.verifyActionLink(flipped, now).status).toBe('tampered');
    const truncated = new URL(url);
    truncated.searchParams.set('sig', sig.slice(0, 20));
    expect(signer.verifyActionLink(truncated, now).status).toBe('tampered');
    const missing = new URL(url);
    missing.searchParams.delete('sig');
    expect(signer.verifyActionLink(missing, now).status).toBe('tampered');
  });

  it('says tampered for links that are not task links at all', () => {
    expect(signer.verifyActionLink('not a url', now).status).toBe('tampered');
    expect(signer.verifyActionLink('https://portal.example.test/conveyor/runs/1?action=approve', now).status).toBe('tampered');
    expect(signer.verifyActionLink({ taskId: 'task-7f3a', action: 'delete', exp: '1', sig: 'x' }, now).status).toBe('tampered');
    expect(signer.verifyActionLink({}, now).status).toBe('tampered');
  });

  it('keeps task ids with reserved characters intact', () => {
    const url = signer.signActionLink({ taskId: 'a/b?c', action: 'reject', expiresAt });
    expect(url).toContain('/tasks/a%2Fb%3Fc?');
    expect(signer.verifyActionLink(url, now)).toMatchObject({ status: 'ok', taskId: 'a/b?c', action: 'reject' });
  });

  it('refuses a short secret', () => {
    expect(() => new ActionLinkSigner({ secret: 'too-short', portalUrl: TEST_PORTAL_URL })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});
