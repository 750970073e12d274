export { bootstrapApi } from './bootstrap';
export { launchConveyor } from './launch';
export type { RunningConveyor } from './launch';
