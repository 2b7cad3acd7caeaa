import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { identityOf, type Session } from './session';

// Keycloak's own login page: OIDC authorization code with PKCE on the public client, tokens renewed with
// the refresh token before they expire, sign-out at Keycloak.
const SIGNED_IN_PATH = '/signed-in';

export function keycloakUserManager(authority: string, clientId: string): UserManager {
  return new UserManager({
    authority,
    client_id: clientId,
    redirect_uri: `${window.location.origin}${SIGNED_IN_PATH}`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    scope: 'openid profile',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

function sessionOf(manager: UserManager, user: User): Session {
  let current = user;
  manager.events.addUserLoaded((renewed) => {
    current = renewed;
  });
  return {
    ...identityOf(current.access_token),
    mode: 'keycloak',
    async accessToken() {
      if ((current.expires_in ?? 0) < 30) current = (await manager.signinSilent()) ?? current;
      return current.access_token;
    },
    async signOut() {
      await manager.signoutRedirect({ id_token_hint: current.id_token });
    },
  };
}

let signedInCallback: ReturnType<UserManager['signinRedirectCallback']> | undefined;

/**
 * The session after Keycloak redirected back (completing the code exchange), or the one kept for this
 * tab; undefined when the user must sign in.
 */
export async function resumeKeycloakSession(manager: UserManager): Promise<{ session?: Session; returnTo?: string }> {
  if (window.location.pathname === SIGNED_IN_PATH) {
    // The code exchange consumes the stored state: a second resume of the same redirect waits for the first.
    signedInCallback ??= manager.signinRedirectCallback();
    const user = await signedInCallback;
    return { session: sessionOf(manager, user), returnTo: (user.state as string | undefined) ?? '/' };
  }
  const user = await manager.getUser();
  if (!user || user.expired) {
    if (user?.refresh_token) {
      const renewed = await manager.signinSilent().catch(() => null);
      if (renewed) return { session: sessionOf(manager, renewed) };
    }
    return {};
  }
  return { session: sessionOf(manager, user) };
}

export async function signInWithKeycloak(manager: UserManager): Promise<void> {
  await manager.signinRedirect({ state: window.location.pathname + window.location.search });
}
