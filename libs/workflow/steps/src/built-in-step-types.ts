import type { StepType } from '@conveyor/workflow-engine';
import { delayStepType } from './delay.step';
import { failStepType } from './fail.step';
import { createHttpStepType } from './http.step';
import { logStepType } from './log.step';
import { noopStepType } from './noop.step';
import { subworkflowStepType } from './subworkflow.step';

export interface BuiltInStepTypeOptions {
  /** HTTP_STEP_ALLOW_PRIVATE from the configuration. */
  allowPrivateAddresses: boolean;
  /** HTTP_STEP_MAX_RESPONSE_BYTES from the configuration. */
  maxResponseBytes: number;
}

/** The step types every Conveyor installation has; domains add theirs next to these in the registry. */
export function builtInStepTypes(options: BuiltInStepTypeOptions): StepType[] {
  return [
    logStepType,
    delayStepType,
    createHttpStepType(options),
    failStepType,
    noopStepType,
    subworkflowStepType,
  ];
}
