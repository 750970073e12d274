import { isDuration, parseDuration } from '@conveyor/kernel';
import { z } from 'zod';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers the HTTP client manages itself; letting a workflow set them would corrupt the request. */
const MANAGED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect']);

const urlSchema = z.string({ error: 'must be an http or https URL' }).superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a URL` });
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    ctx.addIssue({ code: 'custom', message: `must use http or https, not ${url.protocol.replace(':', '')}` });
  }
  if (url.username || url.password) {
    ctx.addIssue({ code: 'custom', message: 'must not carry credentials; send them in a header such as Authorization' });
  }
});

const headersSchema = z
  .record(
    z.string(),
    z.union([z.string(), z.number(), z.boolean()]).refine((value) => !/[\r\n\0]/.test(String(value)), { error: 'must not contain line breaks' }),
    { error: 'must be an object of header names to values' },
  )
  .superRefine((headers, ctx) => {
    for (const name of Object.keys(headers)) {
      if (!HEADER_NAME.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: 'is not a valid header name' });
      else if (MANAGED_HEADERS.has(name.toLowerCase())) ctx.addIssue({ code: 'custom', path: [name], message: 'is set by the HTTP client and cannot be given' });
    }
  })
  .transform((headers) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)])));

const queryValue = z.union([z.string(), z.number(), z.boolean()]);
const querySchema = z.record(z.string(), z.union([queryValue, z.array(queryValue)]), { error: 'must be an object of parameter names to values' });

/** One expected status: an exact code (200) or a class ("2xx"). */
const statusPattern = z.union([
  z.number().int().min(100).max(599),
  z.string().regex(/^[1-5]xx$/, { error: 'must be a status code or a class like "2xx"' }),
]);

const durationSchema = z
  .union([z.string(), z.number()])
  .refine((value) => isDuration(value) && parseDuration(value) > 0, { error: 'must be a positive duration like 30s or a number of milliseconds' })
  .transform((value) => parseDuration(value));

export const httpInputSchema = z
  .strictObject({
    url: urlSchema,
    method: z
      .string({ error: `must be one of ${HTTP_METHODS.join(', ')}` })
      .transform((value) => value.toUpperCase())
      .pipe(z.enum(HTTP_METHODS, { error: `must be one of ${HTTP_METHODS.join(', ')}` }))
      .default('GET'),
    headers: headersSchema.default({}),
    query: querySchema.default({}),
    /** JSON (sent as application/json) or a string (sent as is). */
    body: z.unknown().optional(),
    timeout: durationSchema.default(30_000),
    expectStatus: z
      .union([statusPattern, z.array(statusPattern).min(1, { error: 'must list at least one status' })])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .default(['2xx']),
    responseType: z.enum(['json', 'text'], { error: 'must be json or text' }).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.body !== undefined && (input.method === 'GET' || input.method === 'HEAD')) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: `cannot be sent with ${input.method}; use POST, PUT or PATCH` });
    }
  });

export type HttpStepInput = z.output<typeof httpInputSchema>;

export function statusIsExpected(status: number, expected: (number | string)[]): boolean {
  return expected.some((pattern) => (typeof pattern === 'number' ? pattern === status : Math.floor(status / 100) === Number(pattern[0])));
}
