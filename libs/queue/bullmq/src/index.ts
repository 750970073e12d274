export { createRedisConnection, pingRedis } from './redis-connection';
export { StepQueue } from './step-queue';
export { createStepWorker } from './step-worker';
export type { StepWorkerOptions, StepJobHandler } from './step-worker';
export { RunStopBroadcast } from './run-stop-broadcast';
export { ChangeNoticeChannel } from './change-notice-channel';
export type { ChangeNoticeListener, ChangeNoticeChannelOptions } from './change-notice-channel';
