import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, apiRequest, SIGNED_OUT_EVENT } from '../api/client';
import type { Me, Role } from '../api/types';

export interface Session {
  state: 'loading' | 'signed-out' | 'signed-in';
  me?: Me;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Who is signed in (the httpOnly session cookie set by POST /api/auth/login), for every screen. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | undefined>();
  const [state, setState] = useState<Session['state']>('loading');

  const refresh = useCallback(async () => {
    try {
      setMe(await apiRequest<Me>('/api/auth/me'));
      setState('signed-in');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setMe(undefined);
        setState('signed-out');
      } else throw error;
    }
  }, []);

  useEffect(() => {
    void refresh().catch(() => setState('signed-out'));
    const onSignedOut = () => {
      setMe(undefined);
      setState('signed-out');
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [refresh]);

  const session = useMemo<Session>(
    () => ({
      state,
      me,
      async signIn(email, password) {
        await apiRequest('/api/auth/login', { method: 'POST', body: { email, password } });
        await refresh();
      },
      async signOut() {
        await apiRequest('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
        setMe(undefined);
        setState('signed-out');
      },
      hasRole: (...roles) => roles.some((role) => me?.roles.includes(role)),
    }),
    [state, me, refresh],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
