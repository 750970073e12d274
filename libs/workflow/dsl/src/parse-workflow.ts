import { ParseResult, StepTypeCatalog, ValidationProblem } from './model';
import { YamlSource } from './parser/yaml-source';
import { ProblemCollector } from './parser/problem-collector';
import { reportSchemaIssues } from './parser/schema-problems';
import { normaliseWorkflow } from './parser/normalise-workflow';
import { workflowSchema } from './workflow.schema';
import { ValidationContext } from './validation/validation-context';
import { checkStepGraph } from './validation/step-graph.check';
import { checkStepTypes } from './validation/step-type.check';
import { checkTriggers } from './validation/trigger.check';
import { checkInputSpecs, checkRetryPolicies } from './validation/input.check';
import { checkExpressions } from './validation/expression.check';

export interface ParseWorkflowOptions {
  /** Shown in problems (file:line:col). */
  file?: string;
  /** Step types the platform offers; without it step types are not checked. */
  catalog?: StepTypeCatalog;
}

/**
 * Parses and validates a workflow file in layers: YAML syntax → shape (zod) → model → meaning.
 * A layer runs only when the one before it found nothing, because its findings would be guesses;
 * within a layer every problem is reported, each with its line and column.
 */
export function parseWorkflow(yaml: string, options: ParseWorkflowOptions = {}): ParseResult {
  const source = YamlSource.parse(typeof yaml === 'string' ? yaml : '');
  const problems = new ProblemCollector(source, options.file);

  for (const error of source.syntaxErrors()) {
    problems.addAt('YAML_SYNTAX', error.position.line, error.position.column, error.message);
  }
  if (problems.count > 0) return failed(problems);

  const data = source.toData();
  if (data === null || data === undefined) {
    problems.addAt('SCHEMA', 1, 1, 'The file is empty. A workflow needs at least an id and steps.');
    return failed(problems);
  }
  const shape = workflowSchema.safeParse(data);
  if (!shape.success) {
    reportSchemaIssues(shape.error.issues, data, problems);
    return failed(problems);
  }

  const definition = normaliseWorkflow(shape.data);
  const context = new ValidationContext(data, definition, problems, source, options.catalog);
  const dependencies = checkStepGraph(context);
  checkStepTypes(context);
  checkInputSpecs(context);
  checkRetryPolicies(context);
  checkTriggers(context);
  checkExpressions(context, dependencies);
  if (problems.count > 0) return failed(problems);
  return { ok: true, definition, problems: [] };
}

function failed(problems: ProblemCollector): ParseResult {
  return { ok: false, problems: problems.sorted() };
}

/** `file:line:col: message` (the CLI prints one per line). */
export function formatProblem(problem: ValidationProblem): string {
  return `${problem.file ?? '<workflow>'}:${problem.line}:${problem.column}: ${problem.message}`;
}
