import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isDomainError, toErrorInfo } from '@conveyor/kernel';
import { out } from '../console-output';
import { EXIT, type ExitCode } from '../exit-codes';

/**
 * `conveyor extract <file> --json`: reads one document offline (no server) and prints ONE JSON object, the
 * extraction result (libs/documents/schema/extraction-result.schema.json), or `{ "error": { code, message } }`
 * with a non-zero exit. Today it reads e-invoices (PDF with embedded XML, CII/UBL XML).
 */
export function registerExtractCommand(program: Command, run: (action: () => Promise<ExitCode>) => Promise<void>): void {
  program
    .command('extract')
    .description('read an invoice offline and print the extracted fields (e-invoice PDFs and CII/UBL XML for now)')
    .argument('<file>', 'PDF, image or XML file')
    .option('--json', 'print the result as one JSON object (the only output format so far)')
    .action((file: string) => run(() => extractFile(file)));
}

export async function extractFile(file: string): Promise<ExitCode> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown';
    printError({ code: 'FILE_UNREADABLE', message: `cannot read ${file} (${reason})` });
    return EXIT.usage;
  }
  // Loaded here so the other commands start without the PDF and XML libraries.
  const { extractEInvoiceDocument } = await import('@conveyor/einvoice');
  try {
    out(JSON.stringify(await extractEInvoiceDocument(bytes, file), null, 2));
    return EXIT.ok;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    printError(toErrorInfo(error));
    return EXIT.failed;
  }
}

function printError(error: { code: string; message: string; details?: Record<string, unknown> }): void {
  out(JSON.stringify({ error }, null, 2));
}
