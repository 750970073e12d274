import { hostname } from 'node:os';
import type { ConveyorConfig } from '@conveyor/config';
import { parseDuration, systemClock, type Clock } from '@conveyor/kernel';
import { createLogger, type Logger } from '@conveyor/observability';
import { openDatabase, RunStore, WorkflowStore } from '@conveyor/persistence';
import { ChangeNoticeChannel, createRedisConnection, pingRedis, RunStopBroadcast, StepQueue } from '@conveyor/queue-bullmq';
import type { StepType } from '@conveyor/workflow-engine';
import {
  DefinitionCache, Dispatcher, EventServiceImpl, RunAdvancer, RunCreator, RunServiceImpl, RuntimeMetrics, SchedulerLoop, StepExecutor,
  SignalService, WorkerRunner, WorkflowServiceImpl, type HealthStatus,
} from '@conveyor/workflow-runtime';
import { builtInStepTypes, catalogFromRegistry, createStepTypeRegistry } from '@conveyor/workflow-steps';
import { startPrivateRedis } from './embedded/private-redis';
import type { Component, Platform } from './platform.types';
import { UserListRecipientDirectory } from '@conveyor/notifications';
import { createExtractStepType } from '@conveyor/invoice-extraction';
import { wireReaders } from './wiring/readers.wiring';
import { documentBytesReader, invoiceFieldsRecorder, invoiceRegisterStepTypes } from './wiring/documents.wiring';
import { wireApprovals } from './wiring/approvals.wiring';
import { wireAudit } from './wiring/audit.wiring';
import { wireFigures } from './wiring/figures.wiring';
import { wirePurchasing } from './wiring/purchasing.wiring';
import { wireVendorProfiles } from './wiring/vendor-profiles.wiring';
import { wireReconciliation } from './wiring/reconciliation.wiring';
import { wireDocuments } from './wiring/documents.wiring';
import { wireNotifications } from './wiring/notifications.wiring';
import { wireIdentity } from './wiring/identity.wiring';
import { wireReporting } from './wiring/reporting.wiring';
import { processFiguresReportDefinition } from '@conveyor/reporting';

export interface CreatePlatformOptions {
  components: Component[];
  logger?: Logger;
  clock?: Clock;
  /** Step types added to the built-in ones (later domains; tests). */
  stepTypes?: StepType[];
}

/**
 * The composition root: opens the database and Redis (embedded ones when no URL is configured), wires the
 * runtime, and starts the components this process runs. Every app and every integration test starts here.
 */
