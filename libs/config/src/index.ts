export { loadConfig } from './load-config';
export type { ConveyorConfig } from './load-config';
