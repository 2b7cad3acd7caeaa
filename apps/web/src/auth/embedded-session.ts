import { identityOf, secondsLeft, type Session } from './session';

// The evaluation sign-in of the embedded mode: the gateway signs a demo user's token with the instance's key.
const STORE_KEY = 'pmo.evaluation.user';

export interface DemoUser {
  username: string;
  name: string;
  roles: string[];
  groups: string[];
}

export async function listDemoUsers(): Promise<DemoUser[]> {
  const response = await fetch('/evaluation/users');
  if (!response.ok) throw new Error(`The demo users could not be listed (HTTP ${response.status}).`);
  return (await response.json()) as DemoUser[];
}

async function signIn(username: string): Promise<string> {
  const response = await fetch('/evaluation/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  const body = (await response.json()) as { accessToken?: string; message?: string };
  if (!response.ok || !body.accessToken) throw new Error(body.message ?? `Sign-in failed (HTTP ${response.status}).`);
  return body.accessToken;
}

function sessionFor(username: string, first: string, onSignOut: () => void): Session {
  let token = first;
  return {
    ...identityOf(token),
    mode: 'embedded',
    async accessToken() {
      if (secondsLeft(token) < 60) token = await signIn(username);
      return token;
    },
    async signOut() {
      sessionStorage.removeItem(STORE_KEY);
      onSignOut();
    },
  };
}

export async function signInAsDemoUser(username: string, onSignOut: () => void): Promise<Session> {
  const token = await signIn(username);
  sessionStorage.setItem(STORE_KEY, username);
  return sessionFor(username, token, onSignOut);
}

/** The session of this tab, if it signed in before a reload. */
export async function resumeEmbeddedSession(onSignOut: () => void): Promise<Session | undefined> {
  const username = sessionStorage.getItem(STORE_KEY);
  if (!username) return undefined;
  try {
    return sessionFor(username, await signIn(username), onSignOut);
  } catch {
    sessionStorage.removeItem(STORE_KEY);
    return undefined;
  }
}
