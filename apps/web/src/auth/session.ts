/** Who is signed in, as the web app needs it: claims from the access token, and a way to get a fresh one. */
export interface Session {
  username: string;
  name: string;
  /** Realm roles, e.g. strategic-admin, program-manager. */
  roles: readonly string[];
  /** Group names (scope), e.g. program-fsm. */
  groups: readonly string[];
  /** A valid access token, renewed when it is about to expire. */
  accessToken(): Promise<string>;
  signOut(): Promise<void>;
  /** How this session signed in, shown in the header. */
  mode: 'embedded' | 'keycloak';
}

export type Role = 'strategic-admin' | 'strategic-reviewer' | 'program-manager' | 'project-manager' | 'auditor' | 'platform-admin';

interface TokenClaims {
  exp?: number;
  preferred_username?: string;
  name?: string;
  realm_access?: { roles?: string[] };
  groups?: string[];
}

/** The claims of a JWT, read without verifying it: the APIs verify; the app only decides what to show. */
function claimsOf(token: string): TokenClaims {
  const payload = token.split('.')[1] ?? '';
  const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  return JSON.parse(json) as TokenClaims;
}

export function identityOf(token: string): Pick<Session, 'username' | 'name' | 'roles' | 'groups'> {
  const claims = claimsOf(token);
  const username = claims.preferred_username ?? 'unknown';
  return {
    username,
    name: claims.name?.trim() || username,
    roles: (claims.realm_access?.roles ?? []).filter((role) => !role.startsWith('default-roles') && role !== 'offline_access' && role !== 'uma_authorization'),
    groups: (claims.groups ?? []).map((group) => group.replace(/^\//, '')),
  };
}

export function hasAnyRole(session: Pick<Session, 'roles'>, roles: readonly Role[]): boolean {
  return roles.some((role) => session.roles.includes(role));
}

/** Seconds left before the token expires (negative once expired). */
export function secondsLeft(token: string, now = Date.now()): number {
  return (claimsOf(token).exp ?? 0) - Math.floor(now / 1000);
}
