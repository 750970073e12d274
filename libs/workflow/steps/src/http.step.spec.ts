import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError } from '@conveyor/kernel';
import { createHttpStepType } from './http.step';
import { caught, createTestStepContext } from './step-context.fixture';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/** A real HTTP server on loopback; each test installs the behaviour it needs. */
let server: Server;
let baseUrl: string;
let handler: Handler;
const received: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: request.method, url: request.url, headers: request.headers, body });
      handler(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
});

const http = createHttpStepType({ allowPrivateAddresses: true, maxResponseBytes: 64 * 1024 });
const run = (input: Record<string, unknown>, context = createTestStepContext()) => http.execute(http.parseInput(input), context);

describe('http step against a local server', () => {
  it('sends a GET and returns status, headers and a text body', async () => {
    handler = (_request, _body, response) => {
      response.setHeader('content-type', 'text/plain');
      response.setHeader('x-answer', '42');
      response.end('hello');
    };
    const result = await run({ url: `${baseUrl}/hello` });
    expect(result.status).toBe('succeeded');
    const outputs = (result as { outputs: { status: number; headers: Record<string, string>; body: unknown } }).outputs;
    expect(outputs.status).toBe(200);
    expect(outputs.body).toBe('hello');
    expect(outputs.headers['x-answer']).toBe('42');
    expect(received[0]).toMatchObject({ method: 'GET', url: '/hello' });
  });

  it('sends a JSON body with query parameters and parses a JSON answer', async () => {
    handler = (request, body, response) => {
      response.setHeader('content-type', 'application/json; charset=utf-8');
      response.end(JSON.stringify({ got: JSON.parse(body), contentType: request.headers['content-type'], url: request.url }));
    };
    const result = await run({
      url: `${baseUrl}/invoices?existing=1`,
      method: 'post',
      query: { page: 2, tag: ['a', 'b'] },
      body: { amount: '120.50', currency: 'EUR' },
    });
    expect(result).toEqual({
      status: 'succeeded',
      outputs: expect.objectContaining({
        status: 200,
        body: { got: { amount: '120.50', currency: 'EUR' }, contentType: 'application/json', url: '/invoices?existing=1&page=2&tag=a&tag=b' },
      }),
    });
    expect(received[0].method).toBe('POST');
  });

  it('sends a string body as is', async () => {
    handler = (_request, body, response) => response.end(`echo:${body}`);
    const result = await run({ url: baseUrl, method: 'PUT', body: 'a,b,c', headers: { 'Content-Type': 'text/csv' } });
    expect(result).toMatchObject({ outputs: { body: 'echo:a,b,c' } });
    expect(received[0].headers['content-type']).toBe('text/csv');
  });

  it('sends the step idempotency key on every call, overriding one given in headers', async () => {
    handler = (_request, _body, response) => response.end('ok');
    const context = createTestStepContext({ idempotencyKey: 'run-7:charge:-' });
    await run({ url: baseUrl, method: 'POST', body: {}, headers: { 'idempotency-key': 'mine', 'X-Trace': 't1' } }, context);
    await run({ url: baseUrl }, context);
    expect(received.map((request) => request.headers['idempotency-key'])).toEqual(['run-7:charge:-', 'run-7:charge:-']);
    expect(received[0].headers['x-trace']).toBe('t1');
  });

  it.each([
    [404, false],
    [400, false],
    [429, true],
    [500, true],
    [503, true],
  ])('turns status %p into HTTP_STATUS (retryable: %p) with a bounded body excerpt', async (status, retryable) => {
    handler = (_request, _body, response) => {
      response.statusCode = status;
      response.end(`problem ${'x'.repeat(5000)}`);
    };
    const error = await caught(() => run({ url: `${baseUrl}/thing?token=secret` }));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'HTTP_STATUS', retryable });
    expect(error.details.status).toBe(status);
    expect(String(error.details.bodyExcerpt).startsWith('problem x')).toBe(true);
    expect(String(error.details.bodyExcerpt).length).toBeLessThanOrEqual(1025);
    expect(error.message).not.toContain('secret');
  });

  it('accepts the statuses listed in expectStatus', async () => {
    handler = (_request, _body, response) => {
      response.statusCode = 404;
      response.end('gone');
    };
    expect(await run({ url: baseUrl, expectStatus: [200, 404] })).toMatchObject({ outputs: { status: 404, body: 'gone' } });
    expect(await run({ url: baseUrl, expectStatus: ['4xx'] })).toMatchObject({ outputs: { status: 404 } });
  });

  it('gives up after the timeout with a retryable HTTP_TIMEOUT', async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    const error = await caught(() => run({ url: baseUrl, timeout: '200ms' }));
    expect(error).toMatchObject({ code: 'HTTP_TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('times out a body that stops arriving half way', async () => {
    handler = (_request, _body, response) => {
      response.setHeader('content-type', 'text/plain');
      response.write('first half');
    };
    const error = await caught(() => run({ url: baseUrl, timeout: '200ms' }));
    expect(error).toMatchObject({ code: 'HTTP_TIMEOUT', retryable: true });
  });

  it('stops when the step is aborted', async () => {
    handler = () => undefined;
    const context = createTestStepContext();
    setTimeout(() => context.abortController.abort(new Error('run cancelled')), 100);
    const error = await caught(() => run({ url: baseUrl, timeout: '10s' }, context));
    expect(error).toMatchObject({ code: 'HTTP_ABORTED', retryable: true });
  });

  it('does not send anything when the step is already aborted', async () => {
    handler = (_request, _body, response) => response.end('ok');
    const context = createTestStepContext();
    context.abortController.abort();
    expect((await caught(() => run({ url: baseUrl }, context))).code).toBe('HTTP_ABORTED');
    expect(received).toHaveLength(0);
  });

  it('refuses a response larger than the limit while streaming it', async () => {
    const small = createHttpStepType({ allowPrivateAddresses: true, maxResponseBytes: 1024 });
    let written = 0;
    handler = (_request, _body, response) => {
      // No content-length: the limit must be enforced on the bytes as they arrive.
      const writeChunk = () => {
        if (written >= 64 * 1024 || response.destroyed) return response.end();
        written += 512;
        response.write('y'.repeat(512), () => setImmediate(writeChunk));
      };
      writeChunk();
    };
    const error = await caught(() => small.execute(small.parseInput({ url: baseUrl }), createTestStepContext()));
    expect(error).toMatchObject({ code: 'HTTP_RESPONSE_TOO_LARGE', retryable: false });
    expect(written).toBeLessThan(64 * 1024);
  });

  it('refuses a response whose declared length is over the limit', async () => {
    const small = createHttpStepType({ allowPrivateAddresses: true, maxResponseBytes: 1024 });
    handler = (_request, _body, response) => {
      response.setHeader('content-length', '4096');
      response.end('z'.repeat(4096));
    };
    expect((await caught(() => small.execute(small.parseInput({ url: baseUrl }), createTestStepContext()))).code).toBe('HTTP_RESPONSE_TOO_LARGE');
  });

  it('reads a JSON-typed body as text when asked, and refuses JSON that does not parse', async () => {
    handler = (_request, _body, response) => {
      response.setHeader('content-type', 'application/json');
      response.end('{not json');
    };
    expect(await run({ url: baseUrl, responseType: 'text' })).toMatchObject({ outputs: { body: '{not json' } });
    expect((await caught(() => run({ url: baseUrl }))).code).toBe('HTTP_BAD_RESPONSE');
  });

  it('reports a refused connection as a retryable HTTP_NETWORK error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await caught(() => run({ url: `http://127.0.0.1:${port}/` }));
    expect(error).toMatchObject({ code: 'HTTP_NETWORK', retryable: true });
  });
});