export async function createPlatform(config: ConveyorConfig, options: CreatePlatformOptions): Promise<Platform> {
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL, component: options.components.join('+') });
  const clock = options.clock ?? systemClock;
  const cleanups: (() => Promise<void>)[] = [];
  // Sized first: pool sizes that cannot fit the configured memory budget stop the start before anything opens.
  const { pageReader } = wireReaders(config, logger, { runsSteps: options.components.includes('worker') });
  try {
    const database = await openDatabase(config, { logger });
    cleanups.push(() => database.close());
    let redisUrl = config.REDIS_URL;
    if (!redisUrl) {
      const redis = await startPrivateRedis(config.CONVEYOR_DATA_DIR, logger);
      cleanups.push(() => redis.stop());
      redisUrl = redis.url;
    }
    const onRedisError = (error: Error) => logger.warn({ err: error }, 'redis connection error');
    const queueConnection = createRedisConnection(redisUrl, onRedisError);
    const workerConnection = createRedisConnection(redisUrl, onRedisError);
    cleanups.push(async () => {
      queueConnection.disconnect();
      workerConnection.disconnect();
    });

    // Live views learn here which runs and documents changed, in whichever process changed them.
    const changes = new ChangeNoticeChannel(queueConnection, config.QUEUE_PREFIX, {
      batchMs: 10,
      onError: (error, context) => logger.warn({ err: error }, `live changes: ${context} failed`),
    });
    cleanups.push(() => changes.close());

    const wiring = { config, logger, clock, database };
    const { audit } = await wireAudit(wiring);
    const { identity } = await wireIdentity(wiring, audit);
    const { mailer, notifyStepType, taskNotifier, actionLinks } = wireNotifications(wiring, new UserListRecipientDirectory(identity));
    cleanups.push(async () => mailer.close());

    const runs = new RunStore(database.dataSource);
    runs.onRunsChanged((runIds) => changes.publish({ runs: runIds }));
    const workflowStore = new WorkflowStore(database.dataSource);
    const queue = new StepQueue(queueConnection, config.QUEUE_PREFIX);
    cleanups.push(() => queue.close());
    const metrics = new RuntimeMetrics(queue);
    const defaultTimeoutMs = parseDuration(config.DEFAULT_STEP_TIMEOUT);
    const definitions = new DefinitionCache(workflowStore);
    const advancer = new RunAdvancer({ definitions, clock, defaultTimeoutMs });
    const creator = new RunCreator(workflowStore, definitions, advancer, clock, audit);
    const dispatcher = new Dispatcher(runs, queue, clock, logger, metrics);
    const runService = new RunServiceImpl(runs, creator, advancer, dispatcher, clock, audit);
    const signals = new SignalService(runs, dispatcher, clock);
    const events = new EventServiceImpl(workflowStore, runService, logger);
    const { documents } = await wireDocuments(wiring, { events, audit, onChanged: (documentId) => changes.publish({ documents: [documentId] }) });
    const { approvals, approvalStepType, duty: approvalsDuty } = wireApprovals(wiring, { audit, signaler: signals, notifier: taskNotifier });
    const { reports, reportStepType } = wireReporting(wiring, { audit, mailer });
    const figures = wireFigures(wiring);
    reports.registry.register(processFiguresReportDefinition((query) => figures.process(query)));
    cleanups.push(() => pageReader.close());
    const { profiles, teacher } = wireVendorProfiles(wiring, documentBytesReader(documents), pageReader);
    const { purchasing, matchPoStepType } = wirePurchasing(wiring, audit);
    const { reconciliation, reconciliationStepTypes } = wireReconciliation(wiring, { audit, readDocument: documentBytesReader(documents).read });
    const registry = createStepTypeRegistry([
      matchPoStepType,
      ...reconciliationStepTypes,
      ...builtInStepTypes({ allowPrivateAddresses: config.HTTP_STEP_ALLOW_PRIVATE, maxResponseBytes: config.HTTP_STEP_MAX_RESPONSE_BYTES }),
      notifyStepType,
      approvalStepType,
      reportStepType,
      createExtractStepType(documentBytesReader(documents), { readLayout: pageReader.read, profiles }, invoiceFieldsRecorder(wiring)),
      ...invoiceRegisterStepTypes(wiring, audit, teacher),
      ...(options.stepTypes ?? []),
    ]);
    const workerId = `${hostname()}:${process.pid}`;
    const executor = new StepExecutor({
      runs, definitions, registry, advancer, dispatcher, clock, logger, metrics, workerId, defaultTimeoutMs,
      services: (run, step) => ({
        startChildRun: async (workflowId, inputs) => (await runService.start({
          workflowId, inputs, trigger: { type: 'subworkflow', parentRunId: run.id, stepId: step.stepId },
          idempotencyKey: `child:${step.id}`, parentRunId: run.id, parentStepExecutionId: step.id,
        } as Parameters<typeof runService.start>[0], { id: `run:${run.id}` })).id,
      }),
    });
    const stops = new RunStopBroadcast(queueConnection, config.QUEUE_PREFIX);
    cleanups.push(async () => stops.close());
    dispatcher.onRunsFinished = (finished) => {
      for (const run of finished) {
        if (!run.stopped) continue;
        executor.abortRun(run.runId);
        stops.publish(run.runId).catch((error) => logger.warn({ err: error }, 'could not broadcast a stopped run'));
        approvals.cancelForRun(run.runId, 'system', `run ${run.status}`)
          .catch((error) => logger.warn({ err: error, runId: run.runId }, 'could not cancel the tasks of a stopped run'));
      }
    };
    if (options.components.includes('worker')) await stops.subscribe((runId) => executor.abortRun(runId));

    const scheduler = new SchedulerLoop(
      { runs, workflows: workflowStore, creator, executor, dispatcher, runService, queue, clock, logger },
      { tickMs: config.SCHEDULER_TICK_MS, maxCatchUp: config.SCHEDULER_MAX_CATCH_UP, timeoutGraceMs: 5000, outboxDelayMs: 2000, duties: [approvalsDuty] },
    );
    const worker = new WorkerRunner(workerConnection, executor, logger, {
      prefix: config.QUEUE_PREFIX, concurrency: config.WORKER_CONCURRENCY, lockDurationMs: config.WORKER_LOCK_MS,
    });
    if (options.components.includes('worker')) worker.start();
    if (options.components.includes('scheduler')) scheduler.start();

    let ready = true;
    let closing: Promise<void> | undefined;
    const platform: Platform = {
      config,
      logger,
      components: options.components,
      workflows: new WorkflowServiceImpl(workflowStore, catalogFromRegistry(registry), clock, audit),
      runs: runService,
      events,
      documents,
      reports,
      figures,
      purchasing,
      reconciliation,
      audit,
      identity,
      approvals,
      signals,
      actionLinks,
      changes,
      queues: [queue.queue],
      metrics: metrics.registry,
      isReady: () => ready,
      async health(): Promise<HealthStatus> {
        const database = await measure(() => runs.ping());
        const redis = await measure(() => pingRedis(queueConnection).then(() => undefined));
        return { ok: database.ok && redis.ok, checks: { database, redis } };
      },
      close() {
        closing ??= (async () => {
          ready = false;
          await scheduler.stop();
          await worker.stop(config.SHUTDOWN_GRACE_MS);
          await dispatcher.flush();
          for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => logger.warn({ err: error }, 'cleanup failed'));
        })();
        return closing;
      },
    };
    logger.info({ components: options.components, database: database.url, embeddedDatabase: database.embedded, redis: redactUrl(redisUrl) }, 'platform started');
    return Object.assign(platform, { internals: { scheduler, executor, queue, runs, workflowStore } });
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    throw error;
  }
}

async function measure(check: () => Promise<void>): Promise<{ ok: boolean; error?: string; latencyMs?: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out after 2 s')), 2000)))]);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
