import { REPORT_FORMATS } from '@conveyor/reporting';
import { z } from 'zod';

export const generateReportBodySchema = z.strictObject({
  type: z.string().min(1).max(100),
  format: z.enum(REPORT_FORMATS as [string, ...string[]]),
  parameters: z.record(z.string(), z.unknown()).default({}),
  deliver: z.strictObject({
    email: z.array(z.email()).min(1).max(100).optional(),
    webhook: z.url({ protocol: /^https?$/ }).optional(),
  }).optional(),
});
export type GenerateReportBody = z.output<typeof generateReportBodySchema>;

export const listReportsQuerySchema = z.strictObject({
  type: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(500).optional(),
});
export type ListReportsQuery = z.output<typeof listReportsQuerySchema>;
