/**
 * The one error type every domain throws. `code` is stable and machine-readable
 * (the API maps it to an HTTP status, workers to "retry" or "do not retry");
 * `message` is for people; `details` carries evidence (never secrets).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    /** false when retrying cannot help (bad input, invalid definition). */
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toJSON(): { code: string; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** A plain, serialisable description of any thrown value. */
export interface ErrorInfo {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export function toErrorInfo(error: unknown, fallbackCode = 'INTERNAL'): ErrorInfo {
  if (error instanceof DomainError) return error.toJSON();
  if (error instanceof Error) {
    const candidate = (error as unknown as { code?: unknown }).code;
    const code = typeof candidate === 'string' ? candidate : fallbackCode;
    return { code, message: error.message };
  }
  return { code: fallbackCode, message: String(error) };
}
