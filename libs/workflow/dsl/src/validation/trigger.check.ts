import { Cron } from 'croner';
import { ValidationContext } from './validation-context';
import { checkInputValue } from '../inputs/input-value-check';
import { isTemplate } from '../expressions/expressions';

/** Cron patterns, time zones, and the inputs triggers give to runs. */
export function checkTriggers(context: ValidationContext): void {
  context.definition.triggers.forEach((trigger, index) => {
    const where = context.where(['triggers', index]);
    if (trigger.type === 'cron') {
      const zoneOk = isIanaTimeZone(trigger.timezone);
      if (!zoneOk) {
        context.problems.add('BAD_TIMEZONE', ['triggers', index, 'timezone'], `${where}: "${trigger.timezone}" is not a known time zone. Use an IANA name such as Europe/Berlin, America/New_York or UTC.`);
      }
      const cronProblem = checkCron(trigger.cron, zoneOk ? trigger.timezone : 'UTC');
      if (cronProblem) context.problems.add('BAD_CRON', ['triggers', index, 'cron'], `${where}: the schedule "${trigger.cron}" ${cronProblem}`);
    }
    if (trigger.type !== 'manual') checkTriggerInputs(context, index, trigger.inputs);
  });
}

export function isIanaTimeZone(zone: string): boolean {
  // Offsets ("+02:00") and abbreviations are not zones with daylight-saving rules.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone) || /^[+-]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkCron(pattern: string, timezone: string): string | null {
  try {
    const schedule = new Cron(pattern, { timezone, paused: true });
    const next = schedule.nextRun();
    schedule.stop();
    return next ? null : 'never happens (no future date matches it).';
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^CronPattern:\s*/, '') : String(error);
    return `is not a valid cron expression (${reason}). Write it as minute hour day-of-month month day-of-week, e.g. "0 8 * * 1-5".`;
  }
}

/** Literal trigger inputs must name declared inputs and fit their type; required inputs must be given. */
function checkTriggerInputs(context: ValidationContext, index: number, inputs: Record<string, unknown>): void {
  const specs = context.definition.inputs;
  const where = context.where(['triggers', index]);
  for (const [name, value] of Object.entries(inputs)) {
    const path = ['triggers', index, 'inputs', name];
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs);
      const hint = known.length > 0 ? ` Inputs are: ${known.join(', ')}.` : ' The workflow declares no inputs.';
      context.problems.add('WRONG_INPUT_TYPE', path, `${where} gives the input "${name}", but the workflow has no input with that name.${hint}`, 'key');
      continue;
    }
    if (isTemplate(value)) continue;
    const checked = checkInputValue(spec.type, value);
    if (!checked.ok) context.problems.add('WRONG_INPUT_TYPE', path, `${where}: the input "${name}" ${checked.reason}.`);
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required && spec.default === undefined && !(name in inputs)) {
      context.problems.add('WRONG_INPUT_TYPE', ['triggers', index, 'type'], `${where} does not give the required input "${name}", so every run it starts would fail. Add it under inputs.`);
    }
  }
}
