import { toErrorInfo, type ErrorInfo } from '@conveyor/kernel';
import { evaluateCondition, evaluateExpression, EXPRESSION_ERROR, isTemplate, renderTemplate, type StepSpec } from '@conveyor/workflow-dsl';
import type { ContextExtras } from './expression-context';
import type { PlanState } from './plan-state';

/** The outcome of evaluating a step's expressions: a value, or the error the step fails with. */
export type Evaluated<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** The step's `with`, rendered for one execution (a foreach item brings `item` and `index`). */
export function renderStepInput(state: PlanState, spec: StepSpec, extras: ContextExtras = {}): Evaluated<unknown> {
  return evaluate(spec.id, 'with', () => renderTemplate(spec.with, state.context(extras)));
}

/** The step's `if`; a step without one always runs. */
export function evaluateStepCondition(state: PlanState, spec: StepSpec): Evaluated<boolean> {
  const source = spec.if;
  if (source === undefined) return { ok: true, value: true };
  return evaluate(spec.id, 'if', () => evaluateCondition(source, state.context()));
}

/** The array a foreach step iterates: a literal array, or an expression that must give one. */
export function evaluateForeachItems(state: PlanState, spec: StepSpec): Evaluated<unknown[]> {
  const items = spec.foreach?.items;
  if (Array.isArray(items)) return { ok: true, value: items };
  const evaluated = evaluate(spec.id, 'foreach.items', () =>
    typeof items === 'string' && !isTemplate(items) ? evaluateExpression(items, state.context()) : renderTemplate(items, state.context()),
  );
  if (!evaluated.ok) return evaluated;
  if (!Array.isArray(evaluated.value)) {
    return {
      ok: false,
      error: {
        code: EXPRESSION_ERROR,
        message: `step ${spec.id}: foreach.items must give an array, got ${describeType(evaluated.value)}`,
        details: { stepId: spec.id, field: 'foreach.items' },
      },
    };
  }
  return { ok: true, value: evaluated.value };
}

/**
 * Runs an evaluation and turns whatever it throws into the EXPRESSION_ERROR the step (or, without a step,
 * the run) fails with; `field` says which part of the definition was being evaluated.
 */
export function evaluate<T>(stepId: string | undefined, field: string, run: () => T): Evaluated<T> {
  try {
    return { ok: true, value: run() };
  } catch (thrown) {
    const cause = toErrorInfo(thrown, EXPRESSION_ERROR);
    return {
      ok: false,
      error: {
        code: EXPRESSION_ERROR,
        message: `${stepId === undefined ? '' : `step ${stepId}, `}${field}: ${cause.message}`,
        details: {
          ...cause.details,
          ...(stepId === undefined ? {} : { stepId }),
          field,
          ...(cause.code === EXPRESSION_ERROR ? {} : { cause: cause.code }),
        },
      },
    };
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  return typeof value;
}
