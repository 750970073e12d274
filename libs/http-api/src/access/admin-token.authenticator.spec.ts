import { loadConfig } from '@conveyor/config';
import { DomainError } from '@conveyor/kernel';
import { AdminTokenAuthenticator } from './admin-token.authenticator';

const TOKEN = 'correct-horse-battery-staple';

describe('AdminTokenAuthenticator', () => {
  it('refuses to build an open API in production', () => {
    expect(() => AdminTokenAuthenticator.fromConfig(loadConfig({ NODE_ENV: 'production' }))).toThrow(
      expect.objectContaining({ code: 'ADMIN_TOKEN_REQUIRED', message: expect.stringContaining('CONVEYOR_ADMIN_TOKEN') }),
    );
    expect(() => AdminTokenAuthenticator.fromConfig(loadConfig({ NODE_ENV: 'production' }))).toThrow(DomainError);
  });

  it('is open outside production when no token is set', () => {
    const authenticator = AdminTokenAuthenticator.fromConfig(loadConfig({ NODE_ENV: 'development' }));
    expect(authenticator.mode).toBe('open');
    expect(authenticator.authenticate(undefined)?.actor.id).toBe('user:anonymous');
  });

  it('accepts the token as Bearer or as the Basic password, and nothing else', () => {
    const authenticator = AdminTokenAuthenticator.fromConfig(loadConfig({ NODE_ENV: 'production', CONVEYOR_ADMIN_TOKEN: TOKEN }));
    expect(authenticator.mode).toBe('token');
    expect(authenticator.authenticate(`Bearer ${TOKEN}`)?.actor.id).toBe('api-key:admin');
    expect(authenticator.authenticate(`bearer   ${TOKEN}`)?.roles).toEqual(['admin']);
    const basic = Buffer.from(`anyone:${TOKEN}`).toString('base64');
    expect(authenticator.authenticate(`Basic ${basic}`)).toBeDefined();
    expect(authenticator.authenticate(undefined)).toBeUndefined();
    expect(authenticator.authenticate('Bearer')).toBeUndefined();
    expect(authenticator.authenticate(`Bearer ${TOKEN}x`)).toBeUndefined();
    expect(authenticator.authenticate(`Bearer ${TOKEN.slice(0, -1)}`)).toBeUndefined();
    expect(authenticator.authenticate(`Token ${TOKEN}`)).toBeUndefined();
    expect(authenticator.authenticate(`Basic ${Buffer.from(TOKEN).toString('base64')}`)).toBeUndefined();
  });
});
