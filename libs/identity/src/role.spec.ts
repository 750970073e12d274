import { DomainError } from '@conveyor/kernel';
import { ADMIN_TOKEN_PRINCIPAL, actorIdOf, hasAnyRole, type Principal } from './principal';
import { isRole, normaliseRoles, ROLES } from './role';

const accountant: Principal = { kind: 'user', id: 'u1', displayName: 'Ada', roles: ['accountant', 'approver'], groups: [] };

describe('roles', () => {
  it('are the five of the product', () => {
    expect([...ROLES].sort()).toEqual(['accountant', 'admin', 'approver', 'auditor', 'uploader']);
    expect(isRole('auditor')).toBe(true);
    expect(isRole('Admin')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });

  it('normalise to known roles without duplicates, in a fixed order', () => {
    expect(normaliseRoles(['auditor', 'uploader', 'auditor'])).toEqual(['uploader', 'auditor']);
    expect(normaliseRoles([])).toEqual([]);
  });

  it('refuse unknown roles with ROLE_INVALID naming them', () => {
    let error: unknown;
    try {
      normaliseRoles(['admin', 'superuser', 'root']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'ROLE_INVALID', details: { roles: ['superuser', 'root'] } });
    expect((error as Error).message).toContain('"superuser"');
  });

  it('grant a route when the principal holds any one of its roles', () => {
    expect(hasAnyRole(accountant, ['admin', 'accountant'])).toBe(true);
    expect(hasAnyRole(accountant, ['admin'])).toBe(false);
    expect(hasAnyRole(accountant, [])).toBe(false);
    expect(hasAnyRole(ADMIN_TOKEN_PRINCIPAL, ['admin'])).toBe(true);
  });

  it('name actors as user:<id>, api-key:<id> and api-key:admin', () => {
    expect(actorIdOf(accountant)).toBe('user:u1');
    expect(actorIdOf({ kind: 'api-key', id: 'k1' })).toBe('api-key:k1');
    expect(actorIdOf(ADMIN_TOKEN_PRINCIPAL)).toBe('api-key:admin');
  });
});
