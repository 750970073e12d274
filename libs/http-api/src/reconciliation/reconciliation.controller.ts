import { readFile, rm } from 'node:fs/promises';
import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { DomainError } from '@conveyor/kernel';
import { PLATFORM, type Platform } from '@conveyor/platform';
import type { ImportSummary, ReconcileRunSummary } from '@conveyor/reconciliation';
import type { Actor } from '@conveyor/workflow-runtime';
import { CurrentActor } from '../access/current-actor.decorator';
import { RequireRoles } from '../access/require-roles.decorator';
import { DocumentUploadInterceptor, UPLOAD_FIELD } from '../documents/document-upload.interceptor';
import type { IncomingFileInfo } from '../documents/incoming-file-storage';
import type { ApiRequest } from '../http-types';
import { ApiErrorResponses } from '../openapi/error-responses';
import { validBody, validQuery, ZodValidationPipe } from '../validation/zod-validation.pipe';
import {
  decisionBodySchema, exceptionsQuerySchema, importByDocumentSchema, limitQuerySchema, linkBodySchema, openItemsQuerySchema, resolveBodySchema, runBodySchema,
  transactionsQuerySchema,
} from './reconciliation-query.schema';
import { exceptionView, matchView, openItemView, transactionView } from './reconciliation-views';

/**
 * The parser refuses a file with its own codes (STATEMENT_MALFORMED, STATEMENT_FORMAT_UNKNOWN, ...), which the
 * API's status table does not know: they are answered as 422 STATEMENT_INVALID with the parser's code as reason.
 */
function refusedStatement(error: unknown): unknown {
  if (!(error instanceof DomainError) || !error.code.startsWith('STATEMENT_')) return error;
  return new DomainError('STATEMENT_INVALID', error.message, { ...error.details, reason: error.code });
}

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('BAD_REQUEST', 'The id must be a UUID') });

/**
 * Bank reconciliation (issue 5): statements in, transactions with their match state, suggestions to confirm or
 * reject, links by hand (splits), open items, exceptions. Readers see everything; accountants and admins
 * decide; every decision is audited by the service.
 */
