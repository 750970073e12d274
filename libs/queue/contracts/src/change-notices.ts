import { z } from 'zod';

/**
 * Redis pub/sub channel (under QUEUE_PREFIX) on which every process says which runs and documents it just
 * changed, so the API's live streams re-read them. Ids only: whoever listens reads the state from the database.
 */
export const CHANGE_NOTICE_CHANNEL = 'changes';

const ids = z.array(z.string().uuid()).max(10_000);

export const changeNoticeSchema = z.strictObject({
  /** Runs whose state (or a step's) changed in a committed transaction. */
  runs: ids,
  /** Documents whose own state changed (stored after being announced). */
  documents: ids,
});
export type ChangeNotice = z.infer<typeof changeNoticeSchema>;
