import { renderTemplate, type ExpressionContext, type StepSpec } from '@conveyor/workflow-dsl';

/**
 * A step's outputs from its handler's result: with `outputs:` in the definition, each entry is rendered
 * with `result` in the context (e.g. `total: ${{ result.lines.size() }}`); without, the result itself.
 * Throws the DSL's DomainError (EXPRESSION_ERROR) when an expression cannot be evaluated.
 */
export function mapStepOutputs(step: StepSpec, result: unknown, ctx: ExpressionContext): unknown {
  if (step.outputs === undefined) return result;
  return renderTemplate(step.outputs, { ...ctx, result });
}
