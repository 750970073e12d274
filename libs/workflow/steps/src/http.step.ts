import { DomainError, isDomainError } from '@conveyor/kernel';
import type { StepContext, StepType } from '@conveyor/workflow-engine';
import { request, type Dispatcher } from 'undici';
import { AddressRefusedError, assertLiteralHostAllowed, isIpLiteral } from './address-policy';
import { createHttpDispatcher } from './http-dispatcher';
import { httpInputSchema, statusIsExpected, type HttpStepInput } from './http-input.schema';
import { decodeBody, discardBody, isJsonContentType, readBodyWithin, readExcerpt, tooLarge } from './http-response-reader';
import { checkStepWith, isExpression, parseStepInput, type WithProblem } from './step-input-validation';

export interface HttpStepOptions {
  /** Let workflows call loopback and private addresses (development, tests, on-premises targets). */
  allowPrivateAddresses: boolean;
  /** Responses larger than this fail with HTTP_RESPONSE_TOO_LARGE. */
  maxResponseBytes: number;
}

export interface HttpStepOutputs {
  status: number;
  headers: Record<string, string | string[]>;
  body: unknown;
}

const ERROR_EXCERPT_BYTES = 1024;

/** Calls an HTTP endpoint: the glue between workflows and the systems of record around them. */
export function createHttpStepType(options: HttpStepOptions): StepType<HttpStepInput> {
  const dispatcher = createHttpDispatcher(options);
  return {
    type: 'http',
    description: 'Sends an HTTP request (with an Idempotency-Key header) and returns the status, headers and body of the response.',
    parseInput: (input) => parseStepInput('http', httpInputSchema, input),
    checkWith: (withValues) => [...checkStepWith(httpInputSchema, withValues), ...checkLiteralAddress(withValues, options)],
    execute: (input, context) => callEndpoint(input, context, dispatcher, options),
  };
}

async function callEndpoint(input: HttpStepInput, context: StepContext, dispatcher: Dispatcher, options: HttpStepOptions) {
  const url = new URL(input.url);
  for (const [name, value] of Object.entries(input.query)) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
  }
  // Query strings may carry tokens: errors and logs name only origin and path.
  const where = `${input.method} ${url.origin}${url.pathname}`;
  if (!options.allowPrivateAddresses) {
    try {
      assertLiteralHostAllowed(url.hostname);
    } catch (error) {
      throw toDomainError(error, where, { timedOut: false, aborted: false });
    }
  }

  const controller = new AbortController();
  const state = { timedOut: false, aborted: false };
  const onAbort = () => {
    state.aborted = true;
    controller.abort(context.signal.reason);
  };
  if (context.signal.aborted) onAbort();
  else context.signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    state.timedOut = true;
    controller.abort(new Error('timeout'));
  }, input.timeout);

  try {
    if (state.aborted) throw new Error('aborted before the request was sent');
    const { headers, body } = requestHeadersAndBody(input, context.idempotencyKey);
    const response = await request(url, {
      method: input.method,
      headers,
      body,
      signal: controller.signal,
      dispatcher,
      headersTimeout: input.timeout,
      bodyTimeout: input.timeout,
    });
    const responseHeaders = plainHeaders(response.headers);
    if (!statusIsExpected(response.statusCode, input.expectStatus)) {
      const excerpt = await readExcerpt(response.body, ERROR_EXCERPT_BYTES);
      throw statusError(response.statusCode, where, excerpt, responseHeaders);
    }
    const declaredLength = Number(responseHeaders['content-length']);
    if (Number.isFinite(declaredLength) && declaredLength > options.maxResponseBytes) {
      discardBody(response.body);
      throw tooLarge(url.origin, options.maxResponseBytes);
    }
    const raw = await readBodyWithin(response.body, options.maxResponseBytes, url.origin);
    const contentType = typeof responseHeaders['content-type'] === 'string' ? responseHeaders['content-type'] : undefined;
    const responseType = input.responseType ?? (isJsonContentType(contentType) ? 'json' : 'text');
    const outputs: HttpStepOutputs = { status: response.statusCode, headers: responseHeaders, body: decodeBody(raw, responseType, url.origin) };
    return { status: 'succeeded' as const, outputs };
  } catch (error) {
    throw toDomainError(error, where, state);
  } finally {
    clearTimeout(timer);
    context.signal.removeEventListener('abort', onAbort);
  }
}

