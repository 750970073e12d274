import type { ApiRequest } from '../http-types';
import { presentedCredentials, presentedSessionToken } from './presented-credentials';

function request(method: string, headers: Record<string, string>): ApiRequest {
  return { method, headers } as unknown as ApiRequest;
}

describe('presentedCredentials', () => {
  it('reads Bearer tokens and the password of Basic, whatever the scheme case', () => {
    expect(presentedCredentials(request('GET', { authorization: 'Bearer abc' }))).toEqual([{ token: 'abc', source: 'bearer' }]);
    expect(presentedCredentials(request('GET', { authorization: 'bearer   abc ' }))).toEqual([{ token: 'abc', source: 'bearer' }]);
    const basic = Buffer.from('anyone:s3cret:with:colons').toString('base64');
    expect(presentedCredentials(request('GET', { authorization: `Basic ${basic}` }))).toEqual([{ token: 's3cret:with:colons', source: 'basic' }]);
    expect(presentedCredentials(request('GET', { authorization: `Basic ${Buffer.from('no-colon').toString('base64')}` }))).toEqual([]);
    expect(presentedCredentials(request('GET', { authorization: 'Token abc' }))).toEqual([]);
    expect(presentedCredentials(request('GET', { authorization: 'Bearer' }))).toEqual([]);
    expect(presentedCredentials(request('GET', {}))).toEqual([]);
  });

  it('reads the conveyor_session cookie after the header', () => {
    const headers = { authorization: 'Bearer abc', cookie: 'theme=dark; conveyor_session=cvs_xyz; other=1' };
    expect(presentedCredentials(request('GET', headers))).toEqual([
      { token: 'abc', source: 'bearer' },
      { token: 'cvs_xyz', source: 'cookie' },
    ]);
    expect(presentedSessionToken(request('GET', headers))).toBe('cvs_xyz');
    expect(presentedCredentials(request('GET', { cookie: 'conveyor_session=' }))).toEqual([]);
    expect(presentedCredentials(request('GET', { cookie: 'not_conveyor_session=cvs_1' }))).toEqual([]);
  });

  it('ignores the cookie on writes from another origin (cross-site request forgery), not on same-origin ones', () => {
    const cookie = 'conveyor_session=cvs_xyz';
    expect(presentedCredentials(request('POST', { cookie, host: 'conveyor.example.com', origin: 'https://evil.example.net' }))).toEqual([]);
    expect(presentedCredentials(request('POST', { cookie, host: 'conveyor.example.com', origin: 'not a url' }))).toEqual([]);
    expect(presentedCredentials(request('POST', { cookie, host: 'conveyor.example.com', origin: 'https://conveyor.example.com' }))).toHaveLength(1);
    expect(presentedCredentials(request('POST', { cookie, host: 'conveyor.example.com' }))).toHaveLength(1);
    expect(presentedCredentials(request('GET', { cookie, host: 'conveyor.example.com', origin: 'https://evil.example.net' }))).toHaveLength(1);
    const bearer = { authorization: 'Bearer abc', host: 'conveyor.example.com', origin: 'https://evil.example.net' };
    expect(presentedCredentials(request('POST', bearer))).toEqual([{ token: 'abc', source: 'bearer' }]);
  });
});
