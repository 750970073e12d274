import type { ProcessFacts } from './process-facts';

export interface ProcessFactsQuery {
  /** Cases uploaded in [from, to). */
  from: Date;
  to: Date;
  asOf: Date;
  timeZone: string;
  /** The workflow whose runs process the uploaded documents (default: invoice-intake). */
  workflowId: string;
}

/** Where the facts come from (the run event log, tasks, corrections in the database). */
export interface ProcessFactsSource {
  load(query: ProcessFactsQuery): Promise<ProcessFacts>;
}
