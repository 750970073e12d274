import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  listRunsQuerySchema,
  runDetailSchema,
  runIdSchema,
  runPageSchema,
  runSummarySchema,
  startRunBodySchema,
  type ListRunsQuery,
  type RunDetailBody,
  type RunPageBody,
  type RunSummaryBody,
  type StartRunBody,
} from '@conveyor/api-contracts';
import { DomainError } from '@conveyor/kernel';
import { PLATFORM, type Platform } from '@conveyor/platform';
import type { Actor } from '@conveyor/workflow-runtime';
import { CurrentActor } from '../access/current-actor.decorator';
import { RequireRoles } from '../access/require-roles.decorator';
import { ApiErrorResponses } from '../openapi/error-responses';
import { openApiSchema } from '../openapi/json-schema';
import { readIdempotencyKey } from '../validation/idempotency-key';
import { validBody, validQuery } from '../validation/zod-validation.pipe';

/** A malformed run id cannot name a run: answered like an unknown one. */
function checkedRunId(id: string): string {
  if (!runIdSchema.safeParse(id).success) throw new DomainError('RUN_NOT_FOUND', `No run "${id}"`, { runId: id });
  return id;
}

@ApiTags('runs')
@ApiBearerAuth()
@Controller()
export class RunsController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Post('workflows/:id/runs')
  @RequireRoles('admin', 'accountant', 'uploader')
  @ApiOperation({ summary: "Start a run of a workflow (its latest revision unless 'revision' is given)" })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeated request with the same key returns the first run' })
  @ApiBody({ schema: openApiSchema(startRunBodySchema, 'input') })
  @ApiResponse({ status: 201, schema: openApiSchema(runSummarySchema) })
  @ApiErrorResponses(400, 404, 422)
  start(
    @Param('id') workflowId: string,
    @Body(validBody(startRunBodySchema)) body: StartRunBody,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<RunSummaryBody> {
    return this.platform.runs.start(
      {
        workflowId,
        revision: body.revision,
        inputs: body.inputs,
        trigger: { type: 'manual', via: 'api' },
        idempotencyKey: readIdempotencyKey(key),
      },
      actor,
    );
  }

  @Get('runs')
  @RequireRoles('admin', 'accountant', 'approver', 'auditor')
  @ApiOperation({ summary: 'List runs, newest first' })
  @ApiResponse({ status: 200, schema: openApiSchema(runPageSchema) })
  @ApiErrorResponses(400)
  list(@Query(validQuery(listRunsQuerySchema)) query: ListRunsQuery): Promise<RunPageBody> {
    return this.platform.runs.list(query);
  }

  @Get('runs/:id')
  @RequireRoles('admin', 'accountant', 'approver', 'auditor')
  @ApiOperation({ summary: 'A run with its steps and events' })
  @ApiResponse({ status: 200, schema: openApiSchema(runDetailSchema) })
  @ApiErrorResponses(404)
  get(@Param('id') runId: string): Promise<RunDetailBody> {
    return this.platform.runs.get(checkedRunId(runId));
  }

  @Post('runs/:id/cancel')
  @RequireRoles('admin', 'accountant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a run' })
  @ApiResponse({ status: 200, schema: openApiSchema(runSummarySchema) })
  @ApiErrorResponses(404, 409)
  cancel(@Param('id') runId: string, @CurrentActor() actor: Actor): Promise<RunSummaryBody> {
    return this.platform.runs.cancel(checkedRunId(runId), actor);
  }

  @Post('runs/:id/retry')
  @RequireRoles('admin', 'accountant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry a failed run from its failed steps' })
  @ApiResponse({ status: 200, schema: openApiSchema(runSummarySchema) })
  @ApiErrorResponses(404, 409)
  retry(@Param('id') runId: string, @CurrentActor() actor: Actor): Promise<RunSummaryBody> {
    return this.platform.runs.retry(checkedRunId(runId), actor);
  }
}
