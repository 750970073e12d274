import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const DOCS_PATH = 'api/docs';

const DESCRIPTION = `Conveyor's HTTP API: publish workflows, start and follow runs, emit events.

Every error has the shape \`{ status, error: { code, message, details?, problems? } }\`.
Status by code: BAD_REQUEST/MALFORMED_JSON 400; UNAUTHENTICATED 401; FORBIDDEN 403; *_NOT_FOUND 404;
*_CONFLICT, *_IN_PROGRESS, RUN_NOT_RETRYABLE, RUN_ALREADY_FINISHED 409; VALIDATION_FAILED, BAD_*, INVALID_*,
*_INVALID, INPUT_* 422 (the request is well formed but its content is refused); *_UNAVAILABLE 503; otherwise 500.

Every route except sign-in, the health probes and webhooks needs credentials: \`Authorization: Bearer <token>\`
with a session token (POST /api/auth/login), an API key, or CONVEYOR_ADMIN_TOKEN; browsers may use the
conveyor_session cookie. Each route names the roles it allows (uploader, accountant, approver, admin, auditor);
others get 403. Webhooks are open for now.`;

/** OpenAPI document at /api/docs-json and Swagger UI at /api/docs (assets served locally). */
export function mountApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Conveyor API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'a session token, an API key or CONVEYOR_ADMIN_TOKEN' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json`, yamlDocumentUrl: `${DOCS_PATH}-yaml` });
}
