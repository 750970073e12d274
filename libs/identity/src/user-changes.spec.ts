import { DomainError } from '@conveyor/kernel';
import { applyUserChanges } from './user-changes';
import type { UserRecord } from './user';

const created = new Date('2026-01-05T09:00:00Z');
const later = new Date('2026-01-06T09:00:00Z');

function user(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id: 'u1', email: 'ada@example.com', displayName: 'Ada', passwordHash: '$argon2id$...', roles: ['admin'], groups: [], active: true,
    failedLogins: 0, lockedUntil: null, createdAt: created, updatedAt: created, ...overrides,
  };
}

describe('applyUserChanges', () => {
  it('changes roles, groups, name and activity, checked and normalised', () => {
    const next = applyUserChanges(user({ roles: ['uploader'] }), { roles: ['auditor', 'accountant'], groups: ['finance', 'ap', 'finance'], displayName: ' Ada L. ', active: false }, [], later);
    expect(next).toMatchObject({ roles: ['accountant', 'auditor'], groups: ['ap', 'finance'], displayName: 'Ada L.', active: false, updatedAt: later });
    expect(() => applyUserChanges(user(), { roles: ['owner' as never] }, ['u2'], later)).toThrow(expect.objectContaining({ code: 'ROLE_INVALID' }));
    expect(() => applyUserChanges(user(), { groups: ['Finance Team'] }, ['u2'], later)).toThrow(expect.objectContaining({ code: 'GROUP_INVALID' }));
    expect(() => applyUserChanges(user(), { displayName: '  ' }, ['u2'], later)).toThrow(expect.objectContaining({ code: 'DISPLAY_NAME_INVALID' }));
  });

  it('never demotes or disables the last active admin', () => {
    for (const changes of [{ roles: ['accountant' as const] }, { active: false }]) {
      expect(() => applyUserChanges(user(), changes, [], later)).toThrow(DomainError);
      expect(() => applyUserChanges(user(), changes, ['u1'], later)).toThrow(expect.objectContaining({ code: 'LAST_ADMIN_CONFLICT' }));
      expect(applyUserChanges(user(), changes, ['u2'], later)).toMatchObject(changes);
    }
    expect(applyUserChanges(user({ roles: ['accountant'] }), { active: false }, [], later).active).toBe(false);
    expect(applyUserChanges(user(), { roles: ['admin', 'auditor'] }, [], later).roles).toEqual(['admin', 'auditor']);
  });
});
