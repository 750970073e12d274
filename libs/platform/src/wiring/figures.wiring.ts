import { computeProcessFigures, type ProcessFactsQuery, type ProcessFigures } from '@conveyor/process-metrics';
import { SqlProcessFactsSource } from '@conveyor/persistence';
import type { WiringDeps } from './wiring-deps';

/** Process figures (issue 6): computed on request from the run log, tasks and corrections. */
export interface FiguresService {
  process(query: ProcessFactsQuery): Promise<ProcessFigures>;
}

export function wireFigures(deps: WiringDeps): FiguresService {
  const source = new SqlProcessFactsSource(deps.database.dataSource);
  return { process: async (query) => computeProcessFigures(await source.load(query)) };
}
