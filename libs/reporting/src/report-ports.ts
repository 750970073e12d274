import type { Readable, Writable } from 'node:stream';
import type { ReportFormat } from './report-model';

export type ReportStatus = 'running' | 'succeeded' | 'failed';

/** A generated (or failed) report as stored: the `reports` table. */
export interface ReportRecord {
  id: string;
  type: string;
  parameters: Record<string, unknown>;
  format: ReportFormat;
  status: ReportStatus;
  /** Where the file is in the report store; null until it is written. */
  fileKey: string | null;
  fileName: string;
  sizeBytes: number | null;
  sha256: string | null;
  /** The actor id ('user:<id>', 'run:<id>', ...). */
  createdBy: string;
  createdAt: Date;
  finishedAt: Date | null;
  error: { code: string; message: string } | null;
  /** A workflow step's idempotency key: the same step asking again gets this report back. */
  idempotencyKey: string | null;
}

export interface ReportListQuery {
  type?: string;
  limit: number;
  /** Reports older than this one in (createdAt desc, id desc) order. */
  before?: { createdAt: Date; id: string };
}

export interface ReportRepository {
  /** false when a report with the same idempotency key exists already. */
  insert(report: ReportRecord): Promise<boolean>;
  finish(id: string, outcome: Pick<ReportRecord, 'status' | 'fileKey' | 'sizeBytes' | 'sha256' | 'finishedAt' | 'error'>): Promise<void>;
  find(id: string): Promise<ReportRecord | undefined>;
  findByIdempotencyKey(key: string): Promise<ReportRecord | undefined>;
  /** Newest first, at most `limit + 1` so the caller can tell whether there is a next page. */
  list(query: ReportListQuery): Promise<ReportRecord[]>;
}

/** Where report files live. */
export interface ReportFileStore {
  /** Runs `render` into a new file at `key`; the file appears only once complete. */
  write(key: string, render: (out: Writable) => Promise<void>): Promise<{ sizeBytes: number; sha256: string }>;
  open(key: string): Promise<Readable>;
}

export interface ReportAttachment {
  fileName: string;
  contentType: string;
  content: Readable;
}

/** Sends a report by e-mail (the notifications Mailer fits through a small adapter). */
export interface ReportMailer {
  send(
    mail: { to: string[]; subject: string; text: string; attachment: ReportAttachment; idempotencyKey?: string },
    signal?: AbortSignal,
  ): Promise<{ messageId: string; accepted: string[]; rejected: string[]; delivered: boolean }>;
}

/** Posts a report file to a webhook. */
export interface ReportWebhook {
  post(
    url: string,
    file: ReportAttachment & { sizeBytes: number; sha256: string; reportId: string; reportType: string },
    options: { idempotencyKey: string; signal?: AbortSignal },
  ): Promise<{ status: number }>;
}
