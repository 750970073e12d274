import request from 'supertest';
import { ADMIN_TOKEN_PRINCIPAL, type Role } from '@conveyor/identity';
import type { ApiTestApp } from './api-test-app';

const PASSWORD = 'a long enough passphrase';

/** People for e2e tests: `add` creates a user with roles and signs them in; `as` gives their Authorization header. */
export function signedInUsers(api: () => ApiTestApp) {
  const tokens: Record<string, string> = {};
  return {
    async add(key: string, roles: Role[]): Promise<void> {
      await api().platform.identity.createUser({ email: `${key}@example.com`, displayName: key, password: PASSWORD, roles }, ADMIN_TOKEN_PRINCIPAL);
      const login = await request(api().server).post('/api/auth/login').send({ email: `${key}@example.com`, password: PASSWORD }).expect(200);
      tokens[key] = login.body.token;
    },
    as: (key: string) => ({ authorization: `Bearer ${tokens[key]}` }),
  };
}
