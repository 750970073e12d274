import { loadConfig } from '@conveyor/config';
import { ConveyorApiClient } from './api-client';

/** The client for the API this machine is configured for (CONVEYOR_API_URL, CONVEYOR_ADMIN_TOKEN). */
export function connectToApi(): ConveyorApiClient {
  const config = loadConfig();
  return new ConveyorApiClient(config.CONVEYOR_API_URL, config.CONVEYOR_ADMIN_TOKEN);
}
