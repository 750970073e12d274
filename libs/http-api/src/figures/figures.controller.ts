import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { processFiguresQuerySchema, type ProcessFiguresQuery } from '@conveyor/api-contracts';
import { DomainError } from '@conveyor/kernel';
import { PLATFORM, type Platform } from '@conveyor/platform';
import type { ProcessFigures } from '@conveyor/process-metrics';
import { RequireRoles } from '../access/require-roles.decorator';
import { ApiErrorResponses } from '../openapi/error-responses';
import { validQuery } from '../validation/zod-validation.pipe';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_PERIOD_DAYS = 366;

/** How fast and how well the back office runs: cycle time and its split, touchless rate, exceptions, backlog. */
@ApiTags('figures')
@ApiBearerAuth()
@RequireRoles('admin', 'accountant', 'approver', 'auditor')
@Controller('figures')
export class FiguresController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Get('process')
  @ApiOperation({
    summary: 'Process figures for documents uploaded in [from, to): cycle time (median, p95) split into machine, queue and people time; touchless rate; exceptions by code; time to decision; backlog; throughput per day; corrections per field and their weekly trend',
  })
  @ApiResponse({ status: 200, description: 'The figures; durations in milliseconds, rates as fractions with the counts behind them' })
  @ApiErrorResponses(400, 401, 403)
  process(@Query(validQuery(processFiguresQuerySchema)) query: ProcessFiguresQuery): Promise<ProcessFigures> {
    const asOf = new Date();
    const to = query.to ? new Date(query.to) : asOf;
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
    if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
      throw new DomainError('PERIOD_INVALID', `Ask for at most ${MAX_PERIOD_DAYS} days at a time`, { from: from.toISOString(), to: to.toISOString() });
    }
    return this.platform.figures.process({ from, to, asOf, timeZone: query.timeZone, workflowId: query.workflowId });
  }
}
