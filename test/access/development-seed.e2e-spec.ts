import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bootstrapApi } from '@conveyor/http-api';
import { ROLES } from '@conveyor/identity';
import { createLogger } from '@conveyor/observability';
import { createPlatform, type Platform } from '@conveyor/platform';
import { prepareTestEnvironment, type TestEnvironment } from '../api/test-environment';
import { CHEAP_HASHING } from './access-fixtures';

jest.setTimeout(60_000);

const DEMO_PASSWORD = 'conveyor-demo-password';

interface Started {
  platform: Platform;
  app: INestApplication;
  lines: Record<string, unknown>[];
  close(): Promise<void>;
}

/** The API as `npm start` builds it, logging into memory. */
async function start(environment: TestEnvironment): Promise<Started> {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const platform = await createPlatform(environment.config, { components: ['api'], logger });
  const app = await bootstrapApi(platform);
  return { platform, app, lines, close: async () => { await app.close(); await platform.close(); } };
}

const seedLines = (started: Started) => started.lines.filter((line) => String(line['msg']).startsWith('development seed'));

describe('Access: the development seed', () => {
  let environment: TestEnvironment;

  beforeAll(async () => {
    environment = await prepareTestEnvironment({ NODE_ENV: 'development', LOG_LEVEL: 'info', CONVEYOR_ADMIN_TOKEN: undefined, ...CHEAP_HASHING });
  });
  afterAll(async () => {
    await environment?.cleanup();
  });

  it('creates one demo user per role, says so in one line, and from then on the API wants a sign-in', async () => {
    const first = await start(environment);
    try {
      const [line, ...more] = seedLines(first);
      expect(more).toEqual([]);
      expect(line['level']).toBe('warn');
      expect(line['msg']).toContain(`password "${DEMO_PASSWORD}"`);
      expect(line['msg']).toMatch(/development only: never use these accounts in production/i);
      for (const role of ROLES) expect(line['msg']).toContain(`${role}@conveyor.local`);

      const server = first.app.getHttpServer();
      expect((await request(server).get('/api/workflows')).status).toBe(401);
      for (const role of ROLES) {
        const login = await request(server).post('/api/auth/login').send({ email: `${role}@conveyor.local`, password: DEMO_PASSWORD });
        expect(login.status).toBe(200);
        const me = await request(server).get('/api/auth/me').set('Authorization', `Bearer ${login.body.token}`);
        expect(me.body.roles).toEqual([role]);
      }
    } finally {
      await first.close();
    }
  });

  it('adds nothing on the next start, and reminds that the demo users exist', async () => {
    const second = await start(environment);
    try {
      const [line, ...more] = seedLines(second);
      expect(more).toEqual([]);
      expect(line['msg']).toMatch(/^development seed: found demo users .* \(unless changed\)/);
      const users = await second.platform.identity.listUsers();
      expect(users.map((user) => user.email).sort()).toEqual(ROLES.map((role) => `${role}@conveyor.local`).sort());
    } finally {
      await second.close();
    }
  });
});

describe('Access: no seed outside development or when switched off', () => {
  it.each([
    ['NODE_ENV=test', { NODE_ENV: 'test' }],
    ['CONVEYOR_DEV_SEED=false', { NODE_ENV: 'development', CONVEYOR_DEV_SEED: 'false' }],
  ])('%s: no users, no seed line', async (_name, overrides) => {
    const environment = await prepareTestEnvironment({ LOG_LEVEL: 'info', CONVEYOR_ADMIN_TOKEN: undefined, ...CHEAP_HASHING, ...overrides });
    try {
      const started = await start(environment);
      try {
        expect(seedLines(started)).toEqual([]);
        expect(await started.platform.identity.hasUsers()).toBe(false);
      } finally {
        await started.close();
      }
    } finally {
      await environment.cleanup();
    }
  });
});
