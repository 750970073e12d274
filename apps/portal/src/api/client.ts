import type { ValidationProblem } from './types';

/** An error answer of the API: `{ status, error: { code, message, details?, problems? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: ValidationProblem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Fired when the API says the session is gone, so the app shows the sign-in screen. */
export const SIGNED_OUT_EVENT = 'conveyor:signed-out';

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the API with the session cookie (same origin) and returns its JSON, or throws ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    signal: options.signal,
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const body = text ? safeJson(text) : undefined;
  if (!response.ok) throw toApiError(response.status, body);
  return body as T;
}

/** POSTs a multipart form (files) with the session cookie and returns the JSON answer, or throws ApiError. */
export async function postForm<T>(path: string, form: FormData): Promise<T> {
  const response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' }, body: form });
  const text = await response.text();
  const body = text ? safeJson(text) : undefined;
  if (!response.ok) throw toApiError(response.status, body);
  return body as T;
}

export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: string; message?: string; problems?: ValidationProblem[]; details?: Record<string, unknown> } } | undefined)?.error;
  if (status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  return new ApiError(status, error?.code ?? `HTTP_${status}`, error?.message ?? `The server answered ${status}`, error?.problems ?? (error?.details?.['problems'] as ValidationProblem[] | undefined) ?? [], error?.details ?? {});
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A query string from defined values only. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
