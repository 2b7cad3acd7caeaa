import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import type { AuthSettings } from './auth-settings';

/** A demo user as declared in the realm file, so the embedded mode has the same users as Keycloak. */
export interface DemoUser {
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  roles: string[];
  groups: string[];
}

interface RealmFile {
  users?: { username: string; firstName?: string; lastName?: string; email?: string; realmRoles?: string[]; groups?: string[] }[];
  clients?: { clientId: string; bearerOnly?: boolean; publicClient?: boolean }[];
}

export interface DevKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

/** Reads the demo users from the realm export (`deploy/keycloak/pmo-realm.json`). */
export function demoUsersFromRealm(realmJsonPath: string): DemoUser[] {
  const realm = JSON.parse(readFileSync(realmJsonPath, 'utf8')) as RealmFile;
  return (realm.users ?? []).map((user) => ({
    username: user.username,
    firstName: user.firstName ?? user.username,
    lastName: user.lastName ?? '',
    email: user.email ?? `${user.username}@example.org`,
    roles: user.realmRoles ?? [],
    groups: (user.groups ?? []).map(groupClaimOf),
  }));
}

/** Keycloak's group mapper without full path gives the last segment of a group path (`/programs/program-fsm` → `program-fsm`). */
function groupClaimOf(path: string): string {
  return path.split('/').filter(Boolean).pop() ?? path;
}

/** Any user, with the roles and groups (paths or names) given: for roles and scopes the demo realm has no user for. */
export function devUser(username: string, roles: readonly string[], groups: readonly string[]): DemoUser {
  return { username, firstName: username, lastName: '', email: `${username}@example.org`, roles: [...roles], groups: groups.map(groupClaimOf) };
}

/** The key pair an embedded instance keeps in `directory`, or null when none is there (nothing is created). */
export function readDevKeyPair(directory: string): DevKeyPair | null {
  const publicPath = join(directory, 'realm-public.pem');
  const privatePath = join(directory, 'realm-private.pem');
  if (!existsSync(publicPath) || !existsSync(privatePath)) return null;
  return { publicKeyPem: readFileSync(publicPath, 'utf8'), privateKeyPem: readFileSync(privatePath, 'utf8') };
}

/**
 * The embedded mode's stand-in for the realm key: an RSA pair generated once and kept in `directory`,
 * so tokens stay valid across restarts.
 */
export function loadOrCreateDevKeyPair(directory: string): DevKeyPair {
  const existing = readDevKeyPair(directory);
  if (existing) return existing;
  const publicPath = join(directory, 'realm-public.pem');
  const privatePath = join(directory, 'realm-private.pem');
  mkdirSync(directory, { recursive: true });
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  writeFileSync(privatePath, privateKey, { mode: 0o600 });
  writeFileSync(publicPath, publicKey);
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

export interface DevTokenOptions {
  keycloakUrl: AuthSettings['keycloakUrl'];
  realm: AuthSettings['realm'];
  audience: string[];
  /** Lifetime in seconds; negative issues an already expired token (for tests). */
  expiresInSeconds?: number;
}

/** Issues an access token with the claims Keycloak puts in one (iss, aud, typ, azp, realm roles, groups). */
export function issueDevToken(user: DemoUser, keys: DevKeyPair, options: DevTokenOptions): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    exp: now + (options.expiresInSeconds ?? 3600),
    iat: now,
    jti: randomUUID(),
    iss: `${options.keycloakUrl}/realms/${options.realm}`,
    aud: options.audience,
    sub: `dev-${user.username}`,
    typ: 'Bearer',
    azp: 'pmo-web',
    preferred_username: user.username,
    name: `${user.firstName} ${user.lastName}`.trim(),
    given_name: user.firstName,
    family_name: user.lastName,
    email: user.email,
    email_verified: true,
    realm_access: { roles: user.roles },
    groups: user.groups,
  };
  return jwt.sign(claims, keys.privateKeyPem, { algorithm: 'RS256', keyid: 'pmo-embedded' });
}

/**
 * The evaluation sign-in of an instance whose local key stands in for the realm's (the embedded mode, the web
 * bench): the realm file's demo users, and for each a token from `keys` that all three services accept. Shaped
 * as the web gateway's `signIn` option for `mode: 'embedded'`.
 */
export function evaluationSignIn(
  realmJsonPath: string,
  keys: DevKeyPair,
  auth: Pick<AuthSettings, 'keycloakUrl' | 'realm'>,
): {
  mode: 'embedded';
  users: () => { username: string; name: string; roles: string[]; groups: string[] }[];
  tokenFor: (username: string) => string | undefined;
} {
  const demoUsers = demoUsersFromRealm(realmJsonPath);
  // Keycloak's `default-roles-*` composite is no role of ours: the sign-in screen leaves it out.
  const listed = demoUsers.map((u) => ({
    username: u.username,
    name: `${u.firstName} ${u.lastName}`.trim(),
    roles: u.roles.filter((r) => !r.startsWith('default-roles')),
    groups: u.groups,
  }));
  return {
    mode: 'embedded',
    users: () => listed,
    tokenFor: (username) => {
      const user = demoUsers.find((u) => u.username === username);
      return user && issueDevToken(user, keys, { keycloakUrl: auth.keycloakUrl, realm: auth.realm, audience: ['strategic-pmo', 'program-pmo', 'project-pmo'] });
    },
  };
}
