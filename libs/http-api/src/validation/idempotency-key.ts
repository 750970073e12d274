import { idempotencyKeySchema } from '@conveyor/api-contracts';
import { ZodValidationPipe } from './zod-validation.pipe';

const idempotencyKeyHeader = new ZodValidationPipe(idempotencyKeySchema.optional(), 'Idempotency-Key header');

/** The Idempotency-Key header, checked (Nest's @Headers takes no pipes). */
export function readIdempotencyKey(header: string | undefined): string | undefined {
  return idempotencyKeyHeader.transform(header);
}
