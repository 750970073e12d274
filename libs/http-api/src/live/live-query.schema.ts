import { z } from 'zod';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `ids=a,b,c`: at most 50 ids, each a UUID. */
const idList = z
  .string()
  .max(50 * 37)
  .transform((text) => [...new Set(text.split(',').map((id) => id.trim()).filter(Boolean))])
  .refine((ids) => ids.length <= 50, 'at most 50 ids')
  .refine((ids) => ids.every((id) => UUID.test(id)), 'ids must be UUIDs separated by commas');

export const liveDocumentsQuerySchema = z.strictObject({ ids: idList.refine((ids) => ids.length > 0, 'at least one id') });
export type LiveDocumentsQuery = z.infer<typeof liveDocumentsQuerySchema>;

export const liveRunsQuerySchema = z.strictObject({ ids: idList.optional() });
export type LiveRunsQuery = z.infer<typeof liveRunsQuerySchema>;
