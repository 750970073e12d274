import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  createUserBodySchema, setPasswordBodySchema, updateUserBodySchema, userListSchema, userSchema, type CreateUserBody, type UpdateUserBody,
  type UserBody, type UserListBody,
} from '@conveyor/api-contracts';
import { hasAnyRole } from '@conveyor/identity';
import { DomainError } from '@conveyor/kernel';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { CurrentPrincipal } from '../access/current-actor.decorator';
import { presentedSessionToken } from '../access/presented-credentials';
import type { Principal } from '../access/principal';
import { RequireRoles, RequireSignIn } from '../access/require-roles.decorator';
import type { ApiRequest } from '../http-types';
import { ApiErrorResponses } from '../openapi/error-responses';
import { openApiSchema } from '../openapi/json-schema';
import { validBody } from '../validation/zod-validation.pipe';

/** People and their roles. Admins manage them; auditors may review who has which access. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Get()
  @RequireRoles('admin', 'auditor')
  @ApiOperation({ summary: 'List users' })
  @ApiResponse({ status: 200, schema: openApiSchema(userListSchema) })
  async list(): Promise<UserListBody> {
    return { items: await this.platform.identity.listUsers() };
  }

  @Post()
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Create a user (password: at least 12 characters, not the email)' })
  @ApiBody({ schema: openApiSchema(createUserBodySchema, 'input') })
  @ApiResponse({ status: 201, schema: openApiSchema(userSchema) })
  @ApiErrorResponses(400, 409, 422)
  create(@Body(validBody(createUserBodySchema)) body: CreateUserBody, @CurrentPrincipal() by: Principal): Promise<UserBody> {
    return this.platform.identity.createUser(body, by);
  }

  @Patch(':id')
  @RequireRoles('admin')
  @ApiOperation({ summary: "Change a user's roles, groups, display name or active flag (disabling ends their sessions)" })
  @ApiBody({ schema: openApiSchema(updateUserBodySchema, 'input') })
  @ApiResponse({ status: 200, schema: openApiSchema(userSchema) })
  @ApiErrorResponses(400, 404, 409, 422)
  update(@Param('id') id: string, @Body(validBody(updateUserBodySchema)) body: UpdateUserBody, @CurrentPrincipal() by: Principal): Promise<UserBody> {
    return this.platform.identity.updateUser(id, body, by);
  }

  /**
   * Everyone may change their own password (with the current one); admins set anyone's. Checked
   * before the body, so a caller without the right learns nothing from validation errors.
   */
  @Post(':id/password')
  @RequireSignIn()
  @HttpCode(204)
  @ApiOperation({ summary: "Set a password: one's own (currentPassword required) or, for admins, anyone's. Ends the user's other sessions" })
  @ApiBody({ schema: openApiSchema(setPasswordBodySchema, 'input') })
  @ApiResponse({ status: 204 })
  @ApiErrorResponses(400, 403, 404, 422)
  async setPassword(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() by: Principal, @Req() request: ApiRequest): Promise<void> {
    const self = by.kind === 'user' && by.id === id;
    if (!self && !hasAnyRole(by, ['admin'])) throw new DomainError('FORBIDDEN', "Only admins may set another user's password");
    const change = validBody(setPasswordBodySchema).transform(body);
    await this.platform.identity.changePassword(id, change, by, { keepSessionToken: presentedSessionToken(request) });
  }
}
