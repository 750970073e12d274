import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TaskDetailView, TaskPrincipal, TaskView } from '@conveyor/approvals';
import {
  bulkDecideBodySchema, decideTaskBodySchema, delegateTaskBodySchema, listTasksQuerySchema, resubmitTaskBodySchema,
  type BulkDecideBody, type DecideTaskBody, type DelegateTaskBody, type ListTasksQuery, type ResubmitTaskBody,
} from '@conveyor/api-contracts';
import { actorIdOf, type Principal } from '@conveyor/identity';
import { DomainError } from '@conveyor/kernel';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { CurrentPrincipal } from '../access/current-actor.decorator';
import { RequireSignIn } from '../access/require-roles.decorator';
import { ApiErrorResponses } from '../openapi/error-responses';
import { openApiSchema } from '../openapi/json-schema';
import { validBody, validQuery } from '../validation/zod-validation.pipe';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkedTaskId(id: string): string {
  if (!UUID.test(id)) throw new DomainError('TASK_NOT_FOUND', `No task "${id}"`, { taskId: id });
  return id;
}

function asTaskPrincipal(principal: Principal): TaskPrincipal {
  return { id: actorIdOf(principal), roles: principal.roles, groups: principal.groups };
}

/**
 * The approvals inbox. Any signed-in person may call these routes; what they see and may do is decided by
 * the task itself (assignees, roles, groups, segregation of duties), so a task someone may not see is 404.
 */
@ApiTags('tasks')
@ApiBearerAuth()
@RequireSignIn()
@Controller('tasks')
export class TasksController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Get()
  @ApiOperation({ summary: 'My open tasks (or every task with all=true, for admins and auditors), with filters and paging' })
  @ApiErrorResponses(400, 422)
  list(@Query(validQuery(listTasksQuerySchema)) query: ListTasksQuery, @CurrentPrincipal() principal: Principal): Promise<{ items: TaskView[]; nextCursor?: string }> {
    return this.platform.approvals.listTasks(asTaskPrincipal(principal), query);
  }

  @Post('decide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide many tasks; each is decided on its own and reported on its own' })
  @ApiBody({ schema: openApiSchema(bulkDecideBodySchema, 'input') })
  @ApiErrorResponses(400, 422)
  bulkDecide(@Body(validBody(bulkDecideBodySchema)) body: BulkDecideBody, @CurrentPrincipal() principal: Principal) {
    return this.platform.approvals.bulkDecide(asTaskPrincipal(principal), body.items);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A task with its evidence, form and history' })
  @ApiErrorResponses(404)
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<TaskDetailView> {
    return this.platform.approvals.getTask(asTaskPrincipal(principal), checkedTaskId(id));
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take the task so colleagues see someone is on it' })
  @ApiErrorResponses(403, 404, 409)
  claim(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<TaskView> {
    return this.platform.approvals.claim(asTaskPrincipal(principal), checkedTaskId(id));
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give a claimed task back' })
  @ApiErrorResponses(403, 404, 409)
  release(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<TaskView> {
    return this.platform.approvals.release(asTaskPrincipal(principal), checkedTaskId(id));
  }

  @Post(':id/delegate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the task to a named person' })
  @ApiBody({ schema: openApiSchema(delegateTaskBodySchema, 'input') })
  @ApiErrorResponses(403, 404, 409, 422)
  delegate(@Param('id') id: string, @Body(validBody(delegateTaskBodySchema)) body: DelegateTaskBody, @CurrentPrincipal() principal: Principal): Promise<TaskView> {
    return this.platform.approvals.delegate(asTaskPrincipal(principal), checkedTaskId(id), body.to, body.comment);
  }

  @Post(':id/decide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve, reject (reason required) or request changes; the form data become the step outputs' })
  @ApiBody({ schema: openApiSchema(decideTaskBodySchema, 'input') })
  @ApiErrorResponses(403, 404, 409, 422)
  decide(@Param('id') id: string, @Body(validBody(decideTaskBodySchema)) body: DecideTaskBody, @CurrentPrincipal() principal: Principal): Promise<TaskView> {
    return this.platform.approvals.decide(asTaskPrincipal(principal), checkedTaskId(id), body);
  }

  @Post(':id/resubmit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a task whose changes were requested back to its approvers, with corrected data' })
  @ApiBody({ schema: openApiSchema(resubmitTaskBodySchema, 'input') })
  @ApiErrorResponses(403, 404, 409, 422)
  resubmit(@Param('id') id: string, @Body(validBody(resubmitTaskBodySchema)) body: ResubmitTaskBody, @CurrentPrincipal() principal: Principal): Promise<TaskView> {
    return this.platform.approvals.resubmit(asTaskPrincipal(principal), checkedTaskId(id), body);
  }
}
