import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@conveyor/kernel';
import { PLATFORM, type Platform } from '@conveyor/platform';
import type { DeliveryOutcome, ReportFormat } from '@conveyor/reporting';
import { CurrentPrincipal } from '../access/current-actor.decorator';
import type { Principal } from '../access/principal';
import { RequireRoles } from '../access/require-roles.decorator';
import { openApiSchema } from '../openapi/json-schema';
import { ApiErrorResponses } from '../openapi/error-responses';
import { validBody, validQuery } from '../validation/zod-validation.pipe';
import { toReportView, type ReportView } from './report.view';
import { generateReportBodySchema, listReportsQuerySchema, type GenerateReportBody, type ListReportsQuery } from './reports-request.schema';

/** RFC 6266: an ASCII fallback and the UTF-8 name; always a download. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Reports: accountants and admins generate every report, auditors the audit extract; the three read the
 * list and download files. Generation runs in the request (seconds even for 100,000 rows); every
 * generation, delivery and download is in the audit trail.
 */
@ApiTags('reports')
@ApiBearerAuth()
@RequireRoles('accountant', 'admin', 'auditor')
@Controller('reports')
export class ReportsController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Post()
  @HttpCode(201)
  @ApiBody({ schema: openApiSchema(generateReportBodySchema, 'input') })
  @ApiOperation({ summary: 'Generate a report (ap-aging, vendor-statement, exceptions, audit-extract, reconciliation-summary) as CSV, XLSX or PDF; optionally e-mail it or post it to a webhook' })
  @ApiErrorResponses(400, 401, 403, 404, 422, 503)
  async generate(@Body(validBody(generateReportBodySchema)) body: GenerateReportBody, @CurrentPrincipal() principal: Principal): Promise<ReportView & { delivered?: DeliveryOutcome }> {
    const reports = this.platform.reports;
    if (!reports.mayGenerate(body.type, principal.roles)) {
      throw new DomainError('FORBIDDEN', `Generating the ${body.type} report needs one of the roles ${reports.registry.get(body.type).roles.join(', ')}`);
    }
    const actor = { id: principal.actor.id, roles: principal.roles };
    const report = await reports.generate({ type: body.type, format: body.format as ReportFormat, parameters: body.parameters }, actor);
    if (!body.deliver || (!body.deliver.email && !body.deliver.webhook)) return toReportView(report);
    const delivered = await reports.deliver(report.id, body.deliver, { actor, idempotencyKey: `report:${report.id}` });
    return { ...toReportView(report), delivered };
  }

  @Get()
  @ApiOperation({ summary: 'Reports, newest first (filter by type; paged with cursor)' })
  @ApiErrorResponses(400, 401, 403)
  async list(@Query(validQuery(listReportsQuerySchema)) query: ListReportsQuery): Promise<{ items: ReportView[]; nextCursor?: string }> {
    const page = await this.platform.reports.list(query);
    return { items: page.items.map(toReportView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }

  @Get(':id')
  @ApiOperation({ summary: "A report's parameters, status, size and SHA-256" })
  @ApiErrorResponses(401, 403, 404)
  async get(@Param('id') id: string): Promise<ReportView> {
    return toReportView(await this.platform.reports.get(id));
  }

  @Get(':id/download')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: 'The report file, as an attachment (audited)' })
  @ApiErrorResponses(401, 403, 404, 409)
  async download(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const { record, contentType, content } = await this.platform.reports.open(id, { id: principal.actor.id });
    return new StreamableFile(content, { type: contentType, length: record.sizeBytes ?? undefined, disposition: contentDisposition(record.fileName) });
  }
}
