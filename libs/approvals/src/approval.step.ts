import { DomainError } from '@conveyor/kernel';
import type { StepContext, StepResult, StepType } from '@conveyor/workflow-engine';
import { z } from 'zod';
import { approvalInputSchema, type ApprovalStepInput } from './approval-input.schema';
import { taskSignal, type ApprovalTaskGateway } from './approval-ports';
import { routeByAmount } from './authority-routing';
import { checkStepWith, parseStepInput } from '@conveyor/workflow-steps';
import { withoutUndefined } from './task-change';
import type { OpenedTask, OpenTaskRequest } from './task-opening';
import { OUTCOMES, type TaskPolicy } from './task.model';

const waitingStateSchema = z.object({ taskId: z.string().min(1) });

/** The decision's payload as ApprovalService signals it (the step's outputs). */
const outcomePayloadSchema = z.looseObject({
  taskId: z.string().min(1),
  outcome: z.enum(OUTCOMES),
  data: z.record(z.string(), z.unknown()),
  decidedBy: z.array(z.string()),
  decidedAt: z.string(),
});

/**
 * The `approval` step: the first execution opens a task for people (through the gateway, idempotently per
 * step execution) and parks on `task:<id>` without holding a worker; the decision's signal resumes it and it
 * succeeds with the outcome, the form data, the comment and who decided, so the workflow can branch on
 * `steps.<id>.outputs.outcome`.
 */
export function createApprovalStepType(gateway: ApprovalTaskGateway): StepType<ApprovalStepInput> {
  return {
    type: 'approval',
    description:
      'Asks people to approve, reject or request changes (by role, group, user or an amount-based authority table; N-of-M; segregation of duties; a JSON Schema form; reminders, escalation and a timeout in business days) and waits for the decision without holding a worker.',
    parseInput: (input) => parseStepInput('approval', approvalInputSchema, input),
    checkWith: (withValues) => checkStepWith(approvalInputSchema, withValues),
    async execute(input, context) {
      if (context.resumeState !== undefined) return resume(input, context, gateway);
      // A first execution after the run was retried asks a task cancelled with the failed run again.
      return resultOf(await gateway.openTask(openRequest(input, context), { reopenCancelled: true }));
    },
  };
}

/** What the step asks the gateway for: the assignees (routed by amount when there is an authority table) and its declarations. */
export function openRequest(input: ApprovalStepInput, context: Pick<StepContext, 'idempotencyKey' | 'runId' | 'workflowId' | 'revision' | 'stepId' | 'itemIndex' | 'startedBy'>): OpenTaskRequest {
  const route = input.authority ? routeByAmount(input.authority) : undefined;
  const policy: TaskPolicy = withoutUndefined({
    outcomes: input.outcomes,
    segregationOfDuties: input.segregationOfDuties,
    remindAfter: input.remindAfter,
    escalateAfter: input.escalateAfter,
    escalateTo: input.escalateTo,
    timeout: input.timeout,
    timeoutOutcome: input.timeoutOutcome ?? (input.timeout !== undefined ? 'reject' : undefined),
    dueAfter: input.dueAfter,
    businessDays: input.businessDays,
    holidays: input.holidays,
    timezone: input.timezone,
    authorityBand: route?.band,
  });
  return withoutUndefined({
    idempotencyKey: context.idempotencyKey,
    runId: context.runId,
    workflowId: context.workflowId,
    revision: context.revision,
    stepId: context.stepId,
    itemIndex: context.itemIndex,
    startedBy: context.startedBy,
    uploadedBy: input.uploadedBy,
    title: input.title,
    description: input.description,
    assignees: route?.assignees ?? input.assignees!,
    requiredApprovals: route?.approvals ?? input.approvals,
    formSchema: input.form,
    context: input.context,
    amount: input.authority?.amount ?? input.amount ?? undefined,
    currency: input.authority?.currency ?? input.currency,
    policy,
  });
}

async function resume(input: ApprovalStepInput, context: StepContext, gateway: ApprovalTaskGateway): Promise<StepResult> {
  const state = waitingStateSchema.safeParse(context.resumeState);
  if (!state.success) {
    throw new DomainError('BAD_RESUME_STATE', 'The approval step was resumed with a state it did not save', { state: context.resumeState }, false);
  }
  const { taskId } = state.data;
  if (context.resumePayload === undefined) {
    // Woken without a decision (a redelivered job): the task may have been decided meanwhile; ask again.
    const task = await gateway.openTask(openRequest(input, context));
    if (task.taskId !== taskId) {
      throw new DomainError('BAD_RESUME_STATE', `The approval step waited for task ${taskId}, but its task is ${task.taskId}`, { taskId }, false);
    }
    return resultOf(task);
  }
  const payload = outcomePayloadSchema.safeParse(context.resumePayload);
  if (!payload.success) {
    throw new DomainError('BAD_RESUME_PAYLOAD', `The decision of task ${taskId} arrived in a form that cannot be read`, { taskId }, false);
  }
  if (payload.data.taskId !== taskId) {
    throw new DomainError('BAD_RESUME_PAYLOAD', `The approval step waits for task ${taskId}, not ${payload.data.taskId}`, { taskId, received: payload.data.taskId }, false);
  }
  return { status: 'succeeded', outputs: payload.data };
}

function resultOf(task: OpenedTask): StepResult {
  if (task.status === 'cancelled') {
    throw new DomainError('APPROVAL_CANCELLED', `Approval task ${task.taskId} was cancelled`, { taskId: task.taskId }, false);
  }
  if (task.outputs) return { status: 'succeeded', outputs: task.outputs };
  return { status: 'waiting', signal: taskSignal(task.taskId), state: { taskId: task.taskId } };
}
