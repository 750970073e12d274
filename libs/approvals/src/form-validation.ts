import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { DomainError } from '@conveyor/kernel';

/**
 * The approval form: a JSON Schema (draft-07) in the step, checked once when the step input is parsed and
 * applied to the data of every decision. Unknown keywords are errors (a typo must not silently accept
 * anything); remote $refs are not fetched.
 */
const ajv = new Ajv({
  allErrors: true,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  // Schemas with an $id must not collide with each other across workflows.
  addUsedSchema: false,
  logger: false,
});
addFormats(ajv);

const MAX_CACHED = 500;
const compiled = new Map<string, ValidateFunction>();

export interface FormProblem {
  /** JSON pointer of the field ('' for the whole form). */
  path: string;
  message: string;
}

/** Why the schema cannot be used, or undefined when it compiles. */
export function formSchemaProblem(schema: Record<string, unknown>): string | undefined {
  try {
    validatorFor(schema);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The problems of `data` against the form; empty when it is valid. */
export function formDataProblems(schema: Record<string, unknown>, data: unknown): FormProblem[] {
  const validate = validatorFor(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []).map(describe);
}

/** Throws FORM_DATA_INVALID listing every problem, so the approver can fix the form in one go. */
export function assertFormData(schema: Record<string, unknown> | undefined, data: Record<string, unknown>): void {
  if (!schema) return;
  const problems = formDataProblems(schema, data);
  if (problems.length === 0) return;
  const text = problems.map((problem) => `${problem.path || '(form)'} ${problem.message}`).join('; ');
  throw new DomainError('FORM_DATA_INVALID', `The form data is invalid: ${text}`, { problems });
}

function validatorFor(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, validate);
  }
  return validate;
}

function describe(error: ErrorObject): FormProblem {
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return { path: `${error.instancePath}/${missing}`, message: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return { path: `${error.instancePath}/${extra}`, message: 'is not a field of the form' };
  }
  return { path: error.instancePath, message: error.message ?? 'is invalid' };
}
