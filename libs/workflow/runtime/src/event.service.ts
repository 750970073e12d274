import { DomainError } from '@conveyor/kernel';
import type { WorkflowStore } from '@conveyor/persistence';
import { EXPRESSION_ERROR, evaluateCondition, renderTemplate, type EventTrigger, type WebhookTrigger } from '@conveyor/workflow-dsl';
import type { Logger } from '@conveyor/observability';
import type { Actor, EmitResult, EventService, RunService, RunSummary, SkippedTrigger } from './runtime-ports';

/** Turns events and webhook calls into runs of the workflows whose triggers listen for them. */
export class EventServiceImpl implements EventService {
  constructor(private readonly workflows: WorkflowStore, private readonly runs: RunService, private readonly logger?: Logger) {}

  /**
   * Each listening trigger is handled on its own: one whose condition or inputs cannot be evaluated, or whose
   * run is refused for its content (inputs of the wrong type), is skipped and reported, and the other
   * workflows still start. Anything else (database or Redis down) fails the whole emit so the caller retries;
   * the idempotency key makes the retry start only what is missing.
   */
  async emit(event: string, payload: Record<string, unknown>, actor: Actor, idempotencyKey?: string): Promise<EmitResult> {
    const runs: RunSummary[] = [];
    const skipped: SkippedTrigger[] = [];
    for (const row of await this.workflows.eventTriggers(event)) {
      const trigger = row.spec as unknown as EventTrigger;
      const context = { event: { name: event, payload, ...payload } };
      try {
        if (trigger.if && !evaluateCondition(trigger.if, context)) continue;
        const inputs = renderTemplate(trigger.inputs ?? {}, context) as Record<string, unknown>;
        runs.push(await this.runs.start({
          workflowId: row.workflowId,
          inputs,
          trigger: { type: 'event', event, triggerId: row.triggerId },
          idempotencyKey: idempotencyKey ? `event:${event}:${idempotencyKey}:${row.workflowId}:${row.triggerId}` : undefined,
        }, actor));
      } catch (error) {
        if (!isTriggerContentError(error)) throw error;
        const skip = { workflowId: row.workflowId, triggerId: row.triggerId, code: error.code, message: error.message };
        this.logger?.warn({ event, ...skip }, 'event trigger skipped');
        skipped.push(skip);
      }
    }
    return { runs, skipped };
  }

  async webhook(
    workflowId: string,
    request: { body: unknown; headers: Record<string, string>; query: Record<string, string> },
    actor: Actor,
  ): Promise<RunSummary> {
    const row = (await this.workflows.triggersOf(workflowId)).find((trigger) => trigger.type === 'webhook');
    if (!row) throw new DomainError('WEBHOOK_NOT_FOUND', `Workflow "${workflowId}" has no webhook trigger`);
    const trigger = row.spec as unknown as WebhookTrigger;
    const inputs = renderTemplate(trigger.inputs ?? {}, { body: request.body, headers: request.headers, query: request.query }) as Record<string, unknown>;
    const deliveryId = request.headers['idempotency-key'] ?? request.headers['x-delivery-id'];
    return this.runs.start({
      workflowId,
      inputs,
      trigger: { type: 'webhook', triggerId: row.triggerId },
      idempotencyKey: deliveryId ? `webhook:${workflowId}:${deliveryId}` : undefined,
    }, actor);
  }
}

/** Errors that belong to one trigger's own definition or inputs, not to the platform. */
function isTriggerContentError(error: unknown): error is DomainError {
  if (!(error instanceof DomainError)) return false;
  const code = error.code;
  return code === EXPRESSION_ERROR || code.startsWith('INPUT_') || code.endsWith('_INVALID') || code.endsWith('_NOT_FOUND');
}
