import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { loginBodySchema, loginResponseSchema, meResponseSchema, type LoginBody, type LoginResponse, type MeResponse } from '@conveyor/api-contracts';
import { isDomainError } from '@conveyor/kernel';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { CurrentPrincipal } from '../access/current-actor.decorator';
import { presentedSessionToken } from '../access/presented-credentials';
import type { Principal } from '../access/principal';
import { PublicRoute } from '../access/public-route.decorator';
import { RequireSignIn } from '../access/require-roles.decorator';
import { clearedSessionCookie, SESSION_COOKIE, sessionCookie } from '../access/session-cookie';
import type { ApiRequest, ApiResponse as HttpResponse } from '../http-types';
import { ApiErrorResponses } from '../openapi/error-responses';
import { openApiSchema } from '../openapi/json-schema';
import { validBody } from '../validation/zod-validation.pipe';

/** Sign in with a password, sign out, and "who am I". */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Post('login')
  @PublicRoute()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in: a session token (also set as the httpOnly conveyor_session cookie). Five wrong passwords lock the account for a while',
  })
  @ApiBody({ schema: openApiSchema(loginBodySchema, 'input') })
  @ApiResponse({ status: 200, schema: openApiSchema(loginResponseSchema) })
  @ApiErrorResponses(400, 401)
  async login(@Body(validBody(loginBodySchema)) body: LoginBody, @Res({ passthrough: true }) response: HttpResponse): Promise<LoginResponse> {
    try {
      const result = await this.platform.identity.login(body.email, body.password);
      response.setHeader('Set-Cookie', sessionCookie(result.token, result.expiresAt, this.cookieOptions()));
      return { token: result.token, expiresAt: result.expiresAt.toISOString(), user: result.user };
    } catch (error) {
      const retryAfter = isDomainError(error) ? error.details['retryAfterSeconds'] : undefined;
      if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
      throw error;
    }
  }

  @Post('logout')
  @RequireSignIn()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({ summary: 'Sign out: ends the session of the token (Bearer or cookie) and clears the cookie' })
  @ApiResponse({ status: 204 })
  @ApiErrorResponses(401)
  async logout(@Req() request: ApiRequest, @Res({ passthrough: true }) response: HttpResponse): Promise<void> {
    const token = presentedSessionToken(request);
    if (token) await this.platform.identity.logout(token);
    response.setHeader('Set-Cookie', clearedSessionCookie(this.cookieOptions()));
  }

  @Get('me')
  @RequireSignIn()
  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({ summary: 'Who is calling: a person, an API key or the admin token, with roles and groups' })
  @ApiResponse({ status: 200, schema: openApiSchema(meResponseSchema) })
  @ApiErrorResponses(401)
  async me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    const me: MeResponse = {
      kind: principal.kind, id: principal.id, displayName: principal.displayName, roles: [...principal.roles], groups: [...principal.groups],
      actor: principal.actor.id,
    };
    if (principal.kind !== 'user') return me;
    try {
      return { ...me, user: await this.platform.identity.getUser(principal.id) };
    } catch (error) {
      // The anonymous admin of open development mode has no account.
      if (isDomainError(error) && error.code === 'USER_NOT_FOUND') return me;
      throw error;
    }
  }

  /** Secure (HTTPS only) in production; plain HTTP on a developer's machine. */
  private cookieOptions() {
    return { secure: this.platform.config.NODE_ENV === 'production' };
  }
}
