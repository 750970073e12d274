import type { ConveyorConfig } from '@conveyor/config';
import type { Logger } from '@conveyor/observability';
import type { EventService, HealthStatus, RunService, WorkflowService } from '@conveyor/workflow-runtime';
import type { Queue } from 'bullmq';
import type { ChangeNoticeListener } from '@conveyor/queue-bullmq';
import type { Registry } from 'prom-client';
import type { ApprovalService } from '@conveyor/approvals';
import type { ActionLinkSigner } from '@conveyor/notifications';
import type { SignalService } from '@conveyor/workflow-runtime';
import type { wireAudit } from './wiring/audit.wiring';
import type { wireDocuments } from './wiring/documents.wiring';
import type { FiguresService } from './wiring/figures.wiring';
import type { PurchasingService } from '@conveyor/purchasing';
import type { BankReconciliationService } from '@conveyor/reconciliation';
import type { wireIdentity } from './wiring/identity.wiring';
import type { ReportService } from '@conveyor/reporting';

/** Which parts of Conveyor a process runs. The standalone mode runs all three in one process. */
export type Component = 'api' | 'scheduler' | 'worker';

/**
 * Everything a process of Conveyor needs, built once by createPlatform() (the composition root).
 * The API's controllers, the CLI and the tests all talk to these services.
 */
export interface Platform {
  readonly config: ConveyorConfig;
  readonly logger: Logger;
  readonly components: readonly Component[];
  readonly workflows: WorkflowService;
  readonly runs: RunService;
  readonly events: EventService;
  /** The append-only, hash-chained audit trail. */
  readonly audit: Awaited<ReturnType<typeof wireAudit>>['audit'];
  /** Users, roles, sessions and API keys. */
  readonly identity: Awaited<ReturnType<typeof wireIdentity>>['identity'];
  /** Uploaded documents: intake, storage, duplicates. */
  readonly documents: Awaited<ReturnType<typeof wireDocuments>>['documents'];
  /** Vendors, purchase orders, goods receipts, and matching invoices against them. */
  readonly purchasing: PurchasingService;
  /** Bank reconciliation: statements, transactions, matches, open items, exceptions, learned rules. */
  readonly reconciliation: BankReconciliationService;
  /** Process figures: cycle time, touchless rate, exceptions, backlog, corrections. */
  readonly figures: FiguresService;
  /** Reports: generation, the stored files, delivery; `reports.registry` takes further report types. */
  readonly reports: ReportService;
  /** Approval tasks: the inbox, decisions, reminders and escalations. */
  readonly approvals: ApprovalService;
  /** Wakes steps that wait for a signal. */
  readonly signals: SignalService;
  /** Signs and checks the action links in task e-mails. */
  readonly actionLinks: ActionLinkSigner;
  /**
   * Notices (ids only) of the runs and documents any process changed, for live views. `subscribe` resolves
   * once the subscription stands; `onGap` says notices may have been lost (re-read what is shown).
   */
  readonly changes: { subscribe(listener: ChangeNoticeListener): Promise<() => void> };
  /** BullMQ queues, for the admin dashboard (bull-board). */
  readonly queues: Queue[];
  /** Prometheus registry with queue, step and run metrics. */
  readonly metrics: Registry;
  health(): Promise<HealthStatus>;
  /** True once the platform is ready to take work (readiness probe). */
  isReady(): boolean;
  /** Stops taking new work, lets in-flight steps finish (or hands them back) and closes connections. */
  close(): Promise<void>;
}

/** Nest injection token for the Platform. */
export const PLATFORM = Symbol.for('conveyor.platform');
