import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  diffQuerySchema,
  publishWorkflowResponseSchema,
  revisionDiffSchema,
  revisionNumberSchema,
  rollbackBodySchema,
  validateWorkflowResponseSchema,
  workflowListSchema,
  workflowRevisionListSchema,
  workflowRevisionSchema,
  workflowYamlBodySchema,
  type DiffQuery,
  type PublishWorkflowResponse,
  type RevisionDiffBody,
  type RollbackBody,
  type ValidateWorkflowResponse,
  type WorkflowListBody,
  type WorkflowRevisionBody,
  type WorkflowRevisionListBody,
} from '@conveyor/api-contracts';
import { PLATFORM, type Platform } from '@conveyor/platform';
import type { Actor } from '@conveyor/workflow-runtime';
import { CurrentActor } from '../access/current-actor.decorator';
import { RequireRoles } from '../access/require-roles.decorator';
import type { ApiResponse as HttpResponse } from '../http-types';
import { openApiSchema } from '../openapi/json-schema';
import { ApiErrorResponses } from '../openapi/error-responses';
import { validBody, validParam, validQuery } from '../validation/zod-validation.pipe';
import { toProblemBody, workflowInvalid } from './problem-body';
import { YAML_MEDIA_TYPES, readWorkflowYaml } from './workflow-yaml-body';

const YAML_BODY = {
  description: 'The workflow as raw YAML (Content-Type: text/yaml) or as JSON {"yaml": "..."}',
  schema: openApiSchema(workflowYamlBodySchema, 'input'),
};

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Post()
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Publish a workflow: a new revision when the content changed' })
  @ApiConsumes('application/json', ...YAML_MEDIA_TYPES)
  @ApiBody(YAML_BODY)
  @ApiResponse({ status: 201, description: 'A new revision', schema: openApiSchema(publishWorkflowResponseSchema) })
  @ApiResponse({ status: 200, description: 'Unchanged: the latest revision', schema: openApiSchema(publishWorkflowResponseSchema) })
  @ApiErrorResponses(400, 422)
  async publish(
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<PublishWorkflowResponse> {
    const result = await this.platform.workflows.publish(readWorkflowYaml(body), actor);
    if (!result.ok) throw workflowInvalid(result.problems);
    response.status(result.created ? 201 : 200);
    return { created: result.created, revision: result.revision };
  }

  @Post('validate')
  @RequireRoles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a workflow without publishing it' })
  @ApiConsumes('application/json', ...YAML_MEDIA_TYPES)
  @ApiBody(YAML_BODY)
  @ApiResponse({ status: 200, schema: openApiSchema(validateWorkflowResponseSchema) })
  @ApiErrorResponses(400)
  validate(@Body() body: unknown): ValidateWorkflowResponse {
    const problems = this.platform.workflows.validate(readWorkflowYaml(body));
    return { valid: problems.length === 0, problems: problems.map(toProblemBody) };
  }

  @Get()
  @RequireRoles('admin', 'accountant', 'approver', 'auditor')
  @ApiOperation({ summary: 'List workflows' })
  @ApiResponse({ status: 200, schema: openApiSchema(workflowListSchema) })
  async list(): Promise<WorkflowListBody> {
    return { items: await this.platform.workflows.list() };
  }

  @Get(':id')
  @RequireRoles('admin', 'accountant', 'approver', 'auditor')
  @ApiOperation({ summary: "A workflow's latest revision" })
  @ApiResponse({ status: 200, schema: openApiSchema(workflowRevisionSchema) })
  @ApiErrorResponses(404)
  latest(@Param('id') workflowId: string): Promise<WorkflowRevisionBody> {
    return this.platform.workflows.getRevision(workflowId);
  }

  @Get(':id/revisions')
  @RequireRoles('admin', 'accountant', 'approver', 'auditor')
  @ApiOperation({ summary: "A workflow's revisions" })
  @ApiResponse({ status: 200, schema: openApiSchema(workflowRevisionListSchema) })
  @ApiErrorResponses(404)
  async revisions(@Param('id') workflowId: string): Promise<WorkflowRevisionListBody> {
    return { items: await this.platform.workflows.listRevisions(workflowId) };
  }

  @Get(':id/revisions/:rev')
  @RequireRoles('admin', 'accountant', 'approver', 'auditor')
  @ApiOperation({ summary: 'One revision of a workflow' })
  @ApiResponse({ status: 200, schema: openApiSchema(workflowRevisionSchema) })
  @ApiErrorResponses(400, 404)
  revision(
    @Param('id') workflowId: string,
    @Param('rev', validParam(revisionNumberSchema, 'rev')) revision: number,
  ): Promise<WorkflowRevisionBody> {
    return this.platform.workflows.getRevision(workflowId, revision);
  }

  @Get(':id/diff')
  @RequireRoles('admin', 'accountant', 'approver', 'auditor')
  @ApiOperation({ summary: 'Unified diff of the YAML of two revisions' })
  @ApiResponse({ status: 200, schema: openApiSchema(revisionDiffSchema) })
  @ApiErrorResponses(400, 404)
  diff(@Param('id') workflowId: string, @Query(validQuery(diffQuerySchema)) query: DiffQuery): Promise<RevisionDiffBody> {
    return this.platform.workflows.diff(workflowId, query.from, query.to);
  }

  @Post(':id/rollback')
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Publish the content of an earlier revision as a new revision' })
  @ApiBody({ schema: openApiSchema(rollbackBodySchema, 'input') })
  @ApiResponse({ status: 201, schema: openApiSchema(workflowRevisionSchema) })
  @ApiErrorResponses(400, 404)
  rollback(
    @Param('id') workflowId: string,
    @Body(validBody(rollbackBodySchema)) body: RollbackBody,
    @CurrentActor() actor: Actor,
  ): Promise<WorkflowRevisionBody> {
    return this.platform.workflows.rollback(workflowId, body.revision, actor);
  }
}
