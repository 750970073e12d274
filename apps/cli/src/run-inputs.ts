import { DomainError } from '@conveyor/kernel';
import type { InputSpec } from '@conveyor/workflow-dsl';

/**
 * Reads `--input key=value` options, giving each value the type the workflow declares for it
 * (a shell only has strings). Values that do not fit are passed as text so the API reports the mismatch.
 */
export function parseInputOptions(pairs: readonly string[], specs: Record<string, InputSpec>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new DomainError('CLI_USAGE', `--input "${pair}": write it as key=value`);
    const key = pair.slice(0, equals).trim();
    inputs[key] = typedValue(key, pair.slice(equals + 1), specs[key]?.type);
  }
  return inputs;
}

function typedValue(key: string, text: string, type: InputSpec['type'] | undefined): unknown {
  switch (type) {
    case 'number':
    case 'integer': {
      const number = Number(text);
      return text.trim() !== '' && Number.isFinite(number) ? number : text;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'object':
    case 'array':
      try {
        return JSON.parse(text);
      } catch {
        throw new DomainError('CLI_USAGE', `--input ${key}: the workflow expects ${type === 'array' ? 'an array' : 'an object'}; give it as JSON`);
      }
    default:
      // string, date, datetime and decimal travel as text (decimals must not become floats).
      return text;
  }
}
