import { Command, CommanderError } from 'commander';
import { isDomainError } from '@conveyor/kernel';
import { registerAuditCommand } from './commands/audit.command';
import { registerExtractCommand } from './commands/extract.command';
import { registerLoginCommands } from './commands/login.command';
import { registerReconcileCommand } from './commands/reconcile.command';
import { registerRunCommand } from './commands/run.command';
import { registerRunsCommand } from './commands/runs.command';
import { KEEP_RUNNING, registerStartCommands } from './commands/start.command';
import { registerStatementCommand } from './commands/statement.command';
import { registerValidateCommand } from './commands/validate.command';
import { err } from './console-output';
import { EXIT, exitCodeForError, type ExitCode } from './exit-codes';

/** Exits with the command's code once its output is written; servers (start) keep the process. */
async function runAction(action: () => Promise<ExitCode | typeof KEEP_RUNNING>): Promise<void> {
  let code: ExitCode;
  try {
    const outcome = await action();
    if (outcome === KEEP_RUNNING) return;
    code = outcome;
  } catch (error) {
    if (isDomainError(error)) {
      err(`conveyor: ${error.message}`);
      code = exitCodeForError(error.code);
    } else {
      err(`conveyor: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      code = EXIT.failed;
    }
  }
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}

function buildProgram(): Command {
  const program = new Command('conveyor')
    .description('Conveyor: event-driven workflow automation')
    .showHelpAfterError()
    // Subcommands inherit this: usage errors come back here and exit with 2.
    .exitOverride();
  registerValidateCommand(program, runAction);
  registerRunCommand(program, runAction);
  registerRunsCommand(program, runAction);
  registerStartCommands(program, runAction);
  registerAuditCommand(program, runAction);
  registerLoginCommands(program, runAction);
  registerExtractCommand(program, runAction);
  registerStatementCommand(program, runAction);
  registerReconcileCommand(program, runAction);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    if (error instanceof CommanderError) {
      const helpOrVersion = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
      process.exit(helpOrVersion ? EXIT.ok : EXIT.usage);
    }
    err(`conveyor: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(EXIT.failed);
  });
