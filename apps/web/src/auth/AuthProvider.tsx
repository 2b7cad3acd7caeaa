import { Alert, Box, CircularProgress } from '@mui/material';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UserManager } from 'oidc-client-ts';
import { loadSignInConfig, type SignInConfig } from './config';
import { resumeEmbeddedSession, signInAsDemoUser } from './embedded-session';
import type { Session } from './session';
import { SignInPage } from './SignInPage';

interface AuthState {
  session: Session;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

export function useSession(): Session {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useSession outside AuthProvider');
  return state.session;
}

type Phase = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'signed-out'; config: SignInConfig } | { kind: 'signed-in'; session: Session };

/** Shows the sign-in page until someone is signed in, then its children with the session in context. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [manager, setManager] = useState<UserManager>();

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const config = await loadSignInConfig();
        const signedOut = () => setPhase({ kind: 'signed-out', config });
        if (config.mode === 'embedded') {
          const session = await resumeEmbeddedSession(signedOut);
          if (!cancelled) setPhase(session ? { kind: 'signed-in', session } : { kind: 'signed-out', config });
          return;
        }
        // The OIDC client is loaded only where Keycloak signs in: the embedded mode never needs it.
        const { keycloakUserManager, resumeKeycloakSession } = await import('./keycloak-session');
        const userManager = keycloakUserManager(config.authority, config.clientId);
        setManager(userManager);
        const { session, returnTo } = await resumeKeycloakSession(userManager);
        if (returnTo) window.history.replaceState(null, '', returnTo);
        if (!cancelled) setPhase(session ? { kind: 'signed-in', session } : { kind: 'signed-out', config });
      } catch (error) {
        if (!cancelled) setPhase({ kind: 'failed', message: (error as Error).message });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const chooseDemoUser = useCallback(async (username: string) => {
    const session = await signInAsDemoUser(username, () => setPhase({ kind: 'signed-out', config: { mode: 'embedded' } }));
    setPhase({ kind: 'signed-in', session });
  }, []);
  const startKeycloak = useCallback(async () => {
    if (manager) await (await import('./keycloak-session')).signInWithKeycloak(manager);
  }, [manager]);

  const value = useMemo(() => (phase.kind === 'signed-in' ? { session: phase.session } : undefined), [phase]);

  switch (phase.kind) {
    case 'loading':
      return (
        <Box component="main" sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
          <CircularProgress aria-label="Loading" />
        </Box>
      );
    case 'failed':
      return (
        <Box component="main" sx={{ p: 4 }}>
          <Alert severity="error">{phase.message}</Alert>
        </Box>
      );
    case 'signed-out':
      return <SignInPage config={phase.config} onDemoUser={chooseDemoUser} onKeycloak={startKeycloak} />;
    case 'signed-in':
      return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
  }
}
