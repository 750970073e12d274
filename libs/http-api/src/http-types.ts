import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from './access/principal';

/**
 * The parts of Express's request and response the API uses. Spelled out here because the
 * repository does not carry Express's type declarations. pino-http adds `id` and `log` to every
 * IncomingMessage it sees; a request refused before it ran (malformed JSON) has neither.
 */
export interface ApiRequest extends IncomingMessage {
  /** Set by the access guard. */
  principal?: Principal;
  body?: unknown;
  params: Record<string, string>;
  query: Record<string, unknown>;
}

export interface ApiResponse extends ServerResponse {
  status(code: number): this;
  json(body: unknown): this;
  type(contentType: string): this;
  send(body?: unknown): this;
}
