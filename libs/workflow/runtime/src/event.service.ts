import { DomainError } from '@conveyor/kernel';
import type { WorkflowStore } from '@conveyor/persistence';
import { evaluateCondition, renderTemplate, type EventTrigger, type WebhookTrigger } from '@conveyor/workflow-dsl';
import type { Actor, EventService, RunService, RunSummary } from './runtime-ports';

/** Turns events and webhook calls into runs of the workflows whose triggers listen for them. */
export class EventServiceImpl implements EventService {
  constructor(private readonly workflows: WorkflowStore, private readonly runs: RunService) {}

  async emit(event: string, payload: Record<string, unknown>, actor: Actor, idempotencyKey?: string): Promise<RunSummary[]> {
    const started: RunSummary[] = [];
    for (const row of await this.workflows.eventTriggers(event)) {
      const trigger = row.spec as unknown as EventTrigger;
      const context = { event: { name: event, payload, ...payload } };
      if (trigger.if && !evaluateCondition(trigger.if, context)) continue;
      const inputs = renderTemplate(trigger.inputs ?? {}, context) as Record<string, unknown>;
      started.push(await this.runs.start({
        workflowId: row.workflowId,
        inputs,
        trigger: { type: 'event', event, triggerId: row.triggerId },
        idempotencyKey: idempotencyKey ? `event:${event}:${idempotencyKey}:${row.workflowId}:${row.triggerId}` : undefined,
      }, actor));
    }
    return started;
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
