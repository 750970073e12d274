import { Body, Controller, Delete, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiKeyListSchema, apiKeySchema, createApiKeyBodySchema, createApiKeyResponseSchema, type ApiKeyBody, type ApiKeyListBody, type CreateApiKeyBody,
  type CreateApiKeyResponse,
} from '@conveyor/api-contracts';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { CurrentPrincipal } from '../access/current-actor.decorator';
import type { Principal } from '../access/principal';
import { RequireRoles } from '../access/require-roles.decorator';
import { ApiErrorResponses } from '../openapi/error-responses';
import { openApiSchema } from '../openapi/json-schema';
import { validBody } from '../validation/zod-validation.pipe';

/** Credentials for machines (scanners, ERP importers), each with its own roles. */
@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api-keys')
export class ApiKeysController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Get()
  @RequireRoles('admin', 'auditor')
  @ApiOperation({ summary: 'List API keys (never their secrets)' })
  @ApiResponse({ status: 200, schema: openApiSchema(apiKeyListSchema) })
  async list(): Promise<ApiKeyListBody> {
    return { items: await this.platform.identity.listApiKeys() };
  }

  @Post()
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Create an API key; its secret is in this response only. Use it as "Authorization: Bearer <secret>"' })
  @ApiBody({ schema: openApiSchema(createApiKeyBodySchema, 'input') })
  @ApiResponse({ status: 201, schema: openApiSchema(createApiKeyResponseSchema) })
  @ApiErrorResponses(400, 422)
  create(@Body(validBody(createApiKeyBodySchema)) body: CreateApiKeyBody, @CurrentPrincipal() by: Principal): Promise<CreateApiKeyResponse> {
    return this.platform.identity.createApiKey(body, by);
  }

  @Delete(':id')
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Revoke an API key (at once; revoking twice is harmless)' })
  @ApiResponse({ status: 200, schema: openApiSchema(apiKeySchema) })
  @ApiErrorResponses(404)
  revoke(@Param('id') id: string, @CurrentPrincipal() by: Principal): Promise<ApiKeyBody> {
    return this.platform.identity.revokeApiKey(id, by);
  }
}
