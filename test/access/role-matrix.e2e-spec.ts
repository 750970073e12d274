import request from 'supertest';
import { ROLES, type Role } from '@conveyor/identity';
import type { ApiTestApp } from '../api/api-test-app';
import { ADMIN_TOKEN, asAdminToken, createUser, login, startAccessApp } from './access-fixtures';
import { DOCUMENTATION_PREFIX, MOUNTED_ROUTES, ROUTE_TABLE, type MatrixFixtures, type RouteCase } from './route-access-table';

jest.setTimeout(120_000);

type Caller = Role | 'admin token' | 'no credentials';
const CALLERS: readonly Caller[] = [...ROLES, 'admin token', 'no credentials'];

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every method + path the server routes, as Express has them (Nest's controllers and anything else registered as a route). */
function servedRoutes(api: ApiTestApp): string[] {
  const express = api.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  const routes = new Set<string>();
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    const methods = Object.keys(layer.route.methods);
    // app.all(...) routes are middleware in disguise (request logging): they answer no request themselves.
    if (methods.length > 5) continue;
    if (layer.route.path.startsWith(DOCUMENTATION_PREFIX)) continue;
    for (const method of methods) routes.add(`${method.toUpperCase()} ${layer.route.path}`);
  }
  return [...routes].sort();
}

function expectedOutcome(access: RouteCase['access'], caller: Caller): 'allowed' | 'refused' | 'unauthenticated' {
  if (access === 'public') return 'allowed';
  if (caller === 'no credentials') return 'unauthenticated';
  if (access === 'signed-in' || caller === 'admin token') return 'allowed';
  return access.includes(caller) ? 'allowed' : 'refused';
}

describe('Access: every route with every role', () => {
  let api: ApiTestApp;
  let fixtures: MatrixFixtures;
  const tokens = new Map<Role, string>();
  const emails = new Map<Role, string>();

  beforeAll(async () => {
    api = await startAccessApp();
    const workflowId = 'matrix-flow';
    const yaml = `id: ${workflowId}\ntriggers:\n  - { id: by-hand, type: manual }\n  - { id: hook, type: webhook }\nsteps:\n  - id: only\n    type: noop\n`;
    expect((await request(api.server).post('/api/workflows').set(asAdminToken).send({ yaml })).status).toBe(201);
    const run = await request(api.server).post(`/api/workflows/${workflowId}/runs`).set(asAdminToken).send({});
    expect(run.status).toBe(201);
    const other = await createUser(api, 'matrix-other@example.com', ['uploader']);
    fixtures = { workflowId, runId: run.body.id, otherUserId: other.id, missingId: '0d9c8b7a-0000-4000-8000-000000000000' };
    for (const role of ROLES) {
      const user = await createUser(api, `matrix-${role}@example.com`, [role]);
      tokens.set(role, user.token);
      emails.set(role, user.email);
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lists every route the API serves in its table, and no route it does not serve', () => {
    const listed = ROUTE_TABLE.map((route) => `${route.method} ${route.path}`).sort();
    expect(servedRoutes(api)).toEqual(listed);
  });

  async function credentialsFor(route: RouteCase, caller: Caller): Promise<Record<string, string>> {
    if (caller === 'no credentials') return {};
    if (caller === 'admin token') return { Authorization: `Bearer ${ADMIN_TOKEN}` };
    const token = route.endsSession ? await login(api, emails.get(caller)!) : tokens.get(caller)!;
    return { Authorization: `Bearer ${token}` };
  }

  describe.each([...ROUTE_TABLE, ...MOUNTED_ROUTES].map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_name, route) => {
    it.each(CALLERS.map((caller) => [caller, expectedOutcome(route.access, caller)] as const))('%s: %s', async (caller, outcome) => {
      const url = route.url?.(fixtures) ?? route.path;
      let call = request(api.server)[route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](url).set(await credentialsFor(route, caller));
      const body = route.body?.(fixtures);
      if (body !== undefined) call = call.send(body as object);
      const response = await call;
      const seen = `${route.method} ${url} as ${caller}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
      if (outcome === 'allowed') {
        expect({ seen, allowed: ![401, 403].includes(response.status) }).toEqual({ seen, allowed: true });
        expect(response.status).toBeLessThan(500);
      } else if (outcome === 'refused') {
        expect({ seen, status: response.status }).toEqual({ seen, status: 403 });
        expect(response.body.error.code).toBe('FORBIDDEN');
      } else {
        expect({ seen, status: response.status }).toEqual({ seen, status: 401 });
        expect(response.body.error.code).toBe('UNAUTHENTICATED');
      }
    });
  });
});
