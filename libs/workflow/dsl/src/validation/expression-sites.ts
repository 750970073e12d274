import { WorkflowDefinition } from '../model';
import { ProblemPath } from '../parser/yaml-source';

/** Names every expression may read, by where it is written. */
const RUN_SCOPE = ['inputs', 'steps', 'run', 'trigger'];

export interface ExpressionSite {
  path: ProblemPath;
  value: unknown;
  /** Variables in scope; empty = expressions are not evaluated here at all. */
  variables: string[];
  /** Must be one true/false expression (bare CEL allowed). */
  condition?: boolean;
  /** When a string: bare CEL or exactly one `${{ }}` expression. */
  singleExpression?: boolean;
  /** Whose dependencies bound `steps.X` reads; undefined = any step (run outputs). */
  stepIndex?: number;
  /** The owning step itself may be read (onError workflow inputs read its error). */
  allowOwnStep?: boolean;
  /** Where this scope is described for the author. */
  scopeName: string;
}

/** Every place a workflow may contain expressions, with the scope each one is evaluated in. */
export function expressionSites(definition: WorkflowDefinition): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  definition.steps.forEach((step, index) => {
    const base = ['steps', index];
    const perItem = step.foreach ? ['item', 'index'] : [];
    const scopeName = step.foreach ? 'a foreach step' : 'a step';
    sites.push({ path: [...base, 'with'], value: step.with, variables: [...RUN_SCOPE, ...perItem], stepIndex: index, scopeName });
    if (step.if !== undefined) {
      sites.push({ path: [...base, 'if'], value: step.if, variables: RUN_SCOPE, condition: true, stepIndex: index, scopeName: 'a step condition' });
    }
    if (typeof step.foreach?.items === 'string') {
      sites.push({ path: [...base, 'foreach', 'items'], value: step.foreach.items, variables: RUN_SCOPE, singleExpression: true, stepIndex: index, scopeName: 'foreach items' });
    } else if (step.foreach) {
      sites.push({ path: [...base, 'foreach', 'items'], value: step.foreach.items, variables: RUN_SCOPE, stepIndex: index, scopeName: 'foreach items' });
    }
    if (step.outputs) {
      sites.push({ path: [...base, 'outputs'], value: step.outputs, variables: [...RUN_SCOPE, 'result', ...perItem], stepIndex: index, scopeName: 'step outputs' });
    }
    if (step.onError.action === 'workflow') {
      sites.push({ path: [...base, 'onError', 'inputs'], value: step.onError.inputs, variables: [...RUN_SCOPE, 'error'], stepIndex: index, allowOwnStep: true, scopeName: 'onError inputs' });
    }
  });
  if (definition.outputs) sites.push({ path: ['outputs'], value: definition.outputs, variables: RUN_SCOPE, scopeName: 'workflow outputs' });
  // Trigger scopes follow what the runtime passes when it renders them (event.service, scheduler).
  definition.triggers.forEach((trigger, index) => {
    const base = ['triggers', index];
    if (trigger.type === 'cron') sites.push({ path: [...base, 'inputs'], value: trigger.inputs, variables: [], scopeName: 'cron trigger inputs' });
    if (trigger.type === 'webhook') {
      sites.push({ path: [...base, 'inputs'], value: trigger.inputs, variables: ['body', 'headers', 'query'], scopeName: 'a webhook trigger' });
    }
    if (trigger.type === 'event') {
      sites.push({ path: [...base, 'inputs'], value: trigger.inputs, variables: ['event'], scopeName: 'an event trigger' });
      if (trigger.if !== undefined) {
        sites.push({ path: [...base, 'if'], value: trigger.if, variables: ['event'], condition: true, scopeName: 'an event trigger' });
      }
    }
  });
  return sites;
}
