import { ValidationContext } from './validation-context';
import { Dependencies } from './step-graph.check';
import { ExpressionSite, expressionSites } from './expression-sites';
import { checkExpression, isTemplate, singleExpression } from '../expressions/expressions';
import { findTemplates } from '../expressions/template-inspection';
import { freeVariables } from '../expressions/free-variables';
import { ProblemPath } from '../parser/yaml-source';

/** Syntax, scope (which names exist there) and step references of every expression. */
export function checkExpressions(context: ValidationContext, dependencies: Dependencies): void {
  for (const site of expressionSites(context.definition)) {
    for (const { path, source } of sourcesOf(context, site)) checkOne(context, site, path, source, dependencies);
  }
}

/** The CEL sources at a site; malformed templates are reported here and skipped. */
function sourcesOf(context: ValidationContext, site: ExpressionSite): { path: ProblemPath; source: string }[] {
  if ((site.condition || site.singleExpression) && typeof site.value === 'string' && !isTemplate(site.value)) {
    return [{ path: site.path, source: site.value }];
  }
  if (site.condition || site.singleExpression) {
    const text = site.value as string;
    const single = safeSingle(text);
    if (single === undefined) {
      const example = site.condition ? '${{ inputs.amount > 1000 }}' : '${{ steps.read.outputs.rows }}';
      report(context, site.path, `must be a single expression like ${example}, without other text around it.`);
      return [];
    }
    return [{ path: site.path, source: single }];
  }
  const found = findTemplates(site.value, site.path);
  for (const template of found) if (template.problem) report(context, template.path, template.problem);
  return found.filter((template) => !template.problem);
}

function safeSingle(text: string): string | undefined {
  try {
    return singleExpression(text);
  } catch {
    return undefined;
  }
}

function checkOne(context: ValidationContext, site: ExpressionSite, path: ProblemPath, source: string, dependencies: Dependencies): void {
  if (site.variables.length === 0) {
    report(context, path, `expressions are not evaluated in ${site.scopeName}; the value would be passed on as written. Use a literal value.`);
    return;
  }
  const syntaxProblem = checkExpression(source);
  if (syntaxProblem) {
    report(context, path, syntaxProblem);
    return;
  }
  const stepIds = new Set(context.definition.steps.map((step) => step.id));
  const owner = site.stepIndex === undefined ? undefined : context.definition.steps[site.stepIndex];
  for (const use of freeVariables(source)) {
    if (!site.variables.includes(use.name)) {
      report(context, path, `the expression \${{ ${source} }} reads "${use.name}", which does not exist in ${site.scopeName}. Available here: ${site.variables.join(', ')}.`);
      continue;
    }
    if (use.name === 'inputs' && use.field !== undefined && !(use.field in context.definition.inputs)) {
      const known = Object.keys(context.definition.inputs);
      const hint = known.length > 0 ? ` Inputs are: ${known.join(', ')}.` : ' The workflow declares no inputs.';
      report(context, path, `the expression \${{ ${source} }} reads inputs.${use.field}, but the workflow has no input "${use.field}".${hint}`);
    }
    if (use.name !== 'steps' || use.field === undefined) continue;
    const stepId = use.field;
    if (!stepIds.has(stepId)) {
      context.problems.add('UNKNOWN_STEP_REFERENCE', path, `${context.where(path)}: the expression \${{ ${source} }} reads steps.${stepId}, but there is no step "${stepId}".`);
    } else if (owner && stepId === owner.id && !site.allowOwnStep) {
      context.problems.add('UNKNOWN_STEP_REFERENCE', path, `${context.where(path)}: the expression \${{ ${source} }} reads the step's own results; use result in the step's outputs instead.`);
    } else if (owner && stepId !== owner.id && !dependencies.get(owner.id)?.has(stepId)) {
      context.problems.add('UNKNOWN_STEP_REFERENCE', path, `${context.where(path)}: the expression \${{ ${source} }} reads steps.${stepId}, but step "${owner.id}" does not need "${stepId}", so it may run before "${stepId}" has finished. Add "${stepId}" to its needs.`);
    }
  }
}

function report(context: ValidationContext, path: ProblemPath, message: string): void {
  context.problems.add('BAD_EXPRESSION', path, `${context.where(path)}: ${message}`);
}
