import { z } from 'zod';
import { DOCUMENT_STATUSES } from '@conveyor/documents';

/** GET /api/documents: filters and paging (newest first). */
export const listDocumentsQuerySchema = z.strictObject({
  status: z.union([z.enum(DOCUMENT_STATUSES), z.array(z.enum(DOCUMENT_STATUSES))]).optional(),
  /** An actor id as recorded: user:<id> or api-key:<id>. */
  uploadedBy: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().min(1).max(500).optional(),
});
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuerySchema>;
