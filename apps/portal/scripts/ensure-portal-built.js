#!/usr/bin/env node
// Builds the portal into dist/portal when it is missing or older than its sources (npm start, e2e tests).
// Exit status 0 when the portal is ready; the build's own output explains a failure.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

const repository = resolve(__dirname, '../../..');
const builtIndex = join(repository, 'dist/portal/index.html');
const sources = [join(repository, 'apps/portal'), join(repository, 'workflows/schema/workflow-v1.schema.json')];

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

function portalIsCurrent() {
  if (!existsSync(builtIndex)) return false;
  const built = statSync(builtIndex).mtimeMs;
  return sources.every((source) => !existsSync(source) || newestChange(source) <= built);
}

function ensurePortalBuilt() {
  if (portalIsCurrent()) return true;
  const vite = join(repository, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'apps/portal/vite.config.mts', '--logLevel', 'warn'], { cwd: repository, stdio: 'inherit' });
  return result.status === 0;
}

module.exports = { ensurePortalBuilt, portalIsCurrent, builtIndex };

if (require.main === module) {
  if (!ensurePortalBuilt()) {
    console.error('The portal could not be built (see above).');
    process.exit(1);
  }
}
