import { splitCycleTime } from './cycle-time-split';
import type { ProcessCase, ProcessFacts, StepInterval, TaskFacts } from './process-facts';
import { computeProcessFigures } from './process-figures';

const at = (iso: string) => new Date(iso);
const step = (stepId: string, type: string, startedAt: string | null, finishedAt: string | null): StepInterval => ({
  stepId, type, status: finishedAt ? 'succeeded' : 'running', availableAt: at(startedAt ?? '2026-01-01T00:00:00Z'), startedAt: startedAt ? at(startedAt) : null, finishedAt: finishedAt ? at(finishedAt) : null,
});

// A hand-computed example (times in UTC; days and weeks in Europe/Berlin).
const touchless: ProcessCase = {
  caseId: 'A', uploadedAt: at('2026-03-02T08:00:00Z'), approvedAt: at('2026-03-02T08:00:11Z'), paidAt: null, corrections: [],
  run: {
    runId: 'run-A', workflowId: 'invoice-intake', status: 'succeeded', createdAt: at('2026-03-02T08:00:01Z'), finishedAt: at('2026-03-02T08:00:11Z'),
    exceptionCodes: [], tasks: [],
    steps: [
      step('extract', 'extract', '2026-03-02T08:00:03Z', '2026-03-02T08:00:07Z'),
      step('duplicates', 'check-duplicate', '2026-03-02T08:00:08Z', '2026-03-02T08:00:09Z'),
      step('accepted', 'log', '2026-03-02T08:00:10Z', '2026-03-02T08:00:10.500Z'),
    ],
  },
};
const reviewTask: TaskFacts = {
  taskId: 't-B', stepId: 'review', workflowId: 'invoice-intake', openedAt: at('2026-03-02T09:00:06Z'), closedAt: at('2026-03-02T09:30:06Z'), status: 'approved',
  decisions: [{ actor: 'user:clerk', outcome: 'approve', at: at('2026-03-02T09:30:06Z') }],
};
const reviewed: ProcessCase = {
  caseId: 'B', uploadedAt: at('2026-03-02T09:00:00Z'), approvedAt: at('2026-03-02T09:30:10Z'), paidAt: at('2026-03-05T09:00:00Z'),
  corrections: [{ field: 'totalGross', at: at('2026-03-02T09:30:07Z') }],
  run: {
    runId: 'run-B', workflowId: 'invoice-intake', status: 'succeeded', createdAt: at('2026-03-02T09:00:01Z'), finishedAt: at('2026-03-02T09:30:10Z'),
    exceptionCodes: ['XML_TOTAL_MISMATCH', 'DUPLICATE_INVOICE'], tasks: [reviewTask],
    steps: [
      step('extract', 'extract', '2026-03-02T09:00:02Z', '2026-03-02T09:00:06Z'),
      step('review', 'approval', '2026-03-02T09:00:06Z', '2026-03-02T09:30:06Z'),
      // Runs while the accountant is being waited for: people time, not machine time.
      step('notify', 'notify', '2026-03-02T09:10:00Z', '2026-03-02T09:10:05Z'),
      step('confirm', 'confirm-invoice', '2026-03-02T09:30:07Z', '2026-03-02T09:30:08Z'),
    ],
  },
};
const openTask: TaskFacts = {
  taskId: 't-C', stepId: 'review', workflowId: 'invoice-intake', openedAt: at('2026-03-03T23:30:05Z'), closedAt: null, status: 'open', decisions: [],
};
const waiting: ProcessCase = {
  caseId: 'C', uploadedAt: at('2026-03-03T23:30:00Z'), approvedAt: null, paidAt: null, corrections: [],
  run: {
    runId: 'run-C', workflowId: 'invoice-intake', status: 'waiting', createdAt: at('2026-03-03T23:30:01Z'), finishedAt: null,
    exceptionCodes: ['LOW_CONFIDENCE'], tasks: [openTask],
    steps: [step('extract', 'extract', '2026-03-03T23:30:02Z', '2026-03-03T23:30:05Z'), step('review', 'approval', '2026-03-03T23:30:05Z', null)],
  },
};
const notStarted: ProcessCase = { caseId: 'D', uploadedAt: at('2026-03-04T10:00:00Z'), approvedAt: null, paidAt: null, corrections: [], run: null };

