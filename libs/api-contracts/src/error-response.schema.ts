import { z } from 'zod';

/** One located problem in a workflow's YAML (1-based line and column). */
export const validationProblemSchema = z.object({
  line: z.number().int(),
  column: z.number().int(),
  code: z.string(),
  message: z.string(),
  /** Path in the document, e.g. ["steps", 2, "needs", 0]. */
  path: z.array(z.union([z.string(), z.number()])).optional(),
});
export type ValidationProblemBody = z.infer<typeof validationProblemSchema>;

/**
 * Every error the API returns has this shape; never a stack trace.
 * `problems` is present when the error is about located problems in a workflow (VALIDATION_FAILED).
 */
export const apiErrorSchema = z.object({
  status: z.number().int(),
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    problems: z.array(validationProblemSchema).optional(),
  }),
  /** Quote it when reporting a problem: the server's log lines of the request carry it. */
  requestId: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** Codes the HTTP layer itself produces (domain codes come from the services). */
export const HTTP_ERROR_CODES = {
  badRequest: 'BAD_REQUEST',
  malformedJson: 'MALFORMED_JSON',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  unsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  routeNotFound: 'ROUTE_NOT_FOUND',
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  validationFailed: 'VALIDATION_FAILED',
  internal: 'INTERNAL',
} as const;
