import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError } from '@conveyor/kernel';
import { request } from 'undici';
import { createHttpDispatcher } from './http-dispatcher';
import { createHttpStepType } from './http.step';
import { caught, createTestStepContext } from './step-context.fixture';

/**
 * With private addresses not allowed, every one of these must be refused before a connection is made.
 * Only loopback is ever actually listening here (a server that counts requests); the other addresses are
 * refused by their literal form, so no packet leaves this machine.
 */
let server: Server;
let port: number;
let requests = 0;

beforeAll(async () => {
  server = createServer((_request, response) => {
    requests += 1;
    response.end('reached');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests = 0;
});

const http = createHttpStepType({ allowPrivateAddresses: false, maxResponseBytes: 1024 });

describe('http step address refusal', () => {
  it.each([
    ['http://127.0.0.1:PORT/', 'loopback'],
    ['http://[::1]:PORT/', 'loopback'],
    ['http://10.0.0.5/', 'private'],
    ['http://192.168.1.10/', 'private'],
    ['http://172.20.0.1/', 'private'],
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['http://100.64.0.1/', 'carrierGradeNat'],
    ['http://0.0.0.0:PORT/', 'unspecified'],
    ['http://[::ffff:127.0.0.1]:PORT/', 'loopback'],
    ['http://[fd12::1]/', 'uniqueLocal'],
    ['http://[fe80::1]/', 'linkLocal'],
    ['http://2130706433:PORT/', 'loopback'],
    ['http://0x7f000001:PORT/', 'loopback'],
    ['http://0x7f.0.0.1:PORT/', 'loopback'],
    ['http://localhost:PORT/', 'loopback'],
  ])('refuses %s (%s) without sending a request', async (template, range) => {
    const url = template.replace('PORT', String(port));
    const error = await caught(() => http.execute(http.parseInput({ url }), createTestStepContext()));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'HTTP_ADDRESS_REFUSED', retryable: false });
    expect(error.details.range).toBe(range);
    expect(requests).toBe(0);
  });

  it('refuses at connect time too, whatever reaches the connection pool', async () => {
    const dispatcher = createHttpDispatcher({ allowPrivateAddresses: false });
    await expect(request(`http://127.0.0.1:${port}/`, { dispatcher })).rejects.toMatchObject({ name: 'AddressRefusedError' });
    await expect(request(`http://localhost:${port}/`, { dispatcher })).rejects.toMatchObject({ name: 'AddressRefusedError' });
    expect(requests).toBe(0);
  });

  it('reaches the same server when private addresses are allowed (the refusal is the policy, not the server)', async () => {
    const allowing = createHttpStepType({ allowPrivateAddresses: true, maxResponseBytes: 1024 });
    const result = await allowing.execute(allowing.parseInput({ url: `http://localhost:${port}/` }), createTestStepContext());
    expect(result).toMatchObject({ status: 'succeeded', outputs: { status: 200, body: 'reached' } });
    expect(requests).toBe(1);
  });

  it('flags literal private URLs at publish time, but not expressions', () => {
    expect(http.checkWith!({ url: 'http://169.254.169.254/' })).toEqual([
      { path: ['url'], message: expect.stringContaining('linkLocal') },
    ]);
    expect(http.checkWith!({ url: 'http://localhost:8080/' })).toEqual([{ path: ['url'], message: expect.stringContaining('localhost') }]);
    expect(http.checkWith!({ url: '${{ inputs.callbackUrl }}' })).toEqual([]);
    expect(http.checkWith!({ url: 'https://api.example.com/v1' })).toEqual([]);
  });
});
