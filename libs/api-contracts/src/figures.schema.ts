import { z } from 'zod';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const instant = z.iso.datetime({ offset: true, error: 'an ISO 8601 date-time with a zone, e.g. 2026-03-01T00:00:00Z' });

/** GET /api/figures/process: cases uploaded in [from, to) (default: the last 30 days), days in `timeZone`. */
export const processFiguresQuerySchema = z
  .strictObject({
    from: instant.optional(),
    to: instant.optional(),
    timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Berlin').default('UTC'),
    workflowId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).default('invoice-intake'),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to), { message: 'from must be before to', path: ['from'] });
export type ProcessFiguresQuery = z.infer<typeof processFiguresQuerySchema>;
