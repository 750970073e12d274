import { UserListRecipientDirectory, resolveAgainst } from './recipient-directory';
import { TEST_USERS, userListSource } from './notifications-test.fixture';

describe('recipient resolution', () => {
  it('finds users by id, actor id or email address, without case', () => {
    const resolved = resolveAgainst(TEST_USERS, { users: ['u-ben', 'user:u-lea', 'ADA@example.test'] });
    expect(resolved.recipients).toEqual([
      { email: 'ben@example.test', displayName: 'Ben Accountant', userId: 'u-ben' },
      { email: 'lea@example.test', displayName: 'Lea Lead', userId: 'u-lea' },
      { email: 'ada@example.test', displayName: 'Ada Accountant', userId: 'u-ada' },
    ]);
    expect(resolved.unresolved).toEqual([]);
  });

  it('expands roles and groups to their active members, each address once', async () => {
    const directory = new UserListRecipientDirectory(userListSource());
    const resolved = await directory.resolve({ roles: ['accountant'], groups: ['finance', 'finance-leads'] });
    expect(resolved.recipients.map((recipient) => recipient.email)).toEqual([
      'ada@example.test', 'ben@example.test', 'uploader@example.test', 'lea@example.test',
    ]);
    expect(resolved.recipients.map((recipient) => recipient.email)).not.toContain('old@example.test');
  });

  it('lists what matched nobody active, and never mails deactivated users', async () => {
    const directory = new UserListRecipientDirectory(userListSource());
    const resolved = await directory.resolve({ users: ['u-old', 'nobody@example.test'], roles: ['auditor'], groups: ['payroll'] });
    expect(resolved.recipients).toEqual([]);
    expect(resolved.unresolved).toEqual(['user:u-old', 'user:nobody@example.test', 'role:auditor', 'group:payroll']);
  });
});
