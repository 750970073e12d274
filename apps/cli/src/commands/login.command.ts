import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { loadConfig } from '@conveyor/config';
import { DomainError } from '@conveyor/kernel';
import { ConveyorApiClient } from '../api-client';
import { forgetCliSession, readCliSession, saveCliSession } from '../cli-session';
import { out } from '../console-output';
import { EXIT, type ExitCode } from '../exit-codes';

interface LoginOptions {
  email: string;
  password?: string;
}

/** `conveyor login` and `conveyor logout`: a session for the CLI's later commands, saved beside the data. */
export function registerLoginCommands(program: Command, run: (action: () => Promise<ExitCode>) => Promise<void>): void {
  program
    .command('login')
    .description('sign in to the configured API; later commands use the session')
    .requiredOption('-e, --email <email>', 'your e-mail address')
    .option('-p, --password <password>', 'your password (else CONVEYOR_PASSWORD, else asked for)')
    .action((options: LoginOptions) => run(() => login(options)));
  program
    .command('logout')
    .description('end the saved session')
    .action(() => run(logout));
}

async function login(options: LoginOptions): Promise<ExitCode> {
  const config = loadConfig();
  const password = options.password ?? process.env['CONVEYOR_PASSWORD'] ?? (await askPassword());
  const client = new ConveyorApiClient(config.CONVEYOR_API_URL);
  const session = await client.login({ email: options.email, password });
  const file = saveCliSession(config, { apiUrl: config.CONVEYOR_API_URL, token: session.token, expiresAt: session.expiresAt, email: options.email });
  out(`signed in to ${config.CONVEYOR_API_URL} as ${session.user.email} (${session.user.roles.join(', ')}) until ${session.expiresAt}; session saved in ${file}`);
  return EXIT.ok;
}

async function logout(): Promise<ExitCode> {
  const config = loadConfig();
  const session = readCliSession(config);
  if (session) await new ConveyorApiClient(config.CONVEYOR_API_URL, session.token).logout().catch(() => undefined);
  forgetCliSession(config);
  out('signed out');
  return EXIT.ok;
}

/** Reads a password from the terminal without echoing it. */
async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new DomainError('PASSWORD_REQUIRED', 'no password: pass --password or set CONVEYOR_PASSWORD');
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = terminal as unknown as { _writeToOutput: (text: string) => void };
  process.stdout.write('password: ');
  muted._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => terminal.question('', resolve));
  terminal.close();
  process.stdout.write('\n');
  return answer;
}
