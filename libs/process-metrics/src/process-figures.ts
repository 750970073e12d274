import { DateTime } from 'luxon';
import { caseCycleSplit } from './cycle-time-split';
import { durationStats, type DurationStats } from './duration-stats';
import type { ProcessCase, ProcessFacts, TaskFacts } from './process-facts';

export interface RateFigure {
  count: number;
  of: number;
  /** count / of, rounded to 4 decimals; null when `of` is 0. */
  rate: number | null;
}

export interface ProcessFigures {
  period: { from: string; to: string; asOf: string; timeZone: string };
  cases: { uploaded: number; started: number; finished: number; approved: number; paid: number; inProgress: number };
  cycleTime: {
    uploadToApproved: DurationStats;
    uploadToPaid: DurationStats;
    /** Per finished case: how its cycle time split (statistics of each part) and the shares of all time together. */
    machine: DurationStats;
    queue: DurationStats;
    people: DurationStats;
    shares: { machine: number | null; queue: number | null; people: number | null };
  };
  /** Finished cases that no person touched (no task, no correction). */
  touchless: RateFigure;
  exceptions: { anyCode: RateFigure; byCode: ({ code: string } & RateFigure)[] };
  timeToDecision: {
    byApprover: ({ actor: string } & DurationStats)[];
    byStep: ({ workflowId: string; stepId: string } & DurationStats)[];
  };
  backlog: { openTasks: number; oldestAgeMs: number | null; medianAgeMs: number | null; casesInProgress: number };
  throughputPerDay: { day: string; uploaded: number; finished: number }[];
  corrections: {
    /** Per field: how many finished cases needed a person to fix it. */
    byField: ({ field: string } & RateFigure)[];
    /** Per ISO week (in the time zone): corrections made and cases finished that week. */
    trend: { week: string; corrections: number; finishedCases: number; perCase: number | null; byField: Record<string, number> }[];
  };
}

const rate = (count: number, of: number): RateFigure => ({ count, of, rate: of === 0 ? null : Math.round((count / of) * 10_000) / 10_000 });

function dayOf(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() as string;
}

function weekOf(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("kkkk-'W'WW");
}

function isFinished(processCase: ProcessCase): boolean {
  return processCase.run?.finishedAt != null;
}

function decisionDurations(tasks: readonly TaskFacts[]) {
  const byApprover = new Map<string, number[]>();
  const byStep = new Map<string, { workflowId: string; stepId: string; durations: number[] }>();
  for (const task of tasks) {
    for (const decision of task.decisions) {
      const waited = decision.at.getTime() - task.openedAt.getTime();
      if (waited < 0) continue;
      byApprover.set(decision.actor, [...(byApprover.get(decision.actor) ?? []), waited]);
    }
    if (task.closedAt && task.decisions.length > 0) {
      const key = `${task.workflowId}\u0000${task.stepId}`;
      const entry = byStep.get(key) ?? { workflowId: task.workflowId, stepId: task.stepId, durations: [] };
      entry.durations.push(task.closedAt.getTime() - task.openedAt.getTime());
      byStep.set(key, entry);
    }
  }
  return {
    byApprover: [...byApprover].map(([actor, durations]) => ({ actor, ...durationStats(durations) })).sort((a, b) => a.actor.localeCompare(b.actor)),
    byStep: [...byStep.values()]
      .map(({ workflowId, stepId, durations }) => ({ workflowId, stepId, ...durationStats(durations) }))
      .sort((a, b) => a.workflowId.localeCompare(b.workflowId) || a.stepId.localeCompare(b.stepId)),
  };
}

/**
 * The figures people who run a back office ask for, from the facts of one period. Pure and deterministic: the
 * same facts give the same figures. Durations in milliseconds; medians and 95th percentiles interpolate linearly.
 */
