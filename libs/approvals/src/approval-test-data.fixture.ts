import { newId } from '@conveyor/kernel';
import { approvalInputSchema } from './approval-input.schema';
import { openRequest } from './approval.step';
import { parseStepInput } from '@conveyor/workflow-steps';
import type { OpenTaskRequest } from './task-opening';
import type { TaskPrincipal } from './task.model';

/** A person: 'alice' becomes the principal user:alice with the given roles and groups. */
export function person(name: string, roles: string[] = [], groups: string[] = []): TaskPrincipal {
  return { id: `user:${name}`, roles, groups };
}

/**
 * An open-task request made the way the approval step makes it: `with` values parsed by the step's schema,
 * routed by amount, with the step context's identity (a new run each call unless given).
 */
export function approvalRequest(
  withValues: Record<string, unknown>,
  context: Partial<{ runId: string; startedBy: string; stepId: string; workflowId: string; itemIndex: number | null }> = {},
): OpenTaskRequest {
  const runId = context.runId ?? newId();
  const stepId = context.stepId ?? 'approve';
  const itemIndex = context.itemIndex ?? null;
  const input = parseStepInput('approval', approvalInputSchema, withValues);
  return openRequest(input, {
    idempotencyKey: `${runId}:${stepId}${itemIndex === null ? '' : `[${itemIndex}]`}`,
    runId,
    workflowId: context.workflowId ?? 'invoice-approval',
    revision: 3,
    stepId,
    itemIndex,
    startedBy: 'startedBy' in context ? context.startedBy : 'user:uploader',
  });
}

/** A GL-coding form: the approver must give a GL account; a corrected total is optional. */
export const GL_FORM = {
  type: 'object',
  properties: {
    glAccount: { type: 'string', pattern: '^[0-9]{4}$' },
    correctedTotal: { type: 'string', pattern: '^[0-9]+\\.[0-9]{2}$' },
  },
  required: ['glAccount'],
  additionalProperties: false,
};
