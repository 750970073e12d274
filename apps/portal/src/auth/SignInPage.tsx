import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useSession } from './session';

export function SignInPage() {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await session.signIn(email, password);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The server could not be reached');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="container sign-in">
      <article>
        <header>
          <h1>Conveyor</h1>
          <p>Sign in to upload, review and approve.</p>
        </header>
        <form onSubmit={submit} aria-describedby={error ? 'sign-in-error' : undefined}>
          <label>
            Email
            <input type="email" name="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
          </label>
          <label>
            Password
            <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
          </label>
          {error && (
            <p id="sign-in-error" role="alert" className="error-text">
              {error}
            </p>
          )}
          <button type="submit" aria-busy={busy} disabled={busy}>
            Sign in
          </button>
        </form>
      </article>
    </main>
  );
}
