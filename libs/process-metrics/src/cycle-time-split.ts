import type { ProcessCase, StepInterval } from './process-facts';

/** Where a case's wall-clock time went. The three parts add up to the cycle time. */
export interface CycleTimeSplit {
  totalMs: number;
  /** A worker was executing at least one step (and no person was being waited for). */
  machineMs: number;
  /** Nothing ran and nobody was asked: waiting in a queue, for a backoff, a timer, or between steps. */
  queueMs: number;
  /** At least one approval task was open: waiting for people (counted first, whatever else ran meanwhile). */
  peopleMs: number;
}

type Activity = 'people' | 'machine';

interface Edge {
  at: number;
  activity: Activity;
  delta: 1 | -1;
}

function activityOf(step: StepInterval): Activity | undefined {
  if (step.type === 'approval') return 'people';
  // A delay step is a deliberate wait: neither machine work nor people; it stays in the queue share.
  if (step.type === 'delay' || step.type === 'wait') return undefined;
  return 'machine';
}

/**
 * Splits [start, end) by sweeping the steps' running intervals: a moment counts as people time when a person is
 * being waited for, else machine time when some step runs, else queue time. Parallel branches are not counted
 * twice, so machine + queue + people = the cycle time exactly.
 */
export function splitCycleTime(steps: readonly StepInterval[], start: Date, end: Date): CycleTimeSplit {
  const from = start.getTime();
  const to = end.getTime();
  const split: CycleTimeSplit = { totalMs: Math.max(0, to - from), machineMs: 0, queueMs: 0, peopleMs: 0 };
  if (to <= from) return split;
  const edges: Edge[] = [];
  for (const step of steps) {
    const activity = activityOf(step);
    if (!activity || !step.startedAt) continue;
    const begin = Math.max(from, step.startedAt.getTime());
    const finish = Math.min(to, (step.finishedAt ?? end).getTime());
    if (finish <= begin) continue;
    edges.push({ at: begin, activity, delta: 1 }, { at: finish, activity, delta: -1 });
  }
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const open = { people: 0, machine: 0 };
  let cursor = from;
  const account = (until: number) => {
    const span = until - cursor;
    if (span <= 0) return;
    if (open.people > 0) split.peopleMs += span;
    else if (open.machine > 0) split.machineMs += span;
    else split.queueMs += span;
    cursor = until;
  };
  for (const edge of edges) {
    account(edge.at);
    open[edge.activity] += edge.delta;
  }
  account(to);
  return split;
}

/** The split of a case from upload to the end of its run (or `asOf` while it runs). */
export function caseCycleSplit(processCase: ProcessCase, asOf: Date): CycleTimeSplit | undefined {
  if (!processCase.run) return undefined;
  return splitCycleTime(processCase.run.steps, processCase.uploadedAt, processCase.run.finishedAt ?? asOf);
}
