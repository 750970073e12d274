import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isDomainError, toErrorInfo } from '@conveyor/kernel';
import { out } from '../console-output';
import { EXIT, type ExitCode } from '../exit-codes';

/**
 * `conveyor extract <file> --json`: reads one document offline (no server) and prints ONE JSON object, the
 * extraction result (libs/documents/schema/extraction-result.schema.json), or `{ "error": { code, message } }`
 * with a non-zero exit. E-invoices from their XML; other PDFs and images from their pages (text layer, OCR with
 * the installed language data; `--no-ocr` leaves pages that need it unread, with an issue).
 */
export function registerExtractCommand(program: Command, run: (action: () => Promise<ExitCode>) => Promise<void>): void {
  program
    .command('extract')
    .description('read an invoice offline and print the extracted fields, with confidence, source and position')
    .argument('<file>', 'PDF, image (PNG, JPEG, TIFF) or XML file')
    .option('--json', 'print the result as one JSON object (the only output format so far)')
    .option('--no-ocr', 'do not OCR pages without a usable text layer (faster; such pages are reported unread)')
    .option('--template <file...>', 'vendor template(s) in YAML for vendors the generic rules get wrong')
    .action((file: string, options: { ocr: boolean; template?: string[] }) => run(() => extractFile(file, options)));
}

export async function extractFile(file: string, options: { ocr?: boolean; template?: string[] } = {}): Promise<ExitCode> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown';
    printError({ code: 'FILE_UNREADABLE', message: `cannot read ${file} (${reason})` });
    return EXIT.usage;
  }
  // Loaded here so the other commands start without the PDF, XML and OCR libraries.
  const { createPageReader, extractDocument, parseVendorTemplate } = await import('@conveyor/invoice-extraction');
  const reader = createPageReader({ ocr: options.ocr === false ? false : undefined });
  try {
    const templates = await Promise.all((options.template ?? []).map(async (path) => parseVendorTemplate(await readFile(path, 'utf8'))));
    out(JSON.stringify(await extractDocument(bytes, file, { readLayout: reader.read, templates }), null, 2));
    return EXIT.ok;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    printError(toErrorInfo(error));
    return EXIT.failed;
  } finally {
    await reader.close();
  }
}

function printError(error: { code: string; message: string; details?: Record<string, unknown> }): void {
  out(JSON.stringify({ error }, null, 2));
}
