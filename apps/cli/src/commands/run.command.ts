import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import type { RunDetailBody, ValidationProblemBody } from '@conveyor/api-contracts';
import { isDomainError } from '@conveyor/kernel';
import { connectToApi } from '../api-connection';
import { err, out } from '../console-output';
import { EXIT, type ExitCode } from '../exit-codes';
import { parseInputOptions } from '../run-inputs';
import { RunProgressPrinter } from '../run-progress.printer';
import { durationBetween } from '../run-view.printer';
import { readWorkflowFile } from '../workflow-file';

const POLL_INTERVAL_MS = 300;
const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

interface RunOptions {
  input: string[];
  json?: boolean;
}

/** `conveyor run <workflow.yaml>`: publish the file, start a run, follow it to the end. */
export function registerRunCommand(program: Command, run: (action: () => Promise<ExitCode>) => Promise<void>): void {
  program
    .command('run')
    .description('publish a workflow to the configured API, run it and follow its steps')
    .argument('<workflow>', 'workflow YAML file')
    .option('-i, --input <key=value>', 'a run input (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--json', 'print the finished run as JSON instead of progress lines')
    .action((file: string, options: RunOptions) => run(() => runWorkflowFile(file, options)));
}

async function runWorkflowFile(file: string, options: RunOptions): Promise<ExitCode> {
  const yaml = await readWorkflowFile(file);
  const api = connectToApi();
  let published;
  try {
    published = await api.publishWorkflow(yaml);
  } catch (error) {
    if (isDomainError(error) && error.code === 'VALIDATION_FAILED') {
      for (const problem of (error.details['problems'] ?? []) as ValidationProblemBody[]) {
        err(`${file}:${problem.line}:${problem.column}: ${problem.message}`);
      }
      return EXIT.failed;
    }
    throw error;
  }
  const { revision } = published;
  const inputs = parseInputOptions(options.input, revision.definition.inputs ?? {});
  const started = await api.startRun(revision.workflowId, { inputs, revision: revision.revision });
  const progress = options.json ? undefined : new RunProgressPrinter(out);
  if (progress) out(`${revision.workflowId} revision ${revision.revision}${published.created ? ' (new)' : ''}: run ${started.id}`);

  let current: RunDetailBody;
  for (;;) {
    current = await api.getRun(started.id);
    progress?.update(current);
    if (FINISHED.has(current.status)) break;
    await sleep(POLL_INTERVAL_MS);
  }

  if (options.json) {
    out(JSON.stringify(current, null, 2));
  } else {
    reportOutcome(current);
  }
  return current.status === 'succeeded' ? EXIT.ok : EXIT.failed;
}

function reportOutcome(run: RunDetailBody): void {
  const took = durationBetween(run.startedAt ?? run.createdAt, run.finishedAt);
  const mark = run.status === 'succeeded' ? '✓' : '✗';
  out(`${mark} run ${run.id} ${run.status}${took ? ` in ${took}` : ''}`);
  if (run.outputs && Object.keys(run.outputs).length > 0) out(`outputs: ${JSON.stringify(run.outputs, null, 2)}`);
  if (run.error) err(`${run.error.code}: ${run.error.message}`);
}
