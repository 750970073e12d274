import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import { PLATFORM, type Platform } from '@conveyor/platform';
import type { ApiErrorBody } from '@conveyor/api-contracts';
import type { ApiRequest, ApiResponse } from '../http-types';
import { describeError } from './error-response';

/** The one place errors become responses: `{ status, error: { code, message, details? } }`, never a stack. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<ApiRequest>();
    const response = http.getResponse<ApiResponse>();
    const described = describeError(exception);
    // Both are missing when the request failed before pino-http saw it (e.g. in the body parser).
    const requestId = (request.id as unknown) === undefined ? undefined : String(request.id);
    if (described.internal) {
      const log = (request.log as typeof request.log | undefined) ?? this.platform.logger;
      log.error({ err: exception, requestId }, 'request failed');
    }
    if (response.headersSent) return;
    const body: ApiErrorBody = { status: described.status, error: described.error, ...(requestId ? { requestId } : {}) };
    if (described.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="conveyor"');
    response.status(described.status).json(body);
  }
}
