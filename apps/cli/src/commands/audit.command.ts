import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig, type ConveyorConfig } from '@conveyor/config';
import { DomainError, isDomainError } from '@conveyor/kernel';
import { err, out } from '../console-output';
import { EXIT, type ExitCode } from '../exit-codes';

/** `conveyor audit verify`: recomputes the audit trail's hash chain straight from the database. */
export function registerAuditCommand(program: Command, run: (action: () => Promise<ExitCode>) => Promise<void>): void {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('check every audit record against its hash and the one before it, in the configured database; exit 1 when one was edited, deleted or moved')
    .action(() => run(() => verifyAuditTrail()));
}

async function verifyAuditTrail(): Promise<ExitCode> {
  const config = loadConfig();
  // Loaded here: other commands should not pay for the database driver.
  const { AuditStore, openDatabase, pgliteDataDir } = await import('@conveyor/persistence');
  if (!config.DATABASE_URL && !existsSync(pgliteDataDir(config.CONVEYOR_DATA_DIR))) {
    throw new DomainError('CLI_USAGE', `there is no embedded database in ${config.CONVEYOR_DATA_DIR}; set DATABASE_URL to verify a PostgreSQL database`);
  }
  const database = await openDatabase(config).catch((error: unknown) => {
    throw isDomainError(error) && error.code === 'EMBEDDED_DB_IN_USE' ? embeddedInUse(config) : error;
  });
  try {
    const verdict = await new AuditStore(database.dataSource).verify();
    if (verdict.ok) {
      out(`ok: ${verdict.checked} ${verdict.checked === 1 ? 'record' : 'records'} verified`);
      if (verdict.head) out(`head: record ${verdict.head.seq}, hash ${verdict.head.hash}`);
      return EXIT.ok;
    }
    const broken = verdict.firstBroken as NonNullable<typeof verdict.firstBroken>;
    out(`broken at record ${broken.seq}: ${broken.reason} (${broken.message})`);
    err(`${verdict.checked} ${verdict.checked === 1 ? 'record' : 'records'} verified before the break`);
    return EXIT.failed;
  } finally {
    await database.close();
  }
}

/** PGlite takes one process at a time: the running Conveyor can verify instead. */
function embeddedInUse(config: ConveyorConfig): DomainError {
  return new DomainError(
    'CLI_USAGE',
    `the embedded database in ${config.CONVEYOR_DATA_DIR} is in use by a running Conveyor, and only one process can open it. ` +
      `Ask the running API instead: GET ${config.CONVEYOR_API_URL.replace(/\/$/, '')}/api/audit/verify ` +
      '(or stop Conveyor and run this again)',
  );
}
