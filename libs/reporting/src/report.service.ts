import type { Readable } from 'node:stream';
import type { AuditRecorder } from '@conveyor/audit';
import { DomainError, toErrorInfo, type Clock } from '@conveyor/kernel';
import type { ReportRegistry } from './report-definitions';
import { REPORT_FORMATS, type ReportFormat } from './report-model';
import type { ReportFileStore, ReportMailer, ReportRecord, ReportRepository, ReportWebhook } from './report-ports';
import type { ReportSources } from './report-sources';
import { FORMAT_MEDIA_TYPES, renderReport } from './render/render-report';

export interface ReportServiceOptions {
  registry: ReportRegistry;
  sources: ReportSources;
  repository: ReportRepository;
  store: ReportFileStore;
  audit: AuditRecorder;
  clock: Clock;
  newId: () => string;
  mailer?: ReportMailer;
  webhook?: ReportWebhook;
}

export interface GenerateReportRequest {
  type: string;
  format: ReportFormat;
  parameters?: Record<string, unknown>;
  /** A workflow step's key: asking again returns the report made the first time (or makes it, if that failed). */
  idempotencyKey?: string;
}

/** Who asks. Without roles: the system (a workflow run, the scheduler), which may generate every report. */
export interface ReportActor {
  id: string;
  roles?: readonly string[];
}

export interface ReportDelivery {
  email?: string[];
  webhook?: string;
}

export interface DeliveryOutcome {
  email?: { messageId: string; accepted: string[]; rejected: string[]; delivered: boolean };
  webhook?: { status: number };
}

/**
 * Generates reports into the report store, records them in the `reports` table, delivers them by e-mail
 * or webhook, and audits every generation, delivery and download. Generation is synchronous: a report of
 * 100,000 rows takes seconds, not minutes (see bench/reports).
 */
export class ReportService {
  constructor(private readonly options: ReportServiceOptions) {}

  get registry(): ReportRegistry {
    return this.options.registry;
  }

  /** Whether these roles may generate the report type (the API asks before generating). */
  mayGenerate(type: string, roles: readonly string[]): boolean {
    const allowed = this.options.registry.get(type).roles;
    return roles.some((role) => allowed.includes(role));
  }

  async generate(request: GenerateReportRequest, actor: ReportActor): Promise<ReportRecord> {
    const { registry, repository, store, audit, clock } = this.options;
    if (!REPORT_FORMATS.includes(request.format)) {
      throw new DomainError('INVALID_REPORT_FORMAT', `"${request.format}" is not a report format; use ${REPORT_FORMATS.join(', ')}`);
    }
    if (actor.roles && !this.mayGenerate(request.type, actor.roles)) {
      throw new DomainError('FORBIDDEN', `Generating the ${request.type} report needs one of the roles ${registry.get(request.type).roles.join(', ')}`);
    }
    const existing = request.idempotencyKey ? await repository.findByIdempotencyKey(request.idempotencyKey) : undefined;
    if (existing?.status === 'succeeded') return existing;

    const now = clock.now();
    const report = registry.build(request.type, request.parameters ?? {}, { now, sources: this.options.sources });
    const id = existing?.id ?? this.options.newId();
    const record: ReportRecord = existing ?? {
      id, type: request.type, parameters: request.parameters ?? {}, format: request.format, status: 'running', fileKey: null,
      fileName: `${request.type}-${now.toISOString().slice(0, 10)}-${id.slice(0, 8)}.${request.format}`,
      sizeBytes: null, sha256: null, createdBy: actor.id, createdAt: now, finishedAt: null, error: null, idempotencyKey: request.idempotencyKey ?? null,
    };
    if (!existing && !(await repository.insert(record))) {
      // Another attempt of the same step got there first.
      const winner = await repository.findByIdempotencyKey(request.idempotencyKey as string);
      if (winner) return winner;
    }
    const fileKey = `${now.toISOString().slice(0, 7).replace('-', '/')}/${id}.${request.format}`;
    try {
      const { sizeBytes, sha256 } = await store.write(fileKey, (out) => renderReport(report, request.format, out));
      const finished: ReportRecord = { ...record, status: 'succeeded', fileKey, sizeBytes, sha256, finishedAt: clock.now(), error: null };
      await repository.finish(id, finished);
      await audit.record({
        actor: actor.id, action: 'report.generated', entityType: 'report', entityId: id,
        after: { type: record.type, format: record.format, parameters: record.parameters, sizeBytes, sha256 },
      });
      return finished;
    } catch (error) {
      const info = toErrorInfo(error, 'REPORT_FAILED');
      await repository.finish(id, { status: 'failed', fileKey: null, sizeBytes: null, sha256: null, finishedAt: clock.now(), error: { code: info.code, message: info.message } });
      await audit.record({
        actor: actor.id, action: 'report.failed', entityType: 'report', entityId: id,
        after: { type: record.type, format: record.format, parameters: record.parameters }, details: { code: info.code, message: info.message },
      });
      throw error;
    }
  }

