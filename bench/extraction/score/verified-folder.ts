import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A corpus set folder read through its SHA256SUMS: only listed files can be read, and each must match its
 * checksum, so a changed or stray file fails the benchmark instead of skewing it.
 */
export class VerifiedFolder {
  private readonly sums: Map<string, string>;

  constructor(readonly folder: string) {
    const sumsPath = join(folder, 'SHA256SUMS');
    if (!existsSync(sumsPath)) throw new Error(`${folder} has no SHA256SUMS (is ../shared/corpus present?)`);
    this.sums = new Map(
      readFileSync(sumsPath, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
          const [sum, ...path] = line.trim().split(/\s+/);
          return [path.join(' ').replace(/^\*/, '').replace(/^\.\//, ''), sum] as const;
        }),
    );
  }

  /** Listed files (relative paths), optionally those under a folder and with a suffix. */
  list(under: string, suffix: string): string[] {
    return [...this.sums.keys()].filter((path) => path.startsWith(`${under}/`) && path.endsWith(suffix)).sort();
  }

  has(relative: string): boolean {
    return this.sums.has(relative);
  }

  read(relative: string): Buffer {
    const expected = this.sums.get(relative);
    if (!expected) throw new Error(`${relative} is not listed in ${this.folder}/SHA256SUMS`);
    const bytes = readFileSync(join(this.folder, relative));
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== expected) throw new Error(`${this.folder}/${relative}: checksum mismatch`);
    return bytes;
  }

  readJson<T>(relative: string): T {
    return JSON.parse(this.read(relative).toString('utf8')) as T;
  }

  /** Checks the file and returns its absolute path (for extractors that read by path). */
  verifiedPath(relative: string): string {
    this.read(relative);
    return join(this.folder, relative);
  }
}
