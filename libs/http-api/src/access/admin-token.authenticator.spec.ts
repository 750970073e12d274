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

  it('is open outside production when no token is set, and then matches nothing', () => {
    const authenticator = AdminTokenAuthenticator.fromConfig(loadConfig({ NODE_ENV: 'development' }));
    expect(authenticator.mode).toBe('open');
    expect(authenticator.matches('')).toBe(false);
    expect(authenticator.matches('anything at all')).toBe(false);
  });

  it('matches exactly the token', () => {
    const authenticator = AdminTokenAuthenticator.fromConfig(loadConfig({ NODE_ENV: 'production', CONVEYOR_ADMIN_TOKEN: TOKEN }));
    expect(authenticator.mode).toBe('token');
    expect(authenticator.matches(TOKEN)).toBe(true);
    expect(authenticator.matches(`${TOKEN}x`)).toBe(false);
    expect(authenticator.matches(TOKEN.slice(0, -1))).toBe(false);
    expect(authenticator.matches(TOKEN.toUpperCase())).toBe(false);
    expect(authenticator.matches('')).toBe(false);
  });
});
