import { toDocumentView, type DocumentView, type DocumentViewer } from '@conveyor/documents';
import { isDomainError } from '@conveyor/kernel';
import type { Platform } from '@conveyor/platform';
import type { EventStream } from './event-stream';
import type { LiveChangeFeed } from './live-change-feed';
import type { LiveWatch } from './live-stream';
import type { RunChange } from './run-change';

/** How many of the newest runs a stream of all runs opens with. */
const NEWEST_RUNS = 50;

/** `run` events: the listed runs, or (without a list) the newest runs and then every run that changes. */
export class RunWatch implements LiveWatch {
  constructor(
    private readonly platform: Platform,
    private readonly feed: LiveChangeFeed,
    private readonly wanted?: ReadonlySet<string>,
  ) {}

  wantsRun(runId: string): boolean {
    return !this.wanted || this.wanted.has(runId);
  }

  async snapshot(stream: EventStream): Promise<void> {
    const runIds = this.wanted ? [...this.wanted] : (await this.platform.runs.list({ limit: NEWEST_RUNS })).items.map((run) => run.id);
    for (const change of await this.feed.current(runIds)) stream.send('run', change);
  }

  onRun(change: RunChange, stream: EventStream): void {
    stream.send('run', change);
  }

  onDocuments(): void {
    // Runs streams show no documents.
  }
}

/**
 * `document` events: each listed document (as `viewer` may see it) with its newest run, sent again whenever
 * that run or the document changes.
 */
export class DocumentWatch implements LiveWatch {
  /** Document id → its newest run's id, as last looked up. */
  private readonly runOf = new Map<string, string>();
  private readonly watchedRuns = new Set<string>();

  constructor(
    private readonly platform: Platform,
    private readonly feed: LiveChangeFeed,
    private readonly viewer: DocumentViewer,
    private readonly documentIds: readonly string[],
  ) {}

  wantsRun(runId: string): boolean {
    return this.watchedRuns.has(runId);
  }

  snapshot(stream: EventStream): Promise<void> {
    return this.sendDocuments(this.documentIds, stream);
  }

  async onRun(change: RunChange, stream: EventStream): Promise<void> {
    if (!change.documentId || this.runOf.get(change.documentId) !== change.runId) return;
    const document = await this.readDocument(change.documentId);
    if (document) stream.send('document', { document, run: change });
  }

  onDocuments(documentIds: string[], stream: EventStream): Promise<void> {
    return this.sendDocuments(documentIds.filter((id) => this.documentIds.includes(id)), stream);
  }

  private async sendDocuments(documentIds: readonly string[], stream: EventStream): Promise<void> {
    if (documentIds.length === 0) return;
    // The runs are known (and so wanted from the feed) before they are read: a change from then on is not missed.
    const newest = await this.platform.runs.newestRunIdsByDocument([...documentIds]);
    for (const [documentId, runId] of newest) {
      this.runOf.set(documentId, runId);
      this.watchedRuns.add(runId);
    }
    const runs = new Map((await this.feed.current([...newest.values()])).map((change) => [change.runId, change]));
    for (const documentId of documentIds) {
      const document = await this.readDocument(documentId);
      const runId = this.runOf.get(documentId);
      const run = runId ? runs.get(runId) : undefined;
      if (document) stream.send('document', { document, ...(run ? { run } : {}) });
    }
  }

  private async readDocument(documentId: string): Promise<DocumentView | undefined> {
    try {
      return toDocumentView(await this.platform.documents.get(this.viewer, documentId));
    } catch (error) {
      if (isDomainError(error) && error.code === 'DOCUMENT_NOT_FOUND') return undefined;
      throw error;
    }
  }
}
