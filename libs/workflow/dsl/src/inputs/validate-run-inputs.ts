import { InputSpec } from '../model';
import { checkInputValue, coerceInputString, sameValue } from './input-value-check';

export type RunInputsResult =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; problems: { input: string; message: string }[] };

/**
 * Checks the inputs given to a run against the workflow's input specs: applies defaults, refuses
 * unknown names, missing required inputs, wrong types and values outside `enum`. With
 * `coerceStrings` (CLI `--input k=v`), text is converted to numbers, booleans and JSON first.
 */
export function validateRunInputs(
  specs: Record<string, InputSpec>,
  given: Record<string, unknown>,
  options: { coerceStrings?: boolean } = {},
): RunInputsResult {
  const values: Record<string, unknown> = {};
  const problems: { input: string; message: string }[] = [];
  for (const name of Object.keys(given ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(specs, name)) {
      const known = Object.keys(specs);
      const hint = known.length > 0 ? ` Known inputs: ${known.join(', ')}.` : ' This workflow takes no inputs.';
      problems.push({ input: name, message: `There is no input named "${name}".${hint}` });
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    const supplied = Object.prototype.hasOwnProperty.call(given ?? {}, name) ? given[name] : undefined;
    const raw = supplied === undefined || supplied === null ? spec.default : supplied;
    if (raw === undefined) {
      if (spec.required) problems.push({ input: name, message: `The input "${name}" is required.` });
      continue;
    }
    const candidate = options.coerceStrings ? coerceInputString(spec.type, raw) : raw;
    const checked = checkInputValue(spec.type, candidate);
    if (!checked.ok) {
      problems.push({ input: name, message: `The input "${name}" ${checked.reason}.` });
      continue;
    }
    if (spec.enum && !spec.enum.some((allowed) => sameValue(allowed, checked.value))) {
      const allowed = spec.enum.map((entry) => JSON.stringify(entry)).join(', ');
      problems.push({ input: name, message: `The input "${name}" must be one of: ${allowed}.` });
      continue;
    }
    values[name] = checked.value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
