import { ValidationContext } from './validation-context';
import { checkInputValue, sameValue } from '../inputs/input-value-check';

/** Defaults and enum values must have the input's type; a default must be one of the enum values. */
export function checkInputSpecs(context: ValidationContext): void {
  for (const [name, spec] of Object.entries(context.definition.inputs)) {
    const where = context.where(['inputs', name]);
    (spec.enum ?? []).forEach((value, position) => {
      const checked = checkInputValue(spec.type, value);
      if (!checked.ok) context.problems.add('WRONG_INPUT_TYPE', ['inputs', name, 'enum', position], `${where}: the allowed value ${JSON.stringify(value)} ${checked.reason}.`);
    });
    if (spec.default === undefined) continue;
    const checked = checkInputValue(spec.type, spec.default);
    if (!checked.ok) {
      context.problems.add('WRONG_INPUT_TYPE', ['inputs', name, 'default'], `${where}: the default ${checked.reason}.`);
    } else if (spec.enum && !spec.enum.some((allowed) => sameValue(allowed, checked.value))) {
      context.problems.add('WRONG_INPUT_TYPE', ['inputs', name, 'default'], `${where}: the default ${JSON.stringify(spec.default)} is not one of the allowed values.`);
    }
  }
}

/** Retry delays must make sense together. */
export function checkRetryPolicies(context: ValidationContext): void {
  context.definition.steps.forEach((step, index) => {
    const { delay, maxDelay } = step.retry.backoff;
    if (maxDelay < delay) {
      const path = ['steps', index, 'retry', 'backoff', 'maxDelay'];
      context.problems.add('SCHEMA', path, `${context.where(['steps', index])}: retry maxDelay (${maxDelay} ms) is shorter than delay (${delay} ms).`);
    }
  });
}
