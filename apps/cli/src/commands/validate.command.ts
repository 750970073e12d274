import type { Command } from 'commander';
import { isDomainError } from '@conveyor/kernel';
import { err, out } from '../console-output';
import { EXIT, type ExitCode } from '../exit-codes';
import { readWorkflowFile } from '../workflow-file';

/** `conveyor validate <files...>`: offline check, one `file:line:col: message` line per problem. */
export function registerValidateCommand(program: Command, run: (action: () => Promise<ExitCode>) => Promise<void>): void {
  program
    .command('validate')
    .description('check workflow files offline (no server needed)')
    .argument('<files...>', 'workflow YAML files')
    .action((files: string[]) => run(() => validateFiles(files)));
}

export async function validateFiles(files: string[]): Promise<ExitCode> {
  // Loaded here so commands that do not validate start quickly.
  const { formatProblem, parseWorkflow } = await import('@conveyor/workflow-dsl');
  const { offlineStepCatalog } = await import('@conveyor/platform');
  const catalog = offlineStepCatalog();

  let invalid = 0;
  let unreadable = 0;
  for (const file of files) {
    let yaml: string;
    try {
      yaml = await readWorkflowFile(file);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      err(`conveyor: ${error.message}`);
      unreadable += 1;
      continue;
    }
    const result = parseWorkflow(yaml, { file, catalog });
    if (!result.ok) {
      invalid += 1;
      for (const problem of result.problems) err(formatProblem(problem));
    }
  }
  if (unreadable > 0) return EXIT.usage;
  if (invalid > 0) {
    err(`${invalid} of ${files.length} ${files.length === 1 ? 'workflow' : 'workflows'} invalid`);
    return EXIT.failed;
  }
  out(`ok: ${files.length} ${files.length === 1 ? 'workflow' : 'workflows'} valid`);
  return EXIT.ok;
}
