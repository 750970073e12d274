import { DomainError } from '@conveyor/kernel';
import type { ValidationProblemBody } from '@conveyor/api-contracts';
import type { ValidationProblem } from '@conveyor/workflow-dsl';

export function toProblemBody(problem: ValidationProblem): ValidationProblemBody {
  return { line: problem.line, column: problem.column, code: problem.code, message: problem.message, path: problem.path };
}

/** A workflow with problems is refused with 422 and every problem located in the YAML. */
export function workflowInvalid(problems: ValidationProblem[]): DomainError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new DomainError('VALIDATION_FAILED', `The workflow has ${count}`, { problems: problems.map(toProblemBody) });
}
