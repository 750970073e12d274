export * from './model';
export {
  isTemplate,
  evaluateExpression,
  renderTemplate,
  evaluateCondition,
  checkExpression,
  singleExpression,
} from './expressions/expressions';
export type { ExpressionContext } from './expressions/expressions';
export { findTemplates, referencedSteps } from './expressions/template-inspection';
export type { FoundTemplate } from './expressions/template-inspection';
export { EXPRESSION_ERROR } from './expressions/expression-error';
export { MAX_EXPRESSION_LENGTH } from './expressions/cel-environment';
export { freeVariables } from './expressions/free-variables';
export type { VariableUse } from './expressions/free-variables';
export { parseWorkflow, formatProblem } from './parse-workflow';
export type { ParseWorkflowOptions } from './parse-workflow';
export { validateRunInputs } from './inputs/validate-run-inputs';
export type { RunInputsResult } from './inputs/validate-run-inputs';
export { checkInputValue } from './inputs/input-value-check';
export { workflowSchema } from './workflow.schema';
export type { WorkflowSurface } from './workflow.schema';
export { workflowJsonSchema, workflowJsonSchemaText, WORKFLOW_JSON_SCHEMA_PATH } from './json-schema';
