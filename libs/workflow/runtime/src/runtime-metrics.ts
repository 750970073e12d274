import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { StepQueue } from '@conveyor/queue-bullmq';

/** Prometheus metrics of the engine: queue depth and age, step durations, retries, failures, run outcomes. */
export class RuntimeMetrics {
  readonly registry = new Registry();
  private readonly stepDuration: Histogram<'step_type' | 'outcome'>;
  private readonly retries: Counter<'step_type'>;
  private readonly stepFailures: Counter<'step_type'>;
  private readonly runsFinished: Counter<'workflow' | 'status'>;

  constructor(queue?: StepQueue) {
    collectDefaultMetrics({ register: this.registry, prefix: 'conveyor_process_' });
    this.stepDuration = new Histogram({
      name: 'conveyor_step_duration_seconds', help: 'Time a step handler ran, by step type and outcome',
      labelNames: ['step_type', 'outcome'], buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300], registers: [this.registry],
    });
    this.retries = new Counter({ name: 'conveyor_step_retries_total', help: 'Step attempts that failed and were scheduled again', labelNames: ['step_type'], registers: [this.registry] });
    this.stepFailures = new Counter({ name: 'conveyor_step_failures_total', help: 'Step attempts that failed', labelNames: ['step_type'], registers: [this.registry] });
    this.runsFinished = new Counter({ name: 'conveyor_runs_finished_total', help: 'Runs that reached a final state', labelNames: ['workflow', 'status'], registers: [this.registry] });
    if (queue) {
      new Gauge({
        name: 'conveyor_queue_jobs', help: 'Jobs in the step queue by state', labelNames: ['state'], registers: [this.registry],
        async collect() {
          const counts = await queue.counts();
          for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
        },
      });
      new Gauge({
        name: 'conveyor_queue_oldest_waiting_seconds', help: 'Age of the oldest job waiting for a worker', registers: [this.registry],
        async collect() {
          this.set((await queue.oldestWaitingAgeMs(Date.now())) / 1000);
        },
      });
    }
  }

  observeStep(stepType: string, outcome: string, durationMs: number): void {
    this.stepDuration.observe({ step_type: stepType, outcome }, durationMs / 1000);
    if (outcome === 'failed') this.stepFailures.inc({ step_type: stepType });
  }

  countRetry(stepType: string): void {
    this.retries.inc({ step_type: stepType });
  }

  countRunFinished(workflow: string, status: string): void {
    this.runsFinished.inc({ workflow, status });
  }
}
