import { parseDuration } from '@conveyor/kernel';
import {
  BackoffSpec,
  InputSpec,
  OnErrorSpec,
  RetrySpec,
  StepSpec,
  TriggerSpec,
  WorkflowDefinition,
} from '../model';
import { WorkflowSurface } from '../workflow.schema';
import { StepSurface } from '../schema/step.schema';
import { TriggerSurface } from '../schema/trigger.schema';
import { InputSpecSurface } from '../schema/input.schema';

export const DEFAULT_BACKOFF: BackoffSpec = { type: 'exponential', delay: 1_000, maxDelay: 300_000, jitter: 0.5 };
export const DEFAULT_FOREACH_CONCURRENCY = 10;
export const DEFAULT_CATCH_UP = 'last';

/** Applies the defaults of the YAML surface and produces the model everything downstream uses. */
export function normaliseWorkflow(surface: WorkflowSurface): WorkflowDefinition {
  const definition: WorkflowDefinition = {
    version: 1,
    id: surface.id,
    name: surface.name ?? surface.id,
    inputs: normaliseInputs(surface.inputs ?? {}),
    triggers: (surface.triggers ?? []).map(normaliseTrigger),
    steps: surface.steps.map(normaliseStep),
  };
  if (surface.description !== undefined) definition.description = surface.description;
  if (surface.outputs !== undefined) definition.outputs = surface.outputs;
  if (surface.timeout !== undefined) definition.timeout = parseDuration(surface.timeout);
  return definition;
}

function normaliseInputs(inputs: Record<string, InputSpecSurface>): Record<string, InputSpec> {
  const result: Record<string, InputSpec> = {};
  for (const [name, spec] of Object.entries(inputs)) {
    const input: InputSpec = { type: spec.type, required: spec.required ?? false };
    if (spec.description !== undefined) input.description = spec.description;
    if (spec.default !== undefined) input.default = spec.default;
    if (spec.enum !== undefined) input.enum = spec.enum;
    result[name] = input;
  }
  return result;
}

function normaliseTrigger(trigger: TriggerSurface): TriggerSpec {
  switch (trigger.type) {
    case 'cron':
      return {
        id: trigger.id,
        type: 'cron',
        cron: trigger.cron,
        timezone: trigger.timezone,
        inputs: trigger.inputs ?? {},
        catchUp: trigger.catchUp ?? DEFAULT_CATCH_UP,
      };
    case 'event': {
      const event: TriggerSpec = { id: trigger.id, type: 'event', event: trigger.event, inputs: trigger.inputs ?? {} };
      if (trigger.if !== undefined) event.if = trigger.if;
      return event;
    }
    case 'webhook':
      return { id: trigger.id, type: 'webhook', inputs: trigger.inputs ?? {} };
    case 'manual':
      return { id: trigger.id, type: 'manual' };
  }
}

function normaliseStep(step: StepSurface): StepSpec {
  const spec: StepSpec = {
    id: step.id,
    type: step.type,
    with: step.with ?? {},
    needs: normaliseNeeds(step.needs),
    retry: normaliseRetry(step.retry),
    onError: normaliseOnError(step.onError),
  };
  if (step.name !== undefined) spec.name = step.name;
  if (step.description !== undefined) spec.description = step.description;
  if (step.if !== undefined) spec.if = step.if;
  if (step.foreach !== undefined) {
    spec.foreach = { items: step.foreach.items, concurrency: step.foreach.concurrency ?? DEFAULT_FOREACH_CONCURRENCY };
  }
  if (step.timeout !== undefined) spec.timeout = parseDuration(step.timeout);
  if (step.outputs !== undefined) spec.outputs = step.outputs;
  return spec;
}

export function normaliseNeeds(needs: StepSurface['needs']): string[] {
  if (needs === undefined) return [];
  return typeof needs === 'string' ? [needs] : [...new Set(needs)];
}

function normaliseRetry(retry: StepSurface['retry']): RetrySpec {
  return {
    attempts: retry?.attempts ?? 1,
    backoff: normaliseBackoff(retry?.backoff),
    nonRetryableCodes: retry?.nonRetryable ?? [],
  };
}

function normaliseBackoff(backoff: NonNullable<StepSurface['retry']>['backoff']): BackoffSpec {
  if (backoff === undefined) return { ...DEFAULT_BACKOFF };
  if (typeof backoff === 'string') return { ...DEFAULT_BACKOFF, type: backoff };
  const delay = backoff.delay === undefined ? DEFAULT_BACKOFF.delay : parseDuration(backoff.delay);
  const maxDelay = backoff.maxDelay === undefined ? Math.max(DEFAULT_BACKOFF.maxDelay, delay) : parseDuration(backoff.maxDelay);
  return {
    type: backoff.type ?? DEFAULT_BACKOFF.type,
    delay,
    maxDelay,
    jitter: backoff.jitter ?? DEFAULT_BACKOFF.jitter,
  };
}

function normaliseOnError(onError: StepSurface['onError']): OnErrorSpec {
  if (onError === undefined || onError === 'fail') return { action: 'fail' };
  if (onError === 'continue') return { action: 'continue' };
  if ('goto' in onError) return { action: 'goto', step: onError.goto };
  return { action: 'workflow', workflow: onError.workflow, inputs: onError.inputs ?? {} };
}
