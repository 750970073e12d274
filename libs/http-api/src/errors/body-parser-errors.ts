import { DomainError } from '@conveyor/kernel';

/** Errors thrown by Express's body parsers carry a `type` and a 4xx status. */
interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(value: unknown): value is BodyParserError {
  const candidate = value as Partial<BodyParserError> | null;
  return typeof candidate?.type === 'string' && typeof candidate.status === 'number' && candidate.status >= 400 && candidate.status < 500;
}

const KNOWN: Record<string, [code: string, message: string]> = {
  'entity.parse.failed': ['MALFORMED_JSON', 'The request body is not valid JSON'],
  'entity.too.large': ['PAYLOAD_TOO_LARGE', 'The request body is too large (at most 1 MB)'],
  'charset.unsupported': ['UNSUPPORTED_MEDIA_TYPE', 'The request body has an unsupported charset'],
  'encoding.unsupported': ['UNSUPPORTED_MEDIA_TYPE', 'The request body has an unsupported content encoding'],
};

/** A body parser's failure as a DomainError the exception filter understands; anything else unchanged. */
export function fromBodyParserError(error: unknown): unknown {
  if (!isBodyParserError(error)) return error;
  const [code, message] = KNOWN[error.type] ?? ['BAD_REQUEST', 'The request body could not be read'];
  return new DomainError(code, message);
}

/**
 * Express error middleware placed right after the body parsers. Without it Nest turns a JSON syntax
 * error into a BadRequestException carrying the parser's message, and the filter cannot tell it apart.
 */
export function bodyParserErrors(error: unknown, _request: unknown, _response: unknown, next: (error: unknown) => void): void {
  next(fromBodyParserError(error));
}
