import { type Command, InvalidArgumentError } from 'commander';
import { RUN_STATUSES, type ListRunsQuery, type RunStatusName } from '@conveyor/api-contracts';
import { connectToApi } from '../api-connection';
import { out } from '../console-output';
import { EXIT, type ExitCode } from '../exit-codes';
import { formatRunDetail, formatRunPage } from '../run-view.printer';

interface ListOptions {
  workflow?: string;
  status?: RunStatusName;
  limit?: number;
  cursor?: string;
  json?: boolean;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 200) throw new InvalidArgumentError('a whole number from 1 to 200');
  return number;
}

function runStatus(value: string): RunStatusName {
  if (!(RUN_STATUSES as readonly string[]).includes(value)) throw new InvalidArgumentError(`one of ${RUN_STATUSES.join(', ')}`);
  return value as RunStatusName;
}

/** `conveyor runs list` and `conveyor runs show <id>`. */
export function registerRunsCommand(program: Command, run: (action: () => Promise<ExitCode>) => Promise<void>): void {
  const runs = program.command('runs').description('list and inspect runs on the configured API');
  runs
    .command('list')
    .description('list runs, newest first')
    .option('-w, --workflow <id>', 'only runs of this workflow')
    .option('-s, --status <status>', `only runs in this status (${RUN_STATUSES.join(', ')})`, runStatus)
    .option('-n, --limit <n>', 'at most this many runs', positiveInteger)
    .option('--cursor <cursor>', 'the next page, from a previous listing')
    .option('--json', 'print JSON')
    .action((options: ListOptions) => run(() => listRuns(options)));
  runs
    .command('show')
    .description('a run with its steps and events')
    .argument('<id>', 'run id')
    .option('--json', 'print JSON')
    .action((id: string, options: { json?: boolean }) => run(() => showRun(id, options)));
}

async function listRuns(options: ListOptions): Promise<ExitCode> {
  const query: ListRunsQuery = { workflowId: options.workflow, status: options.status, limit: options.limit, cursor: options.cursor };
  const page = await connectToApi().listRuns(query);
  out(options.json ? JSON.stringify(page, null, 2) : formatRunPage(page));
  return EXIT.ok;
}

async function showRun(id: string, options: { json?: boolean }): Promise<ExitCode> {
  const detail = await connectToApi().getRun(id);
  out(options.json ? JSON.stringify(detail, null, 2) : formatRunDetail(detail));
  return EXIT.ok;
}
