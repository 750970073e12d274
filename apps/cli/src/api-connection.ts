import { loadConfig } from '@conveyor/config';
import { ConveyorApiClient } from './api-client';
import { readCliSession } from './cli-session';

/**
 * The client for the API this machine is configured for (CONVEYOR_API_URL). Credentials, first found wins:
 * CONVEYOR_API_TOKEN (an API key), the session saved by `conveyor login`, CONVEYOR_ADMIN_TOKEN.
 */
export function connectToApi(): ConveyorApiClient {
  const config = loadConfig();
  const token = config.CONVEYOR_API_TOKEN ?? readCliSession(config)?.token ?? config.CONVEYOR_ADMIN_TOKEN;
  return new ConveyorApiClient(config.CONVEYOR_API_URL, token);
}