describe('http step input', () => {
  it.each([
    [{}, 'with.url'],
    [{ url: 'ftp://example.com/file' }, 'with.url'],
    [{ url: 'not a url' }, 'with.url'],
    [{ url: 'https://user:pw@example.com/' }, 'credentials'],
    [{ url: 'https://example.com', method: 'FETCH' }, 'with.method'],
    [{ url: 'https://example.com', body: { a: 1 } }, 'with.body'],
    [{ url: 'https://example.com', timeout: 'soon' }, 'with.timeout'],
    [{ url: 'https://example.com', expectStatus: [700] }, 'with.expectStatus'],
    [{ url: 'https://example.com', headers: { 'Bad Header': 'x' } }, 'with.headers'],
    [{ url: 'https://example.com', headers: { Host: 'evil' } }, 'with.headers.Host'],
    [{ url: 'https://example.com', headers: { 'X-A': 'a\r\nX-B: b' } }, 'with.headers'],
    [{ url: 'https://example.com', responseType: 'xml' }, 'with.responseType'],
  ])('refuses %p with BAD_STEP_INPUT', async (input, fragment) => {
    const error = await caught(() => http.parseInput(input));
    expect(error).toMatchObject({ code: 'BAD_STEP_INPUT', retryable: false });
    expect(error.message).toContain(fragment);
  });

  it('fills in the defaults', () => {
    expect(http.parseInput({ url: 'https://example.com' })).toEqual({
      url: 'https://example.com',
      method: 'GET',
      headers: {},
      query: {},
      timeout: 30_000,
      expectStatus: ['2xx'],
    });
  });
});
