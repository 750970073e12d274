export { createPlatform } from './create-platform';
export type { CreatePlatformOptions } from './create-platform';
export { PLATFORM } from './platform.types';
export type { Platform, Component } from './platform.types';
export { startPrivateRedis } from './embedded/private-redis';
export { closeOnSignals } from './close-on-signals';
export type { PrivateRedis } from './embedded/private-redis';
export { runComponentProcess } from './run-component-process';
export { offlineStepCatalog } from './offline-step-catalog';