  async get(id: string): Promise<ReportRecord> {
    const record = await this.options.repository.find(id);
    if (!record) throw new DomainError('REPORT_NOT_FOUND', `There is no report ${id}`, { id });
    return record;
  }

  async list(query: { type?: string; limit?: number; cursor?: string }): Promise<{ items: ReportRecord[]; nextCursor?: string }> {
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50), 1), 200);
    const rows = await this.options.repository.list({ type: query.type, limit, before: query.cursor ? decodeCursor(query.cursor) : undefined });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return rows.length > limit ? { items, nextCursor: encodeCursor(last) } : { items };
  }

  /** The file of a finished report; the download is audited. */
  async open(id: string, actor: ReportActor): Promise<{ record: ReportRecord; contentType: string; content: Readable }> {
    const record = await this.finishedReport(id);
    const content = await this.options.store.open(record.fileKey as string);
    await this.options.audit.record({ actor: actor.id, action: 'report.downloaded', entityType: 'report', entityId: id, details: { sha256: record.sha256 } });
    return { record, contentType: FORMAT_MEDIA_TYPES[record.format], content };
  }

  /** Sends a finished report to the e-mail addresses and/or the webhook; each delivery is audited. */
  async deliver(id: string, delivery: ReportDelivery, options: { actor: ReportActor; idempotencyKey: string; signal?: AbortSignal }): Promise<DeliveryOutcome> {
    const record = await this.finishedReport(id);
    const title = this.options.registry.get(record.type).title;
    const outcome: DeliveryOutcome = {};
    const attachment = async () => ({
      fileName: record.fileName, contentType: FORMAT_MEDIA_TYPES[record.format], content: await this.options.store.open(record.fileKey as string),
    });
    if (delivery.email && delivery.email.length > 0) {
      if (!this.options.mailer) throw new DomainError('REPORT_MAIL_UNAVAILABLE', 'Reports cannot be e-mailed: no mailer is configured');
      const sent = await this.options.mailer.send({
        to: delivery.email,
        subject: `${title} (${record.createdAt.toISOString().slice(0, 10)})`,
        text: `${title}, generated ${record.createdAt.toISOString()}, is attached (${record.fileName}, ${record.sizeBytes} bytes, SHA-256 ${record.sha256}).\n`,
        attachment: await attachment(),
        idempotencyKey: `${options.idempotencyKey}:email`,
      }, options.signal);
      outcome.email = sent;
      await this.options.audit.record({
        actor: options.actor.id, action: 'report.delivered', entityType: 'report', entityId: id,
        details: { channel: 'email', to: delivery.email, accepted: sent.accepted, rejected: sent.rejected, messageId: sent.messageId, sent: sent.delivered },
      });
    }
    if (delivery.webhook) {
      if (!this.options.webhook) throw new DomainError('REPORT_WEBHOOK_UNAVAILABLE', 'Reports cannot be posted: no webhook client is configured');
      const url = new URL(delivery.webhook);
      const posted = await this.options.webhook.post(delivery.webhook, {
        ...(await attachment()), sizeBytes: record.sizeBytes as number, sha256: record.sha256 as string, reportId: record.id, reportType: record.type,
      }, { idempotencyKey: `${options.idempotencyKey}:webhook`, signal: options.signal });
      outcome.webhook = posted;
      await this.options.audit.record({
        actor: options.actor.id, action: 'report.delivered', entityType: 'report', entityId: id,
        // Query strings may hold tokens: only origin and path are recorded.
        details: { channel: 'webhook', url: `${url.origin}${url.pathname}`, status: posted.status },
      });
    }
    return outcome;
  }

  private async finishedReport(id: string): Promise<ReportRecord> {
    const record = await this.get(id);
    if (record.status !== 'succeeded' || !record.fileKey) {
      throw new DomainError('REPORT_NOT_READY_CONFLICT', `Report ${id} has no file (${record.status}${record.error ? `: ${record.error.message}` : ''})`, { status: record.status });
    }
    return record;
  }
}

function encodeCursor(record: ReportRecord): string {
  return Buffer.from(JSON.stringify({ at: record.createdAt.toISOString(), id: record.id }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const { at, id } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { createdAt: new Date(at), id };
  } catch {
    // reported below
  }
  throw new DomainError('INVALID_CURSOR', 'The page cursor is not valid');
}
