export * from './contracts';
export { planNext } from './plan-next';
export type { PlanOptions } from './plan-state';
export { decideFailure, computeBackoff } from './retry-policy';
export type { FailureDecision } from './retry-policy';
export { mapStepOutputs } from './step-outputs';
export { buildExpressionContext } from './expression-context';
export type { ContextExtras } from './expression-context';
