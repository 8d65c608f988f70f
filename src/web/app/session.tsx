import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionView, UserView } from '../../contracts/auth.ts';
import { api, ApiError, setCsrfToken } from '../shared/api.ts';

interface SessionState {
  user: UserView | null;
  loading: boolean;
  /** True after an explicit logout: the next login starts afresh instead of returning to the last page. */
  loggedOut: boolean;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Knows who is logged in; keeps the CSRF token for the API client. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<UserView | null>(null);
  const [loading, setLoading] = useState(true);
  const [loggedOut, setLoggedOut] = useState(false);

  const accept = useCallback((session: SessionView | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    setUser(session?.user ?? null);
  }, []);

  useEffect(() => {
    api
      .get<SessionView>('/api/auth/session')
      .then(accept)
      .catch((error) => {
        if (!(error instanceof ApiError)) console.error(error);
        accept(null);
      })
      .finally(() => setLoading(false));
  }, [accept]);

  const value: SessionState = {
    user,
    loading,
    loggedOut,
    login: async (email, password) => {
      accept(await api.post<SessionView>('/api/auth/login', { email, password }));
      setLoggedOut(false);
    },
    logout: async () => {
      await api.post('/api/auth/logout').catch(() => undefined);
      setLoggedOut(true);
      accept(null);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The logged-in user; only for pages behind RequireLogin. */
export function useUser(): UserView {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a user');
  return user;
}

export const isCoordinator = (user: UserView) => user.role === 'samordnare' || user.role === 'admin';
