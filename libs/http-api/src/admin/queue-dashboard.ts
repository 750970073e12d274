import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AdminTokenAuthenticator } from '../access/admin-token.authenticator';
import { requireAdmin } from '../access/require-admin.middleware';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** bull-board over the platform's queues: it can retry and delete jobs, so it needs the admin token. */
export function mountQueueDashboard(app: INestApplication, queues: readonly Queue[], authenticator: AdminTokenAuthenticator): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter });
  app.use(QUEUE_DASHBOARD_PATH, requireAdmin(authenticator), serverAdapter.getRouter());
}
