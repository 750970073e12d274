import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DomainError } from '@conveyor/kernel';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { CSV_IMPORT_KINDS, type CsvImportKind, type PurchaseOrder, type Vendor } from '@conveyor/purchasing';
import type { Actor } from '@conveyor/workflow-runtime';
import { CurrentActor } from '../access/current-actor.decorator';
import { RequireRoles } from '../access/require-roles.decorator';
import { ApiErrorResponses } from '../openapi/error-responses';
import { validParam, validQuery } from '../validation/zod-validation.pipe';

const listOrdersQuerySchema = z.strictObject({
  vendorId: z.string().uuid().optional(),
  status: z.enum(['open', 'closed', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const importKindSchema = z.enum(CSV_IMPORT_KINDS);

/** One object or `{ items: [...] }`: both save all or nothing. */
function itemsOf(body: unknown): unknown[] {
  if (body && typeof body === 'object' && Array.isArray((body as { items?: unknown }).items)) return (body as { items: unknown[] }).items;
  return [body];
}

/**
 * Purchasing master data for matching (issue 5): vendors, purchase orders and goods receipts, as JSON or CSV
 * imports. Readers see them; accountants and admins change them; every change is audited.
 */
@ApiTags('purchasing')
@ApiBearerAuth()
@RequireRoles('accountant', 'approver', 'auditor', 'admin')
@Controller()
export class PurchasingController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Get('vendors')
  @ApiOperation({ summary: 'Vendors with their aliases, VAT ids and IBANs' })
  async vendors(): Promise<{ items: Vendor[] }> {
    return { items: await this.platform.purchasing.listVendors() };
  }

  @Post('vendors')
  @RequireRoles('accountant', 'admin')
  @ApiOperation({ summary: 'Creates or updates vendors (matched by name): one object, or { items: [...] }' })
  @ApiErrorResponses(400, 401, 403, 422)
  async saveVendors(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ items: Vendor[] }> {
    return { items: await this.platform.purchasing.saveVendors(itemsOf(body), actor.id) };
  }

  @Get('purchase-orders')
  @ApiOperation({ summary: 'Purchase orders with their lines' })
  async orders(@Query(validQuery(listOrdersQuerySchema)) query: z.infer<typeof listOrdersQuerySchema>): Promise<{ items: PurchaseOrder[] }> {
    return { items: await this.platform.purchasing.listOrders(query) };
  }

  @Get('purchase-orders/:number')
  @ApiOperation({ summary: 'One purchase order by its number' })
  @ApiErrorResponses(401, 403, 404)
  order(@Param('number') number: string): Promise<PurchaseOrder> {
    return this.platform.purchasing.getOrder(number);
  }

  @Post('purchase-orders')
  @RequireRoles('accountant', 'admin')
  @ApiOperation({ summary: 'Creates or replaces purchase orders (by number) with their lines: one object, or { items: [...] }' })
  @ApiErrorResponses(400, 401, 403, 422)
  async saveOrders(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ items: PurchaseOrder[] }> {
    return { items: await this.platform.purchasing.saveOrders(itemsOf(body), actor.id) };
  }

  @Post('goods-receipts')
  @RequireRoles('accountant', 'admin')
  @ApiOperation({ summary: 'Records goods receipts against order lines; a receipt whose reference the order already has is skipped' })
  @ApiErrorResponses(400, 401, 403, 422)
  receipts(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ recorded: number; alreadyKnown: number }> {
    return this.platform.purchasing.recordReceipts(itemsOf(body), actor.id);
  }

  @Post('purchasing/import/:kind')
  @RequireRoles('accountant', 'admin')
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string' }, description: 'CSV with a header row; see libs/purchasing/README.md for the columns of each kind' })
  @ApiOperation({ summary: 'Imports vendors, purchase-orders or goods-receipts from CSV: every row is checked first, then all are saved, or none' })
  @ApiErrorResponses(400, 401, 403, 415, 422)
  import(@Param('kind', validParam(importKindSchema, 'kind')) kind: CsvImportKind, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ kind: CsvImportKind; rows: number; saved: number }> {
    if (typeof body !== 'string') throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the CSV as the request body with Content-Type: text/csv');
    return this.platform.purchasing.importCsv(kind, body, actor.id);
  }
}