function requestHeadersAndBody(input: HttpStepInput, idempotencyKey: string): { headers: Record<string, string>; body?: string } {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers)) {
    if (name.toLowerCase() !== 'idempotency-key') headers[name] = value;
  }
  // Every call carries the step's key, so a call repeated by a retry or a redelivery is applied once.
  headers['Idempotency-Key'] = idempotencyKey;
  const has = (name: string) => Object.keys(headers).some((key) => key.toLowerCase() === name);
  if (!has('user-agent')) headers['User-Agent'] = 'Conveyor-http-step';
  if (input.body === undefined) return { headers };
  if (typeof input.body === 'string') {
    if (!has('content-type')) headers['Content-Type'] = 'text/plain; charset=utf-8';
    return { headers, body: input.body };
  }
  if (!has('content-type')) headers['Content-Type'] = 'application/json';
  return { headers, body: JSON.stringify(input.body) };
}

function plainHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const plain: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) plain[name.toLowerCase()] = value;
  return plain;
}

function statusError(status: number, where: string, bodyExcerpt: string, headers: Record<string, string | string[]>): DomainError {
  const retryable = status >= 500 || status === 429;
  const details: Record<string, unknown> = { status, bodyExcerpt };
  if (typeof headers['retry-after'] === 'string') details.retryAfter = headers['retry-after'];
  return new DomainError('HTTP_STATUS', `${where} answered with unexpected status ${status}`, details, retryable);
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** Maps whatever the request threw onto the http step's error codes (timeouts and network trouble are worth a retry). */
function toDomainError(error: unknown, where: string, state: { timedOut: boolean; aborted: boolean }): DomainError {
  const refused = findInCauses(error, (candidate): candidate is AddressRefusedError => candidate instanceof AddressRefusedError);
  if (refused) {
    return new DomainError(
      'HTTP_ADDRESS_REFUSED',
      `${where} refused: ${refused.host} is (or resolves to) ${refused.address}, a ${refused.range} address; the http step may only call public addresses`,
      { host: refused.host, address: refused.address, range: refused.range },
      false,
    );
  }
  if (isDomainError(error)) return error;
  const code = findInCauses(error, (candidate): candidate is { code: string } => typeof (candidate as { code?: unknown }).code === 'string')?.code;
  if (state.timedOut || (code && TIMEOUT_CODES.has(code))) {
    return new DomainError('HTTP_TIMEOUT', `${where} did not answer in time`, { code }, true);
  }
  if (state.aborted) {
    return new DomainError('HTTP_ABORTED', `${where} was abandoned because the step was stopped`, {}, true);
  }
  if (code === 'UND_ERR_INVALID_ARG') {
    return new DomainError('BAD_STEP_INPUT', `${where} cannot be sent: ${messageOf(error)}`, {}, false);
  }
  return new DomainError('HTTP_NETWORK', `${where} failed: ${messageOf(error)}`, { code }, true);
}

function findInCauses<T>(error: unknown, matches: (candidate: object) => candidate is T & object): T | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    if (matches(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Publish-time hint: a literal URL that names a refused address can never work. */
function checkLiteralAddress(withValues: Record<string, unknown>, options: HttpStepOptions): WithProblem[] {
  const url = withValues?.url;
  if (options.allowPrivateAddresses || typeof url !== 'string' || isExpression(url) || !URL.canParse(url)) return [];
  const host = new URL(url).hostname;
  if (host.toLowerCase() === 'localhost' || host.toLowerCase().endsWith('.localhost')) {
    return [{ path: ['url'], message: 'points at this machine (localhost), which the http step may not call' }];
  }
  if (!isIpLiteral(host)) return [];
  try {
    assertLiteralHostAllowed(host);
    return [];
  } catch (error) {
    return error instanceof AddressRefusedError ? [{ path: ['url'], message: `points at ${error.address}, a ${error.range} address the http step may not call` }] : [];
  }
}
