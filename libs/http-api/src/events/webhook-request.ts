import type { ApiRequest } from '../http-types';

/** Credentials never travel into a run's trigger data (it is stored and shown in the run view). */
const WITHHELD_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization', 'x-api-key']);

/** The parts of a webhook request a workflow's trigger may read as `body`, `headers` and `query`. */
export function webhookRequest(request: ApiRequest): { body: unknown; headers: Record<string, string>; query: Record<string, string> } {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || WITHHELD_HEADERS.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.query)) {
    if (typeof value === 'string') query[name] = value;
    else if (Array.isArray(value)) query[name] = value.map(String).join(',');
  }
  return { body: request.body ?? null, headers, query };
}
