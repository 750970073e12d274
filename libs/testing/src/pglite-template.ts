import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pgliteDataDir, startEmbeddedPostgres } from '@conveyor/persistence';

/**
 * A freshly initialised PGlite data directory, made once per machine and PGlite version and then
 * copied for every embedded test database: initdb takes seconds, a copy takes milliseconds.
 * Only initdb is skipped; each test database still runs the migrations when it opens.
 */
export async function copyPgliteTemplate(destination: string): Promise<void> {
  const template = join(tmpdir(), `conveyor-pglite-template-${pgliteVersion()}`);
  if (!existsSync(template)) await createTemplate(template);
  cpSync(template, destination, { recursive: true });
}

async function createTemplate(template: string): Promise<void> {
  // Built aside and renamed into place, so parallel test workers never see half a template.
  const building = mkdtempSync(`${template}.building-`);
  try {
    const server = await startEmbeddedPostgres(building);
    await server.stop();
    renameSync(pgliteDataDir(building), template);
  } catch (error) {
    if (!existsSync(template)) throw error; // else another worker was faster
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

function pgliteVersion(): string {
  // The package's exports hide its package.json from require(): read it next to the entry point.
  const packageJson = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}