export function computeProcessFigures(facts: ProcessFacts): ProcessFigures {
  const zone = facts.timeZone;
  const started = facts.cases.filter((processCase) => processCase.run);
  const finished = facts.cases.filter(isFinished);
  const approved = facts.cases.filter((processCase) => processCase.approvedAt);
  const paid = facts.cases.filter((processCase) => processCase.paidAt);

  const splits = finished.map((processCase) => caseCycleSplit(processCase, facts.asOf)).filter((split) => split !== undefined);
  const totals = splits.reduce((sum, split) => ({ machine: sum.machine + split.machineMs, queue: sum.queue + split.queueMs, people: sum.people + split.peopleMs }), { machine: 0, queue: 0, people: 0 });
  const allTime = totals.machine + totals.queue + totals.people;
  const share = (part: number) => (allTime === 0 ? null : Math.round((part / allTime) * 10_000) / 10_000);

  const touched = (processCase: ProcessCase) => (processCase.run?.tasks.length ?? 0) > 0 || processCase.corrections.length > 0;
  const codes = new Map<string, number>();
  for (const processCase of started) for (const code of new Set(processCase.run?.exceptionCodes ?? [])) codes.set(code, (codes.get(code) ?? 0) + 1);

  const days = new Map<string, { uploaded: number; finished: number }>();
  const bump = (day: string, key: 'uploaded' | 'finished') => {
    const entry = days.get(day) ?? { uploaded: 0, finished: 0 };
    entry[key] += 1;
    days.set(day, entry);
  };
  for (const processCase of facts.cases) bump(dayOf(processCase.uploadedAt, zone), 'uploaded');
  for (const processCase of finished) bump(dayOf(processCase.run?.finishedAt as Date, zone), 'finished');

  const fieldCases = new Map<string, number>();
  for (const processCase of finished) for (const field of new Set(processCase.corrections.map((correction) => correction.field))) fieldCases.set(field, (fieldCases.get(field) ?? 0) + 1);
  const weeks = new Map<string, { corrections: number; finishedCases: number; byField: Record<string, number> }>();
  const week = (key: string) => {
    const entry = weeks.get(key) ?? { corrections: 0, finishedCases: 0, byField: {} };
    weeks.set(key, entry);
    return entry;
  };
  for (const processCase of finished) week(weekOf(processCase.run?.finishedAt as Date, zone)).finishedCases += 1;
  for (const processCase of facts.cases) {
    for (const correction of processCase.corrections) {
      const entry = week(weekOf(correction.at, zone));
      entry.corrections += 1;
      entry.byField[correction.field] = (entry.byField[correction.field] ?? 0) + 1;
    }
  }

  const openAges = facts.openTasks.map((task) => facts.asOf.getTime() - task.openedAt.getTime()).filter((age) => age >= 0);
  const openStats = durationStats(openAges);
  const allTasks = facts.cases.flatMap((processCase) => processCase.run?.tasks ?? []);

  return {
    period: { from: facts.from.toISOString(), to: facts.to.toISOString(), asOf: facts.asOf.toISOString(), timeZone: zone },
    cases: {
      uploaded: facts.cases.length,
      started: started.length,
      finished: finished.length,
      approved: approved.length,
      paid: paid.length,
      inProgress: facts.cases.length - finished.length,
    },
    cycleTime: {
      uploadToApproved: durationStats(approved.map((processCase) => (processCase.approvedAt as Date).getTime() - processCase.uploadedAt.getTime())),
      uploadToPaid: durationStats(paid.map((processCase) => (processCase.paidAt as Date).getTime() - processCase.uploadedAt.getTime())),
      machine: durationStats(splits.map((split) => split.machineMs)),
      queue: durationStats(splits.map((split) => split.queueMs)),
      people: durationStats(splits.map((split) => split.peopleMs)),
      shares: { machine: share(totals.machine), queue: share(totals.queue), people: share(totals.people) },
    },
    touchless: rate(finished.filter((processCase) => processCase.run?.status === 'succeeded' && !touched(processCase)).length, finished.length),
    exceptions: {
      anyCode: rate(started.filter((processCase) => (processCase.run?.exceptionCodes.length ?? 0) > 0).length, started.length),
      byCode: [...codes].map(([code, count]) => ({ code, ...rate(count, started.length) })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    },
    timeToDecision: decisionDurations(allTasks),
    backlog: {
      openTasks: facts.openTasks.length,
      oldestAgeMs: openAges.length === 0 ? null : Math.max(...openAges),
      medianAgeMs: openStats.medianMs,
      casesInProgress: facts.cases.length - finished.length,
    },
    throughputPerDay: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, counts]) => ({ day, ...counts })),
    corrections: {
      byField: [...fieldCases].map(([field, count]) => ({ field, ...rate(count, finished.length) })).sort((a, b) => b.count - a.count || a.field.localeCompare(b.field)),
      trend: [...weeks].sort(([a], [b]) => a.localeCompare(b)).map(([weekKey, entry]) => ({
        week: weekKey,
        corrections: entry.corrections,
        finishedCases: entry.finishedCases,
        perCase: entry.finishedCases === 0 ? null : Math.round((entry.corrections / entry.finishedCases) * 10_000) / 10_000,
        byField: entry.byField,
      })),
    },
  };
}
