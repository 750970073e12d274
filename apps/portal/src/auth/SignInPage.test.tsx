import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { SessionProvider } from './session';

/** The browser's fetch answered like the API would (the server is not part of a component test). */
function fakeApi(handlers: Record<string, (init?: RequestInit) => { status: number; body?: unknown }>) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const key = `${init?.method ?? 'GET'} ${String(input)}`;
    const handler = handlers[key];
    const answer = handler ? handler(init) : { status: 404, body: { status: 404, error: { code: 'ROUTE_NOT_FOUND', message: key } } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  });
}

afterEach(() => vi.restoreAllMocks());

describe('sign in', () => {
  it('signs in with the cookie session and shows the navigation of the person’s roles', async () => {
    let signedIn = false;
    const api = fakeApi({
      'GET /api/auth/me': () =>
        signedIn
          ? { status: 200, body: { kind: 'user', id: 'u1', displayName: 'Una Uploader', roles: ['uploader'], groups: [], actor: 'user:u1' } }
          : { status: 401, body: { status: 401, error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } } },
      'POST /api/auth/login': (init) => {
        const body = JSON.parse(String(init?.body));
        if (body.password !== 'right password!') return { status: 401, body: { status: 401, error: { code: 'UNAUTHENTICATED', message: 'Wrong email or password' } } };
        signedIn = true;
        return { status: 200, body: { token: 'cvs_x', expiresAt: '2026-12-01T00:00:00Z' } };
      },
    });
    render(
      <MemoryRouter initialEntries={['/']}>
        <SessionProvider>
          <App />
        </SessionProvider>
      </MemoryRouter>,
    );
    await userEvent.type(await screen.findByLabelText('Email'), 'una@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password');

    await userEvent.clear(screen.getByLabelText('Password'));
    await userEvent.type(screen.getByLabelText('Password'), 'right password!{Enter}');
    expect(await screen.findByRole('heading', { name: 'Upload documents' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav).toHaveTextContent('Upload');
    expect(nav).not.toHaveTextContent('Workflows');
    expect(api).toHaveBeenCalledWith('/api/auth/login', expect.objectContaining({ method: 'POST', credentials: 'same-origin' }));
  });
});
