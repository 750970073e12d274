import type { ConveyorConfig } from '@conveyor/config';
import type { Clock } from '@conveyor/kernel';
import type { Logger } from '@conveyor/observability';
import type { Database } from '@conveyor/persistence';

/** What createPlatform hands to each domain's wiring. */
export interface WiringDeps {
  config: ConveyorConfig;
  logger: Logger;
  clock: Clock;
  database: Database;
}
