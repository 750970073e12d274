import { Algorithm, hash, parseOptions, verify } from '@node-rs/argon2';
import type { PasswordHasher } from './password-hasher';

export interface Argon2Settings {
  /** Memory per hash in KiB (OWASP's minimum for Argon2id: 19456 = 19 MiB with 2 passes). */
  memoryKib: number;
  /** Passes over the memory. */
  timeCost: number;
}

export const DEFAULT_ARGON2_SETTINGS: Argon2Settings = { memoryKib: 19_456, timeCost: 2 };

/**
 * Argon2id through @node-rs/argon2 (Rust, prebuilt for each platform inside the npm package; hashing
 * runs on libuv's thread pool, not the event loop). Hashes are PHC strings carrying their own settings,
 * so raising the cost later still verifies old hashes, and needsRehash() upgrades them at sign-in.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  constructor(private readonly settings: Argon2Settings = DEFAULT_ARGON2_SETTINGS) {}

  hash(password: string): Promise<string> {
    return hash(password, {
      algorithm: Algorithm.Argon2id,
      memoryCost: this.settings.memoryKib,
      timeCost: this.settings.timeCost,
      parallelism: 1,
    });
  }

  async verify(hashed: string, password: string): Promise<boolean> {
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  }

  needsRehash(hashed: string): boolean {
    try {
      const used = parseOptions(hashed);
      return used.algorithm !== Algorithm.Argon2id || used.memoryCost < this.settings.memoryKib || used.timeCost < this.settings.timeCost;
    } catch {
      return true;
    }
  }
}
