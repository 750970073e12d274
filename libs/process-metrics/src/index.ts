export type { ProcessCase, ProcessFacts, StepInterval, TaskFacts } from './process-facts';
export { durationStats } from './duration-stats';
export type { DurationStats } from './duration-stats';
export { caseCycleSplit, splitCycleTime } from './cycle-time-split';
export type { CycleTimeSplit } from './cycle-time-split';
export { computeProcessFigures } from './process-figures';
export type { ProcessFigures, RateFigure } from './process-figures';
export type { ProcessFactsQuery, ProcessFactsSource } from './process-facts-source';
