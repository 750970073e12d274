import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ApiRequest, ApiResponse } from '../http-types';

/** Where `npm run build:portal` (Vite) writes the single-page application. */
export const PORTAL_DIST = resolve(__dirname, '../../../../dist/portal');

/** Paths the API, its documentation and the admin tools own: never answered with the portal. */
const SERVER_PATHS = /^\/(api|metrics|admin)(\/|$)/;

/**
 * The portal shares the API's origin: its session cookie, no CORS. Hashed assets never change (a year in
 * caches); index.html is checked on every visit, and every other page path gets it (the client-side router
 * takes over). Returns false when the portal was not built (API-only processes and most tests).
 */
export function mountPortal(app: NestExpressApplication, directory = PORTAL_DIST): boolean {
  const indexFile = join(directory, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile);
  app.useStaticAssets(join(directory, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false, fallthrough: false });
  app.useStaticAssets(directory, { index: false, maxAge: '1h' });
  app.use((request: ApiRequest & { path: string }, response: ApiResponse, next: () => void) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || SERVER_PATHS.test(request.path)) return next();
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'same-origin');
    response.setHeader('Content-Security-Policy', PORTAL_CSP);
    response.status(200).send(indexHtml);
  });
  return true;
}

/** Everything the portal loads is bundled and same-origin; Monaco injects its styles, PDFs render from blobs. */
const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
].join('; ');
