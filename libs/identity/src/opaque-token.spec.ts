import { createHash } from 'node:crypto';
import { hashToken, newOpaqueToken, tokenKindOf } from './opaque-token';

describe('opaque tokens', () => {
  it('are 256 random bits behind a prefix that tells their kind', () => {
    const session = newOpaqueToken('session');
    const apiKey = newOpaqueToken('api-key');
    expect(session).toMatch(/^cvs_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatch(/^cvk_[A-Za-z0-9_-]{43}$/);
    expect(tokenKindOf(session)).toBe('session');
    expect(tokenKindOf(apiKey)).toBe('api-key');
    expect(tokenKindOf('my-admin-token-0123456789')).toBeUndefined();
    const many = new Set(Array.from({ length: 200 }, () => newOpaqueToken('session')));
    expect(many.size).toBe(200);
  });

  it('are stored as their SHA-256 in hex, never as themselves', () => {
    const token = newOpaqueToken('session');
    const stored = hashToken(token);
    expect(stored).toBe(createHash('sha256').update(token).digest('hex'));
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(token.slice(4));
    expect(hashToken(`${token}x`)).not.toBe(stored);
  });
});