@ApiTags('reconciliation')
@ApiBearerAuth()
@RequireRoles('accountant', 'approver', 'auditor', 'admin')
@Controller()
export class ReconciliationController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Post('bank-statements')
  @RequireRoles('accountant', 'admin')
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ description: `multipart: one statement file in the field "${UPLOAD_FIELD}"; JSON: { documentId } of an uploaded statement document` })
  @ApiOperation({ summary: 'Imports a bank statement (camt.052/053/054, MT940/942, OFX, CSV) at once: lines already stored are skipped, a malformed file stores nothing' })
  @ApiErrorResponses(400, 401, 403, 404, 413, 422)
  async importStatement(@Req() request: ApiRequest & { files?: (IncomingFileInfo & { originalname: string })[] }, @CurrentActor() actor: Actor): Promise<ImportSummary> {
    const parts = Array.isArray(request.files) ? request.files : [];
    try {
      if (parts.length > 1) throw new DomainError('BAD_REQUEST', 'Send one statement file at a time');
      if (parts.length === 1) {
        const bytes = await readFile(parts[0].path);
        return await this.platform.reconciliation.importStatement({ bytes, fileName: parts[0].originalname, sourceDocumentId: null }, actor.id);
      }
      const body = new ZodValidationPipe(importByDocumentSchema, 'request body', {}).transform((request as { body?: unknown }).body);
      return await this.platform.reconciliation.importStatementDocument(body.documentId, actor.id, body.csvMapping as never);
    } catch (error) {
      throw refusedStatement(error);
    } finally {
      await Promise.all(parts.map((part) => rm(part.path, { force: true }).catch(() => undefined)));
    }
  }

  @Get('bank-statements')
  @ApiOperation({ summary: 'Imported statements, newest first, with lines added and the issues found' })
  async statements(@Query(validQuery(limitQuerySchema)) query: z.infer<typeof limitQuerySchema>) {
    return { items: await this.platform.reconciliation.listStatements(query.limit) };
  }

  @Get('bank-transactions')
  @ApiOperation({ summary: 'Bank lines with their match state (unmatched, suggested, matched) and matches; filters state, accountId, from, to' })
  @ApiErrorResponses(401, 403, 422)
  async transactions(@Query(validQuery(transactionsQuerySchema)) query: z.infer<typeof transactionsQuerySchema>) {
    return { items: (await this.platform.reconciliation.listTransactions(query)).map(transactionView) };
  }

  @Post('reconciliation/run')
  @RequireRoles('accountant', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reconciles every unmatched bank line now (the nightly workflow does the same)' })
  run(@Body(validBody(runBodySchema)) body: z.infer<typeof runBodySchema>, @CurrentActor() actor: Actor): Promise<ReconcileRunSummary> {
    return this.platform.reconciliation.reconcile(actor.id, null, body);
  }

  @Get('reconciliation/suggestions')
  @ApiOperation({ summary: 'Proposed matches waiting for a person, with the line, the items and the reasons' })
  async suggestions(@Query(validQuery(limitQuerySchema)) query: z.infer<typeof limitQuerySchema>) {
    const suggestions = await this.platform.reconciliation.listSuggestions(query.limit);
    return {
      items: suggestions.map((suggestion) => ({
        ...matchView(suggestion.match), transaction: suggestion.transaction ? transactionView(suggestion.transaction) : null, openItems: suggestion.openItems.map(openItemView),
      })),
    };
  }

  @Post('reconciliation/matches/:id/confirm')
  @RequireRoles('accountant', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirms a suggestion: the items are settled and the decision teaches the learned rules' })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async confirm(@Param('id', uuid) id: string, @Body(validBody(decisionBodySchema)) body: z.infer<typeof decisionBodySchema>, @CurrentActor() actor: Actor) {
    return matchView(await this.platform.reconciliation.confirm(id, actor.id, body.note ?? null));
  }

  @Post('reconciliation/matches/:id/reject')
  @RequireRoles('accountant', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rejects a suggestion: the line is unmatched again and the same proposal is not made again' })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async reject(@Param('id', uuid) id: string, @Body(validBody(decisionBodySchema)) body: z.infer<typeof decisionBodySchema>, @CurrentActor() actor: Actor) {
    return matchView(await this.platform.reconciliation.reject(id, actor.id, body.note ?? null));
  }

  @Post('reconciliation/links')
  @RequireRoles('accountant', 'admin')
  @ApiOperation({ summary: 'Links a bank line by hand to one or more open items with the amounts (a split payment)' })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  async link(@Body(validBody(linkBodySchema)) body: z.infer<typeof linkBodySchema>, @CurrentActor() actor: Actor) {
    return matchView(await this.platform.reconciliation.link(body.transactionId, body.allocations, actor.id, body.note ?? null));
  }

  @Get('reconciliation/exceptions')
  @ApiOperation({ summary: 'Reconciliation findings (PAYMENT_UNMATCHED, PAYMENT_AMBIGUOUS, UNDERPAID, OVERPAID, FX_DIFFERENCE, STATEMENT_BALANCE_BREAK) with evidence' })
  async exceptions(@Query(validQuery(exceptionsQuerySchema)) query: z.infer<typeof exceptionsQuerySchema>) {
    return { items: (await this.platform.reconciliation.listExceptions(query)).map(exceptionView) };
  }

  @Post('reconciliation/exceptions/:id/resolve')
  @RequireRoles('accountant', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolves a finding with a note saying how' })
  @ApiErrorResponses(400, 401, 403, 404)
  resolve(@Param('id', uuid) id: string, @Body(validBody(resolveBodySchema)) body: z.infer<typeof resolveBodySchema>, @CurrentActor() actor: Actor) {
    return this.platform.reconciliation.resolveException(id, body.resolution, actor.id);
  }

  @Get('open-items')
  @ApiOperation({ summary: 'Open items (invoices awaiting payment) and paid ones, with what is still open' })
  async openItems(@Query(validQuery(openItemsQuerySchema)) query: z.infer<typeof openItemsQuerySchema>) {
    return { items: (await this.platform.reconciliation.listOpenItems({ status: query.status, vendorName: query.vendorName, afterId: query.after, limit: query.limit })).map(openItemView) };
  }

  @Post('open-items')
  @RequireRoles('accountant', 'admin')
  @ApiOperation({ summary: 'Creates open items: one object or { items: [...] }; an item whose id was sent before is skipped' })
  @ApiErrorResponses(400, 401, 403, 422)
  createOpenItems(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ created: string[]; alreadyKnown: number }> {
    const items = body && typeof body === 'object' && Array.isArray((body as { items?: unknown }).items) ? (body as { items: unknown[] }).items : [body];
    return this.platform.reconciliation.createOpenItems(items, actor.id);
  }

  @Post('open-items/import')
  @RequireRoles('accountant', 'admin')
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string' }, description: 'CSV with the columns of `conveyor reconcile --open-items`: id, vendorName, vendorIban, invoiceNumber, currency, amount, issueDate, dueDate' })
  @ApiOperation({ summary: 'Imports open items from CSV: every row is checked first, then all are stored, or none' })
  @ApiErrorResponses(400, 401, 403, 415, 422)
  importOpenItems(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ created: string[]; alreadyKnown: number }> {
    if (typeof body !== 'string') throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the CSV as the request body with Content-Type: text/csv');
    return this.platform.reconciliation.importOpenItemsFile(Buffer.from(body, 'utf8'), 'open-items.csv', actor.id);
  }
}
