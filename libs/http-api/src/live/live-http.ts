import type { OnModuleDestroy, Provider, Type } from '@nestjs/common';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { LiveChangeFeed } from './live-change-feed';
import { LiveController } from './live.controller';

/** The feed lets go of its Redis subscription when the API shuts down. */
class ClosingLiveChangeFeed extends LiveChangeFeed implements OnModuleDestroy {
  onModuleDestroy(): void {
    this.stop();
  }
}

/** Controllers and providers of the live (server-sent events) routes, registered by ApiModule. */
export const LIVE_CONTROLLERS: Type<unknown>[] = [LiveController];
export const LIVE_PROVIDERS: Provider[] = [
  { provide: LiveChangeFeed, useFactory: (platform: Platform) => new ClosingLiveChangeFeed(platform.runs, platform.changes, platform.logger), inject: [PLATFORM] },
];
