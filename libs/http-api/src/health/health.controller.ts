import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { healthResponseSchema, probeResponseSchema, type HealthResponse, type ProbeResponse } from '@conveyor/api-contracts';
import { toErrorInfo } from '@conveyor/kernel';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { PublicRoute } from '../access/public-route.decorator';
import type { ApiResponse as HttpResponse } from '../http-types';
import { openApiSchema } from '../openapi/json-schema';

/** Probes for load balancers and orchestrators; they need no token. */
@ApiTags('health')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Get()
  @ApiOperation({ summary: 'Database and Redis reachable? 200 or 503' })
  @ApiResponse({ status: 200, schema: openApiSchema(healthResponseSchema) })
  @ApiResponse({ status: 503, schema: openApiSchema(healthResponseSchema) })
  async health(@Res({ passthrough: true }) response: HttpResponse): Promise<HealthResponse> {
    let body: HealthResponse;
    try {
      const health = await this.platform.health();
      body = { status: health.ok ? 'ok' : 'unavailable', checks: health.checks };
    } catch (error) {
      const failed = { ok: false, error: toErrorInfo(error).message };
      body = { status: 'unavailable', checks: { database: failed, redis: failed } };
    }
    response.status(body.status === 'ok' ? 200 : 503);
    return body;
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiResponse({ status: 200, schema: openApiSchema(probeResponseSchema) })
  live(): ProbeResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the platform takes work. 200 or 503' })
  @ApiResponse({ status: 200, schema: openApiSchema(probeResponseSchema) })
  @ApiResponse({ status: 503, schema: openApiSchema(probeResponseSchema) })
  ready(@Res({ passthrough: true }) response: HttpResponse): ProbeResponse {
    const ready = this.platform.isReady();
    response.status(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'unavailable' };
  }
}
