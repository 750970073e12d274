import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { documentViewer, type DocumentViewer } from '@conveyor/documents';
import { DomainError, isDomainError } from '@conveyor/kernel';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { CurrentPrincipal } from '../access/current-actor.decorator';
import type { Principal } from '../access/principal';
import { RequireRoles } from '../access/require-roles.decorator';
import type { ApiRequest, ApiResponse } from '../http-types';
import { ApiErrorResponses } from '../openapi/error-responses';
import { validQuery } from '../validation/zod-validation.pipe';
import { LiveChangeFeed } from './live-change-feed';
import { liveDocumentsQuerySchema, liveRunsQuerySchema, type LiveDocumentsQuery, type LiveRunsQuery } from './live-query.schema';
import { openLiveStream } from './live-stream';
import { DocumentWatch, RunWatch } from './live-watches';

/**
 * Live status as server-sent events. `document` events carry a document and its newest run; `run` events a
 * run's status and steps. Who may watch what follows the documents and runs routes: an uploader watches only
 * the documents they uploaded; runs are for the roles that read runs. Each stream opens with the current state
 * (also after a reconnect) and then follows the change notices (see LiveChangeFeed).
 */

@ApiTags('live')
@ApiBearerAuth()
@Controller('live')
export class LiveController {
  constructor(
    @Inject(PLATFORM) private readonly platform: Platform,
    private readonly feed: LiveChangeFeed,
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
    const viewer = documentViewer(principal.actor.id, principal.roles);
    const visible = await this.visibleDocuments(viewer, query.ids);
    if (visible.length === 0) throw new DomainError('DOCUMENT_NOT_FOUND', 'None of these documents exists or is yours to see', { ids: query.ids });
    await openLiveStream(request, response, this.feed, this.platform.logger, new DocumentWatch(this.platform, this.feed, viewer, visible));
  }

  @Get('runs')
  @RequireRoles('admin', 'accountant', 'approver', 'auditor')
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'Server-sent events: run status and step changes of the newest runs (or only ids=a,b,…)' })
  @ApiErrorResponses(400, 401, 403, 404)
  async runs(@Query(validQuery(liveRunsQuerySchema)) query: LiveRunsQuery, @Req() request: ApiRequest, @Res() response: ApiResponse): Promise<void> {
    const wanted = query.ids ? new Set(await this.existingRuns(query.ids)) : undefined;
    if (wanted?.size === 0) throw new DomainError('RUN_NOT_FOUND', 'None of these runs exists', { ids: query.ids });
    await openLiveStream(request, response, this.feed, this.platform.logger, new RunWatch(this.platform, this.feed, wanted));
  }

  private async visibleDocuments(viewer: DocumentViewer, ids: string[]): Promise<string[]> {
    const visible: string[] = [];
    for (const id of ids) {
      try {
        visible.push((await this.platform.documents.get(viewer, id)).id);
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
