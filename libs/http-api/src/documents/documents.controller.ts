import { readFile, rm } from 'node:fs/promises';
import { Controller, Get, Header, Inject, Param, Post, Query, Req, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { documentViewer, toDocumentListView, toDocumentView, toIntakeView, type DocumentView, type IntakeView } from '@conveyor/documents';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { CurrentPrincipal } from '../access/current-actor.decorator';
import type { Principal } from '../access/principal';
import { RequireRoles } from '../access/require-roles.decorator';
import type { ApiRequest } from '../http-types';
import { ApiErrorResponses } from '../openapi/error-responses';
import { ApiQueryParameters } from '../openapi/query-parameters';
import { validQuery } from '../validation/zod-validation.pipe';
import { listDocumentsQuerySchema, toDocumentFilter, type ListDocumentsQuery } from './documents-query.schema';
import { DocumentUploadInterceptor, UPLOAD_FIELD } from './document-upload.interceptor';
import type { IncomingFileInfo } from './incoming-file-storage';

/** A file as multer leaves it in request.files (with IncomingFileStorage). */
interface UploadedPart extends IncomingFileInfo {
  originalname: string;
}

function viewerOf(principal: Principal) {
  return documentViewer(principal.actor.id, principal.roles);
}

/**
 * RFC 6266: an ASCII fallback name and the real one percent-encoded. Always a download: uploaded XML or
 * SVG-like content must never run as a page on the API's origin.
 */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * Document intake. Uploaders, accountants and admins upload; accountants, approvers, auditors and admins
 * read every document, uploaders only their own (another's is 404, as if it did not exist).
 */
@ApiTags('documents')
@ApiBearerAuth()
@RequireRoles('uploader', 'accountant', 'approver', 'auditor', 'admin')
@Controller('documents')
export class DocumentsController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Post()
  @RequireRoles('uploader', 'accountant', 'admin')
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [UPLOAD_FIELD], properties: { [UPLOAD_FIELD]: { type: 'array', items: { type: 'string', format: 'binary' } } } } })
  @ApiOperation({
    summary: 'Upload one or many documents (PDF, PNG, JPEG, TIFF, XML); each is stored, refused ones too, with its status and reason',
  })
  @ApiErrorResponses(400, 401, 403)
  async upload(@Req() request: ApiRequest & { files?: UploadedPart[] }, @CurrentPrincipal() principal: Principal): Promise<{ items: IntakeView[] }> {
    const parts = Array.isArray(request.files) ? request.files : [];
    try {
      const results = await this.platform.documents.intake(
        parts.map((part) => ({ fileName: part.originalname, read: () => readFile(part.path) })),
        { id: principal.actor.id },
      );
      return { items: results.map((result) => toIntakeView(result.document, result.duplicate, result.fileName)) };
    } finally {
      await Promise.all(parts.map((part) => rm(part.path, { force: true }).catch(() => undefined)));
    }
  }

  @Get()
  @ApiOperation({
    summary: 'Documents matching a search (vendor, invoice number, status, amount, issue or upload date, free text), sorted, a page at a time, with the total',
  })
  @ApiQueryParameters(listDocumentsQuerySchema)
  @ApiErrorResponses(400, 401, 403)
  async list(
    @Query(validQuery(listDocumentsQuerySchema)) query: ListDocumentsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: DocumentView[]; total: number; limit: number; offset: number; nextCursor?: string }> {
    const page = await this.platform.documents.list(viewerOf(principal), toDocumentFilter(query));
    return {
      items: page.items.map(toDocumentListView),
      total: page.total,
      limit: page.limit,
      offset: page.offset,
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  @Get(':id')
  @ApiOperation({ summary: "A document's metadata: type, size, pages, status and, when refused, why" })
  @ApiErrorResponses(401, 403, 404)
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<DocumentView> {
    return toDocumentView(await this.platform.documents.get(viewerOf(principal), id));
  }

  @Get(':id/content')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: 'The stored bytes, with the detected media type (refused documents are kept and readable too)' })
  @ApiErrorResponses(401, 403, 404)
  async content(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const { document, content } = await this.platform.documents.openContent(viewerOf(principal), id);
    return new StreamableFile(content, {
      type: document.mediaType ?? 'application/octet-stream',
      length: document.sizeBytes,
      disposition: contentDisposition(document.fileName),
    });
  }
}
