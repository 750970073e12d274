import { DomainError } from '@conveyor/kernel';
import { AddressRefusedError, assertLiteralHostAllowed, createHttpDispatcher } from '@conveyor/workflow-steps';
import { request, type Dispatcher } from 'undici';
import type { ReportWebhook } from '../report-ports';

export interface ReportWebhookOptions {
  /** HTTP_STEP_ALLOW_PRIVATE: the same rule as the http step. */
  allowPrivateAddresses: boolean;
  timeoutMs?: number;
}

/**
 * Posts a report file to a webhook through the http step's guarded connection pool: the same refusal of
 * loopback, private and link-local addresses (checked on the address each connection really reaches,
 * so DNS rebinding cannot slip through), unless private addresses are allowed.
 */
export class ReportWebhookPoster implements ReportWebhook {
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: ReportWebhookOptions) {
    this.dispatcher = createHttpDispatcher({ allowPrivateAddresses: options.allowPrivateAddresses });
  }

  async post(url: string, file: Parameters<ReportWebhook['post']>[1], options: Parameters<ReportWebhook['post']>[2]): Promise<{ status: number }> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new DomainError('INVALID_REPORT_WEBHOOK', `"${url}" is not a URL`);
    }
    if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new DomainError('INVALID_REPORT_WEBHOOK', 'A report webhook must be http or https');
    const where = `POST ${target.origin}${target.pathname}`;
    const timeout = this.options.timeoutMs ?? 30_000;
    try {
      if (!this.options.allowPrivateAddresses) assertLiteralHostAllowed(target.hostname);
      const response = await request(target, {
        method: 'POST',
        dispatcher: this.dispatcher,
        signal: options.signal,
        headersTimeout: timeout,
        bodyTimeout: timeout,
        headers: {
          'content-type': file.contentType,
          'content-length': String(file.sizeBytes),
          'content-disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`,
          'idempotency-key': options.idempotencyKey,
          'x-conveyor-report-id': file.reportId,
          'x-conveyor-report-type': file.reportType,
          'x-conveyor-report-sha256': file.sha256,
          'user-agent': 'Conveyor-report',
        },
        body: file.content,
      });
      await response.body.dump();
      if (response.statusCode < 200 || response.statusCode >= 300) {
        const retryable = response.statusCode >= 500 || response.statusCode === 429;
        throw new DomainError('REPORT_WEBHOOK_STATUS', `${where} answered with status ${response.statusCode}`, { status: response.statusCode }, retryable);
      }
      return { status: response.statusCode };
    } catch (error) {
      file.content.destroy();
      if (error instanceof DomainError) throw error;
      const refused = findRefusal(error);
      if (refused) {
        throw new DomainError('REPORT_WEBHOOK_ADDRESS_REFUSED', `${where} refused: ${refused.host} is (or resolves to) ${refused.address}, a ${refused.range} address`, {
          host: refused.host, address: refused.address, range: refused.range,
        });
      }
      throw new DomainError('REPORT_WEBHOOK_FAILED', `${where} failed: ${(error as Error).message}`, {}, true);
    }
  }
}

function findRefusal(error: unknown): AddressRefusedError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    if (current instanceof AddressRefusedError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
