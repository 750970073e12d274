import { readFile } from 'node:fs/promises';
import { DomainError } from '@conveyor/kernel';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** A workflow file's text, or FILE_UNREADABLE saying why not. */
export async function readWorkflowFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = REASONS[code] ?? (error instanceof Error ? error.message : String(error));
    throw new DomainError('FILE_UNREADABLE', `cannot read ${file}: ${reason}`, { file });
  }
}
