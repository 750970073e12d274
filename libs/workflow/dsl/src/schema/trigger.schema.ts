import { z } from 'zod';
import { conditionSchema, inputValuesSchema, TRIGGER_ID_PATTERN } from './common.schema';

const triggerId = z
  .string()
  .regex(TRIGGER_ID_PATTERN, {
    error: 'must start with a lowercase letter and contain only lowercase letters, digits, - and _',
  })
  .describe('Identifies the trigger within the workflow (keep it stable: schedules remember it).');

const cronTrigger = z
  .strictObject({
    id: triggerId,
    type: z.literal('cron').describe('Starts runs on a schedule.'),
    cron: z
      .string()
      .min(1)
      .describe('Cron expression: minute hour day-of-month month day-of-week, e.g. "0 8 * * 1-5" for 08:00 on weekdays.'),
    timezone: z.string().min(1).describe('IANA time zone the schedule is read in, e.g. Europe/Berlin or UTC. Required.'),
    inputs: inputValuesSchema.optional().describe('Inputs given to each scheduled run (literal values).'),
    catchUp: z
      .enum(['all', 'last', 'none'], { error: 'must be one of: all, last, none' })
      .optional()
      .describe('Firings missed while no scheduler was running: run all of them (capped), only the last (default) or none.'),
  })
  .describe('Run on a schedule.');

const eventTrigger = z
  .strictObject({
    id: triggerId,
    type: z.literal('event').describe('Starts a run when a platform event happens.'),
    event: z
      .string()
      .regex(/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/, { error: 'must be an event name like document.uploaded' })
      .describe('Event name, e.g. document.uploaded.'),
    if: conditionSchema.optional().describe('Only start a run when this condition on the event is true, e.g. ${{ event.folder == "invoices" }}.'),
    inputs: inputValuesSchema.optional().describe('Inputs of the run; expressions may read event.'),
  })
  .describe('Run when an event happens.');

const webhookTrigger = z
  .strictObject({
    id: triggerId,
    type: z.literal('webhook').describe('Starts a run when an HTTP request arrives at the workflow webhook.'),
    inputs: inputValuesSchema.optional().describe('Inputs of the run; expressions may read body, headers and query.'),
  })
  .describe('Run when a webhook is called.');

const manualTrigger = z
  .strictObject({
    id: triggerId,
    type: z.literal('manual').describe('Allows people to start runs by hand (UI, API, CLI).'),
  })
  .describe('Run when started by hand.');

export const TRIGGER_TYPES = ['cron', 'event', 'webhook', 'manual'] as const;

export const triggerSchema = z.discriminatedUnion('type', [cronTrigger, eventTrigger, webhookTrigger, manualTrigger], {
  error: (issue) =>
    issue.code === 'invalid_union' ? `must be one of: ${TRIGGER_TYPES.join(', ')}` : undefined,
});

export const triggersSchema = z.array(triggerSchema).describe('What starts runs of this workflow.');

export type TriggerSurface = z.infer<typeof triggerSchema>;
