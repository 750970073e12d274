import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ConveyorConfig } from '@conveyor/config';

/** The session `conveyor login` saved for one API, kept beside the data (readable by its owner only). */
export interface CliSession {
  apiUrl: string;
  token: string;
  expiresAt: string;
  email: string;
}

export function cliSessionFile(config: ConveyorConfig): string {
  return join(resolve(config.CONVEYOR_DATA_DIR), 'cli-session.json');
}

/** The saved session for the configured API, unless it expired or belongs to another API. */
export function readCliSession(config: ConveyorConfig): CliSession | undefined {
  try {
    const session = JSON.parse(readFileSync(cliSessionFile(config), 'utf8')) as CliSession;
    if (session.apiUrl !== config.CONVEYOR_API_URL || new Date(session.expiresAt).getTime() <= Date.now()) return undefined;
    return session;
  } catch {
    return undefined;
  }
}

export function saveCliSession(config: ConveyorConfig, session: CliSession): string {
  const file = cliSessionFile(config);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(session, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

export function forgetCliSession(config: ConveyorConfig): void {
  rmSync(cliSessionFile(config), { force: true });
}
