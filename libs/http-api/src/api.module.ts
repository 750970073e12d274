import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { AccessGuard } from './access/access.guard';
import { AdminTokenAuthenticator } from './access/admin-token.authenticator';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { EventsController } from './events/events.controller';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { AUDIT_CONTROLLERS, AUDIT_PROVIDERS } from './audit/audit-http';
import { AUTH_CONTROLLERS, AUTH_PROVIDERS } from './auth/auth-http';
import { DOCUMENTS_CONTROLLERS, DOCUMENTS_PROVIDERS } from './documents/documents-http';
import { RECONCILIATION_CONTROLLERS, RECONCILIATION_PROVIDERS } from './reconciliation/reconciliation-http';
import { REPORTS_CONTROLLERS, REPORTS_PROVIDERS } from './reports/reports-http';
import { FIGURES_CONTROLLERS, FIGURES_PROVIDERS } from './figures/figures-http';
import { PURCHASING_CONTROLLERS, PURCHASING_PROVIDERS } from './purchasing/purchasing-http';
import { LIVE_CONTROLLERS, LIVE_PROVIDERS } from './live/live-http';
import { assignRequestId } from './request-id';
import { RunsController } from './runs/runs.controller';
import { TasksController } from './tasks/tasks.controller';
import { WorkflowsController } from './workflows/workflows.controller';

/** Probes and scrapes would drown the request log. */
const QUIET_PATHS = new Set(['/api/health/live', '/api/health/ready', '/metrics']);

@Module({})
export class ApiModule {
  /** The API over an existing Platform (built by createPlatform in main.ts, the CLI or a test). */
  static forPlatform(platform: Platform, authenticator: AdminTokenAuthenticator): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger: platform.logger,
            genReqId: assignRequestId,
            autoLogging: { ignore: (request) => QUIET_PATHS.has((request.url ?? '').split('?')[0]) },
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
          },
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        }),
      ],
      controllers: [WorkflowsController, RunsController, EventsController, HealthController, MetricsController, TasksController, ...AUTH_CONTROLLERS, ...AUDIT_CONTROLLERS, ...DOCUMENTS_CONTROLLERS, ...REPORTS_CONTROLLERS, ...RECONCILIATION_CONTROLLERS, ...LIVE_CONTROLLERS, ...FIGURES_CONTROLLERS, ...PURCHASING_CONTROLLERS],
      providers: [
        { provide: PLATFORM, useValue: platform },
        { provide: AdminTokenAuthenticator, useValue: authenticator },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        ...AUTH_PROVIDERS,
        ...AUDIT_PROVIDERS,
        ...DOCUMENTS_PROVIDERS,
        ...REPORTS_PROVIDERS,
        ...RECONCILIATION_PROVIDERS,
        ...FIGURES_PROVIDERS,
        ...PURCHASING_PROVIDERS,
        ...LIVE_PROVIDERS,
      ],
    };
  }
}
