/** Turns passwords into salted, slow hashes (PHC strings) and checks them. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a hash this hasher cannot read. */
  verify(hash: string, password: string): Promise<boolean>;
  /** True when the hash was made with weaker settings than today's: rehashed at the next sign-in. */
  needsRehash(hash: string): boolean;
}
