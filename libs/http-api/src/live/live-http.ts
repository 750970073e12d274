import type { OnModuleDestroy, Provider, Type } from '@nestjs/common';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { LiveController } from './live.controller';
import { RunChangeFeed } from './run-change-feed';

/** The feed stops watching when the API shuts down. */
class ClosingRunChangeFeed extends RunChangeFeed implements OnModuleDestroy {
  onModuleDestroy(): void {
    this.stop();
  }
}

/** Controllers and providers of the live (server-sent events) routes, registered by ApiModule. */
export const LIVE_CONTROLLERS: Type<unknown>[] = [LiveController];
export const LIVE_PROVIDERS: Provider[] = [
  { provide: RunChangeFeed, useFactory: (platform: Platform) => new ClosingRunChangeFeed(platform.runs, platform.logger), inject: [PLATFORM] },
];
