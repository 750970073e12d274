import request from 'supertest';
import type { Role } from '@conveyor/identity';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';

export const ADMIN_TOKEN = 'access-e2e-admin-token-0123456789';
export const PASSWORD = 'correct horse battery staple';

/** Argon2id at test cost: the real code path, without 20 MB and 50 ms per hash. */
export const CHEAP_HASHING = { PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1' };

/** The API alone (no scheduler or worker: runs stay queued) with an admin token and cheap hashing. */
export function startAccessApp(overrides: Record<string, string | undefined> = {}): Promise<ApiTestApp> {
  return startApiTestApp({ CONVEYOR_ADMIN_TOKEN: ADMIN_TOKEN, ...CHEAP_HASHING, ...overrides }, ['api']);
}

export const asAdminToken = { Authorization: `Bearer ${ADMIN_TOKEN}` };

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

/** Creates a user through the API (as the admin token) and signs them in. */
export async function createUser(api: ApiTestApp, email: string, roles: Role[], groups: string[] = []): Promise<TestUser> {
  const created = await request(api.server)
    .post('/api/users')
    .set(asAdminToken)
    .send({ email, displayName: email.split('@')[0], password: PASSWORD, roles, groups });
  if (created.status !== 201) throw new Error(`creating ${email}: ${created.status} ${JSON.stringify(created.body)}`);
  return { id: created.body.id, email, token: await login(api, email) };
}

export async function login(api: ApiTestApp, email: string, password = PASSWORD): Promise<string> {
  const response = await request(api.server).post('/api/auth/login').send({ email, password });
  if (response.status !== 200) throw new Error(`signing in ${email}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.token;
}