const facts: ProcessFacts = {
  from: at('2026-03-01T00:00:00Z'), to: at('2026-03-08T00:00:00Z'), asOf: at('2026-03-10T12:00:00Z'), timeZone: 'Europe/Berlin',
  cases: [touchless, reviewed, waiting, notStarted], openTasks: [openTask],
};

describe('process figures on a hand-computed example', () => {
  const figures = computeProcessFigures(facts);

  it('splits each case into machine, queue and people time that add up to its cycle time', () => {
    expect(splitCycleTime(touchless.run!.steps, touchless.uploadedAt, touchless.run!.finishedAt!)).toEqual({ totalMs: 11_000, machineMs: 5_500, queueMs: 5_500, peopleMs: 0 });
    expect(splitCycleTime(reviewed.run!.steps, reviewed.uploadedAt, reviewed.run!.finishedAt!)).toEqual({ totalMs: 1_810_000, machineMs: 5_000, queueMs: 5_000, peopleMs: 1_800_000 });
  });

  it('counts cases and computes cycle-time medians and 95th percentiles', () => {
    expect(figures.cases).toEqual({ uploaded: 4, started: 3, finished: 2, approved: 2, paid: 1, inProgress: 2 });
    expect(figures.cycleTime.uploadToApproved).toEqual({ count: 2, medianMs: 910_500, p95Ms: 1_720_050, meanMs: 910_500 });
    expect(figures.cycleTime.uploadToPaid).toEqual({ count: 1, medianMs: 259_200_000, p95Ms: 259_200_000, meanMs: 259_200_000 });
    expect(figures.cycleTime.people).toEqual({ count: 2, medianMs: 900_000, p95Ms: 1_710_000, meanMs: 900_000 });
    expect(figures.cycleTime.machine.medianMs).toBe(5_250);
    expect(figures.cycleTime.shares).toEqual({ machine: 0.0058, queue: 0.0058, people: 0.9885 });
  });

  it('gives the touchless rate, exception rates by code and time to decision', () => {
    expect(figures.touchless).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(figures.exceptions.anyCode).toEqual({ count: 2, of: 3, rate: 0.6667 });
    expect(figures.exceptions.byCode.map((entry) => [entry.code, entry.count, entry.rate])).toEqual([
      ['DUPLICATE_INVOICE', 1, 0.3333], ['LOW_CONFIDENCE', 1, 0.3333], ['XML_TOTAL_MISMATCH', 1, 0.3333],
    ]);
    expect(figures.timeToDecision.byApprover).toEqual([{ actor: 'user:clerk', count: 1, medianMs: 1_800_000, p95Ms: 1_800_000, meanMs: 1_800_000 }]);
    expect(figures.timeToDecision.byStep).toEqual([{ workflowId: 'invoice-intake', stepId: 'review', count: 1, medianMs: 1_800_000, p95Ms: 1_800_000, meanMs: 1_800_000 }]);
  });

  it('ages the backlog, counts throughput per local day and corrections per field and week', () => {
    expect(figures.backlog).toEqual({ openTasks: 1, oldestAgeMs: 563_395_000, medianAgeMs: 563_395_000, casesInProgress: 2 });
    // 23:30 UTC on 3 March is already 4 March in Berlin.
    expect(figures.throughputPerDay).toEqual([{ day: '2026-03-02', uploaded: 2, finished: 2 }, { day: '2026-03-04', uploaded: 2, finished: 0 }]);
    expect(figures.corrections.byField).toEqual([{ field: 'totalGross', count: 1, of: 2, rate: 0.5 }]);
    expect(figures.corrections.trend).toEqual([{ week: '2026-W10', corrections: 1, finishedCases: 2, perCase: 0.5, byField: { totalGross: 1 } }]);
  });

  it('gives empty figures, not errors, for a period without cases', () => {
    const empty = computeProcessFigures({ ...facts, cases: [], openTasks: [] });
    expect(empty.touchless.rate).toBeNull();
    expect(empty.cycleTime.uploadToApproved).toEqual({ count: 0, medianMs: null, p95Ms: null, meanMs: null });
    expect(empty.backlog.oldestAgeMs).toBeNull();
  });
});
