import { Argon2PasswordHasher } from './argon2-password-hasher';

/** Cheap settings keep the test fast; the algorithm and the code path are the real ones. */
const cheap = new Argon2PasswordHasher({ memoryKib: 1024, timeCost: 1 });

describe('Argon2PasswordHasher', () => {
  it('makes salted Argon2id PHC hashes that verify only the right password', async () => {
    const first = await cheap.hash('correct horse battery staple');
    const second = await cheap.hash('correct horse battery staple');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(second).not.toBe(first);
    expect(await cheap.verify(first, 'correct horse battery staple')).toBe(true);
    expect(await cheap.verify(second, 'correct horse battery staple')).toBe(true);
    expect(await cheap.verify(first, 'correct horse battery stapler')).toBe(false);
    expect(await cheap.verify(first, '')).toBe(false);
  });

  it('answers false, not an exception, for a hash it cannot read', async () => {
    expect(await cheap.verify('not a hash', 'whatever password')).toBe(false);
    expect(await cheap.verify('', 'whatever password')).toBe(false);
  });

  it('asks for a rehash of hashes weaker than its settings', async () => {
    const stronger = new Argon2PasswordHasher({ memoryKib: 2048, timeCost: 2 });
    const weak = await cheap.hash('correct horse battery staple');
    expect(cheap.needsRehash(weak)).toBe(false);
    expect(stronger.needsRehash(weak)).toBe(true);
    expect(cheap.needsRehash(await stronger.hash('another long passphrase'))).toBe(false);
    expect(cheap.needsRehash('garbage')).toBe(true);
  });
});
