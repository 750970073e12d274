import { ValidationContext } from './validation-context';
import { ProblemPath } from '../parser/yaml-source';

/** For each step id, every step it depends on directly or indirectly (cycles are cut). */
export type Dependencies = Map<string, Set<string>>;

/** Duplicate ids, unknown needs, loops in needs, and goto targets. Returns the dependency closure. */
export function checkStepGraph(context: ValidationContext): Dependencies {
  const { steps, triggers } = context.definition;
  reportDuplicates(context, 'steps', steps.map((step) => step.id), 'step');
  reportDuplicates(context, 'triggers', triggers.map((trigger) => trigger.id), 'trigger');
  const known = new Set(steps.map((step) => step.id));
  steps.forEach((step, index) => {
    for (const { need, path } of needsWithPaths(context, index)) {
      if (need === step.id) {
        context.problems.add('CYCLE', path, `${context.where(['steps', index])} needs itself, so it could never start.`);
      } else if (!known.has(need)) {
        context.problems.add('UNKNOWN_NEEDS', path, `${context.where(['steps', index])} needs "${need}", but there is no step with that id.${knownIds(known)}`);
      }
    }
  });
  reportCycles(context, known);
  const dependencies = dependencyClosure(context, known);
  checkGotos(context, known, dependencies);
  return dependencies;
}

function reportDuplicates(context: ValidationContext, collection: 'steps' | 'triggers', ids: string[], noun: string): void {
  const firstIndex = new Map<string, number>();
  ids.forEach((id, index) => {
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, index);
      return;
    }
    const firstLine = context.lineOf([collection, first, 'id']);
    context.problems.add('DUPLICATE_ID', [collection, index, 'id'], `The ${noun} id "${id}" is used more than once (first on line ${firstLine}). Each ${noun} needs its own id.`);
  });
}

/** The needs of step `index` with the YAML path of each entry (a single string is its own entry). */
export function needsWithPaths(context: ValidationContext, index: number): { need: string; path: ProblemPath }[] {
  const raw = context.valueAt(['steps', index, 'needs']);
  if (typeof raw === 'string') return [{ need: raw, path: ['steps', index, 'needs'] }];
  if (!Array.isArray(raw)) return [];
  return raw.map((need: string, position) => ({ need, path: ['steps', index, 'needs', position] }));
}

function reportCycles(context: ValidationContext, known: Set<string>): void {
  const steps = context.definition.steps;
  const indexOf = firstIndexById(steps.map((step) => step.id));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const need of steps[indexOf.get(id) as number].needs) {
      if (need === id || !known.has(need)) continue;
      if (state.get(need) === 'visiting') reportCycle(context, stack.slice(stack.indexOf(need)), reported, indexOf);
      else if (!state.has(need)) visit(need);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const step of steps) if (!state.has(step.id)) visit(step.id);
}

function reportCycle(context: ValidationContext, members: string[], reported: Set<string>, indexOf: Map<string, number>): void {
  const key = [...members].sort().join(' ');
  if (reported.has(key)) return;
  reported.add(key);
  // `members` is a path a → b → … where each needs the next and the last needs the first.
  const firstInFile = members.reduce((best, id) => ((indexOf.get(id) as number) < (indexOf.get(best) as number) ? id : best));
  const start = members.indexOf(firstInFile);
  const ordered = [...members.slice(start), ...members.slice(0, start)];
  const next = ordered[1 % ordered.length];
  const index = indexOf.get(firstInFile) as number;
  const entry = needsWithPaths(context, index).find((candidate) => candidate.need === next);
  const loop = [...ordered, ordered[0]].map((id) => `"${id}"`).join(' needs ');
  context.problems.add('CYCLE', entry?.path ?? ['steps', index, 'needs'], `These steps wait for each other in a circle, so none of them could start: ${loop}. Remove one of these needs.`);
}

function dependencyClosure(context: ValidationContext, known: Set<string>): Dependencies {
  const direct = new Map<string, string[]>();
  for (const step of context.definition.steps) {
    // With duplicate ids (reported separately) the first step of that id counts.
    if (!direct.has(step.id)) direct.set(step.id, step.needs.filter((need) => known.has(need)));
  }
  const closure: Dependencies = new Map();
  for (const id of direct.keys()) {
    const seen = new Set<string>();
    const pending = [...(direct.get(id) ?? [])];
    while (pending.length > 0) {
      const next = pending.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      pending.push(...(direct.get(next) ?? []));
    }
    seen.delete(id);
    closure.set(id, seen);
  }
  return closure;
}

function checkGotos(context: ValidationContext, known: Set<string>, dependencies: Dependencies): void {
  context.definition.steps.forEach((step, index) => {
    if (step.onError.action !== 'goto') return;
    const target = step.onError.step;
    const path = ['steps', index, 'onError', 'goto'];
    const where = context.where(['steps', index]);
    if (!known.has(target)) {
      context.problems.add('BAD_GOTO', path, `${where} says to go to "${target}" on error, but there is no step with that id.${knownIds(known)}`);
    } else if (target === step.id) {
      context.problems.add('BAD_GOTO', path, `${where} says to go to itself on error; that would be a loop. Use retry to try again.`);
    } else if (dependencies.get(step.id)?.has(target)) {
      context.problems.add('BAD_GOTO', path, `${where} says to go to "${target}" on error, but "${target}" runs before it (it needs it), so this would be a loop. Loops are not allowed.`);
    }
  });
}

function knownIds(known: Set<string>): string {
  const ids = [...known];
  return ids.length > 0 && ids.length <= 30 ? ` Steps are: ${ids.join(', ')}.` : '';
}

function firstIndexById(ids: string[]): Map<string, number> {
  const first = new Map<string, number>();
  ids.forEach((id, index) => {
    if (!first.has(id)) first.set(id, index);
  });
  return first;
}
