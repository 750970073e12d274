import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { documentViewer, toDocumentView, type DocumentView } from '@conveyor/documents';
import { DomainError, isDomainError } from '@conveyor/kernel';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { CurrentPrincipal } from '../access/current-actor.decorator';
import type { Principal } from '../access/principal';
import { RequireRoles } from '../access/require-roles.decorator';
import type { ApiRequest, ApiResponse } from '../http-types';
import { ApiErrorResponses } from '../openapi/error-responses';
import { validQuery } from '../validation/zod-validation.pipe';
import { openEventStream } from './event-stream';
import { liveDocumentsQuerySchema, liveRunsQuerySchema, type LiveDocumentsQuery, type LiveRunsQuery } from './live-query.schema';
import { RunChangeFeed } from './run-change-feed';
import type { RunChange } from './run-change';

/**
 * Live status as server-sent events. `document` events carry a document and its newest run; `run` events a
 * run's status and steps. Who may watch what follows the documents and runs routes: an uploader watches only
 * the documents they uploaded; runs are for the roles that read runs.
 */
@ApiTags('live')
@ApiBearerAuth()
@Controller('live')
export class LiveController {
  constructor(
    @Inject(PLATFORM) private readonly platform: Platform,
    private readonly feed: RunChangeFeed,
  ) {}

  @Get('documents')
  @RequireRoles('uploader', 'accountant', 'approver', 'auditor', 'admin')
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'Server-sent events: each listed document (ids=a,b,…) with its workflow run, now and on every change' })
  @ApiErrorResponses(400, 401, 403, 404)
  async documents(
    @Query(validQuery(liveDocumentsQuerySchema)) query: LiveDocumentsQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: ApiRequest,
    @Res() response: ApiResponse,
  ): Promise<void> {
    const documents = await this.visibleDocuments(principal, query.ids);
    if (documents.size === 0) throw new DomainError('DOCUMENT_NOT_FOUND', 'None of these documents exists or is yours to see', { ids: query.ids });
    const snapshot = await this.feed.snapshot();
    const stream = openEventStream(request, response);
    for (const document of documents.values()) {
      const run = newestFor(snapshot, document.id);
      stream.send('document', { document, ...(run ? { run } : {}) });
    }
    stream.onClose(
      this.feed.subscribe((run) => {
        const document = run.documentId ? documents.get(run.documentId) : undefined;
        if (document) stream.send('document', { document, run });
      }),
    );
  }

  @Get('runs')
  @RequireRoles('admin', 'accountant', 'approver', 'auditor')
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'Server-sent events: run status and step changes of the newest runs (or only ids=a,b,…)' })
  @ApiErrorResponses(400, 401, 403, 404)
  async runs(@Query(validQuery(liveRunsQuerySchema)) query: LiveRunsQuery, @Req() request: ApiRequest, @Res() response: ApiResponse): Promise<void> {
    const wanted = query.ids ? new Set(await this.existingRuns(query.ids)) : undefined;
    if (wanted?.size === 0) throw new DomainError('RUN_NOT_FOUND', 'None of these runs exists', { ids: query.ids });
    const snapshot = await this.feed.snapshot();
    const stream = openEventStream(request, response);
    for (const run of snapshot) if (!wanted || wanted.has(run.runId)) stream.send('run', run);
    stream.onClose(
      this.feed.subscribe((run) => {
        if (!wanted || wanted.has(run.runId)) stream.send('run', run);
      }),
    );
  }

  private async visibleDocuments(principal: Principal, ids: string[]): Promise<Map<string, DocumentView>> {
    const viewer = documentViewer(principal.actor.id, principal.roles);
    const visible = new Map<string, DocumentView>();
    for (const id of ids) {
      try {
        visible.set(id, toDocumentView(await this.platform.documents.get(viewer, id)));
      } catch (error) {
        if (!(isDomainError(error) && error.code === 'DOCUMENT_NOT_FOUND')) throw error;
      }
    }
    return visible;
  }

  private async existingRuns(ids: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const id of ids) {
      try {
        found.push((await this.platform.runs.get(id)).id);
      } catch (error) {
        if (!(isDomainError(error) && error.code === 'RUN_NOT_FOUND')) throw error;
      }
    }
    return found;
  }
}

function newestFor(runs: RunChange[], documentId: string): RunChange | undefined {
  return runs.filter((run) => run.documentId === documentId).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}
