import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { RequireRoles } from '../access/require-roles.decorator';
import type { ApiResponse as HttpResponse } from '../http-types';

/** Prometheus scrape endpoint (outside /api). Needs the admin token when one is set. */
@ApiTags('metrics')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  @Get()
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format)' })
  @ApiProduces('text/plain')
  async metrics(@Res({ passthrough: true }) response: HttpResponse): Promise<string> {
    const text = await this.platform.metrics.metrics();
    response.type(this.platform.metrics.contentType);
    return text;
  }
}
