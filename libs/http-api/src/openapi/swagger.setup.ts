import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const DOCS_PATH = 'api/docs';

const DESCRIPTION = `Conveyor's HTTP API: publish workflows, start and follow runs, emit events.

Every error has the shape \`{ status, error: { code, message, details?, problems? } }\`.
Status by code: BAD_REQUEST/MALFORMED_JSON 400; UNAUTHENTICATED 401; FORBIDDEN 403; *_NOT_FOUND 404;
*_CONFLICT, *_IN_PROGRESS, RUN_NOT_RETRYABLE, RUN_ALREADY_FINISHED 409; VALIDATION_FAILED, BAD_*, INVALID_*,
*_INVALID, INPUT_* 422 (the request is well formed but its content is refused); *_UNAVAILABLE 503; otherwise 500.

When CONVEYOR_ADMIN_TOKEN is set every route except the health probes and webhooks needs
\`Authorization: Bearer <token>\`. Webhooks are open for now.`;

/** OpenAPI document at /api/docs-json and Swagger UI at /api/docs (assets served locally). */
export function mountApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Conveyor API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'CONVEYOR_ADMIN_TOKEN' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json`, yamlDocumentUrl: `${DOCS_PATH}-yaml` });
}
