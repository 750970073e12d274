import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  emitEventBodySchema,
  emitEventResponseSchema,
  eventNameSchema,
  runSummarySchema,
  type EmitEventBody,
  type EmitEventResponse,
  type RunSummaryBody,
} from '@conveyor/api-contracts';
import { PLATFORM, type Platform } from '@conveyor/platform';
import type { Actor } from '@conveyor/workflow-runtime';
import { CurrentActor } from '../access/current-actor.decorator';
import { PublicRoute } from '../access/public-route.decorator';
import { RequireRoles } from '../access/require-roles.decorator';
import type { ApiRequest } from '../http-types';
import { ApiErrorResponses } from '../openapi/error-responses';
import { openApiSchema } from '../openapi/json-schema';
import { readIdempotencyKey } from '../validation/idempotency-key';
import { validBody, validParam } from '../validation/zod-validation.pipe';
import { webhookRequest } from './webhook-request';

@ApiTags('events')
@Controller()
export class EventsController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Post('events/:name')
  @RequireRoles('admin', 'uploader')
  @ApiBearerAuth()
  @HttpCode(202)
  @ApiOperation({ summary: 'Emit an event (e.g. document.uploaded): starts every workflow whose event trigger matches' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeated delivery with the same key starts nothing new' })
  @ApiBody({ schema: openApiSchema(emitEventBodySchema, 'input') })
  @ApiResponse({ status: 202, schema: openApiSchema(emitEventResponseSchema) })
  @ApiErrorResponses(400)
  async emit(
    @Param('name', validParam(eventNameSchema, 'name')) event: string,
    @Body(validBody(emitEventBodySchema)) body: EmitEventBody,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<EmitEventResponse> {
    const { runs, skipped } = await this.platform.events.emit(event, body.payload, actor, readIdempotencyKey(key));
    return { event, runs, skipped };
  }

  /**
   * Open: anyone who knows the URL can start the workflow's webhook trigger (a per-workflow secret
   * comes later). Only workflows that declare a webhook trigger can be started this way.
   */
  @Post('webhooks/:workflowId')
  @PublicRoute()
  @HttpCode(202)
  @ApiOperation({ summary: "Start a workflow's webhook trigger; any JSON body. Needs no token (open for now)" })
  @ApiBody({ required: false, schema: { type: 'object' } })
  @ApiResponse({ status: 202, schema: openApiSchema(runSummarySchema) })
  @ApiErrorResponses(404, 422)
  webhook(@Param('workflowId') workflowId: string, @Req() request: ApiRequest): Promise<RunSummaryBody> {
    return this.platform.events.webhook(workflowId, webhookRequest(request), { id: `webhook:${workflowId}` });
  }
}
