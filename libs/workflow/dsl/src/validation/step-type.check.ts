import { ValidationContext } from './validation-context';

/** Step types the platform knows, and the catalog's static check of literal `with` values. */
export function checkStepTypes(context: ValidationContext): void {
  const catalog = context.catalog;
  if (!catalog) return;
  context.definition.steps.forEach((step, index) => {
    if (!catalog.has(step.type)) {
      const types = [...catalog.types()].sort();
      const hint = types.length > 0 ? ` Available types: ${types.join(', ')}.` : '';
      context.problems.add('UNKNOWN_STEP_TYPE', ['steps', index, 'type'], `${context.where(['steps', index])} has the type "${step.type}", which this platform does not know.${hint}`);
      return;
    }
    if (!catalog.checkWith) return;
    let findings: { path: (string | number)[]; message: string }[];
    try {
      findings = catalog.checkWith(step.type, step.with);
    } catch (error) {
      findings = [{ path: [], message: error instanceof Error ? error.message : String(error) }];
    }
    for (const finding of findings) {
      const path = ['steps', index, 'with', ...finding.path];
      context.problems.add('BAD_STEP_INPUT', path, `${context.where(path)}: ${finding.message}`);
    }
  });
}
