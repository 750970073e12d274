import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  auditExportQuerySchema,
  auditPageSchema,
  auditQuerySchema,
  auditVerificationSchema,
  type AuditExportQuery,
  type AuditPageBody,
  type AuditQuery,
  type AuditVerificationBody,
} from '@conveyor/api-contracts';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { RequireRoles } from '../access/require-roles.decorator';
import { describeError } from '../errors/error-response';
import type { ApiResponse as HttpResponse } from '../http-types';
import { ApiErrorResponses } from '../openapi/error-responses';
import { openApiSchema } from '../openapi/json-schema';
import { validQuery } from '../validation/zod-validation.pipe';
import { auditExportStream, EXPORT_MEDIA_TYPES } from './audit-export';
import { toAuditRecordBody, toStoreQuery } from './audit-record.view';

/** The audit trail for auditors: query it, export it, verify its hash chain. */
@ApiTags('audit')
@ApiBearerAuth()
@RequireRoles('auditor', 'admin')
@Controller('audit')
export class AuditController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Get()
  @ApiOperation({ summary: 'Audit records matching the filters, newest first (order=asc: in chain order), a page at a time' })
  @ApiResponse({ status: 200, schema: openApiSchema(auditPageSchema) })
  @ApiErrorResponses(400, 401, 403, 422)
  async list(@Query(validQuery(auditQuerySchema)) query: AuditQuery): Promise<AuditPageBody> {
    const page = await this.platform.audit.query(toStoreQuery(query));
    return { items: page.items.map(toAuditRecordBody), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }

  @Get('export')
  @ApiOperation({ summary: 'Every record matching the filters in chain order, streamed as JSON Lines (default) or CSV' })
  @ApiProduces(EXPORT_MEDIA_TYPES.jsonl, EXPORT_MEDIA_TYPES.csv)
  @ApiResponse({ status: 200, description: 'JSON Lines: one record per line, as hashed. CSV: a header row, then one row per record' })
  @ApiErrorResponses(400, 401, 403)
  export(@Query(validQuery(auditExportQuerySchema)) query: AuditExportQuery): StreamableFile {
    const { format, ...filter } = query;
    const file = new StreamableFile(auditExportStream(this.platform.audit.export(toStoreQuery(filter)), format), {
      type: EXPORT_MEDIA_TYPES[format],
      disposition: `attachment; filename="audit-trail.${format}"`,
    });
    return file.setErrorHandler((error, response) => {
      this.platform.logger.error({ err: error }, 'audit export failed');
      if (response.headersSent) {
        // Cut the connection: a cleanly ended response would pass a truncated export off as complete.
        response.destroy?.();
        return;
      }
      const described = describeError(error);
      response.statusCode = described.status;
      (response as Partial<Pick<HttpResponse, 'setHeader'>>).setHeader?.('Content-Type', 'application/json; charset=utf-8');
      response.send(JSON.stringify({ status: described.status, error: described.error }));
    });
  }

  @Get('verify')
  @ApiOperation({ summary: "Recompute the hash chain: the first record that was edited, deleted or moved, if any" })
  @ApiResponse({ status: 200, schema: openApiSchema(auditVerificationSchema) })
  @ApiErrorResponses(401, 403)
  verify(): Promise<AuditVerificationBody> {
    return this.platform.audit.verify();
  }
}
