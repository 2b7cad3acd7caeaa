import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { demoUsersFromRealm, devUser, evaluationSignIn, issueDevToken, loadOrCreateDevKeyPair, readDevKeyPair, type DemoUser } from './dev-tokens';
import { InvalidTokenError, KeycloakTokenVerifier } from './token-verifier';

// The embedded mode's real path: dev tokens verified by keycloak-connect against the local key.
const dir = mkdtempSync(join(tmpdir(), 'pmo-keys-'));
const keys = loadOrCreateDevKeyPair(join(dir, 'keys'));
const users = demoUsersFromRealm(resolve(__dirname, '../../../deploy/keycloak/pmo-realm.json'));
const paula = users.find((u) => u.username === 'paula.program') as DemoUser;
const realm = { keycloakUrl: 'http://127.0.0.1:58080', realm: 'pmo' };
const verifier = new KeycloakTokenVerifier({ ...realm, clientId: 'program-pmo', realmPublicKeyPem: keys.publicKeyPem });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dev tokens', () => {
  it('reads the demo users, their roles and groups from the realm file', () => {
    expect(paula).toMatchObject({ username: 'paula.program', groups: ['program-fsm'] });
    expect(paula.roles).toContain('program-manager');
  });

  it('keeps the key pair across restarts', () => {
    expect(loadOrCreateDevKeyPair(join(dir, 'keys'))).toEqual(keys);
  });

  it('issues a token the verifier accepts, with roles and groups', async () => {
    const principal = await verifier.verify(issueDevToken(paula, keys, { ...realm, audience: ['program-pmo'] }));
    expect(principal).toEqual({
      subject: 'dev-paula.program',
      username: 'paula.program',
      name: expect.any(String),
      roles: paula.roles,
      groups: ['program-fsm'],
    });
  });

  it('reads an existing key pair without creating one where there is none', () => {
    expect(readDevKeyPair(join(dir, 'keys'))).toEqual(keys);
    expect(readDevKeyPair(join(dir, 'nowhere'))).toBeNull();
    expect(readDevKeyPair(join(dir, 'nowhere'))).toBeNull();
  });

  it('issues a token for any user name with the roles and groups given, groups as Keycloak maps their paths', async () => {
    const alice = devUser('alice', ['program-manager'], ['/programs/program-grants', 'program-hr']);
    expect(await verifier.verify(issueDevToken(alice, keys, { ...realm, audience: ['program-pmo'] }))).toEqual({
      subject: 'dev-alice',
      username: 'alice',
      name: 'alice',
      roles: ['program-manager'],
      groups: ['program-grants', 'program-hr'],
    });
  });

  it("says a token signed by another key does not match this instance's key", async () => {
    const foreign = issueDevToken(paula, loadOrCreateDevKeyPair(join(dir, 'foreign-keys')), { ...realm, audience: ['program-pmo'] });
    await expect(verifier.verify(foreign)).rejects.toThrow("the signature does not match this instance's signing key");
  });

  it.each([
    ['an expired token', () => issueDevToken(paula, keys, { ...realm, audience: ['program-pmo'], expiresInSeconds: -10 }), 'expired'],
    ['another service’s audience', () => issueDevToken(paula, keys, { ...realm, audience: ['strategic-pmo'] }), 'wrong audience'],
    ['another realm', () => issueDevToken(paula, keys, { ...realm, realm: 'other', audience: ['program-pmo'] }), 'wrong ISS'],
    ['another key', () => issueDevToken(paula, loadOrCreateDevKeyPair(join(dir, 'other-keys')), { ...realm, audience: ['program-pmo'] }), 'signature'],
    ['garbage', () => 'not.a.token', 'expired'],
  ])('refuses %s', async (_case, token, reason) => {
    await expect(verifier.verify(token())).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(token())).rejects.toThrow(reason);
  });
});

describe('the evaluation sign-in', () => {
  const signIn = evaluationSignIn(resolve(__dirname, '../../../deploy/keycloak/pmo-realm.json'), keys, realm);

  it("lists the realm's demo users with their own roles, Keycloak's default-roles composite left out", () => {
    const listed = signIn.users();
    expect(listed.map((u) => u.username)).toEqual(users.map((u) => u.username));
    expect(listed.find((u) => u.username === 'paula.program')).toEqual({
      username: 'paula.program',
      name: `${paula.firstName} ${paula.lastName}`.trim(),
      roles: paula.roles.filter((r) => !r.startsWith('default-roles')),
      groups: ['program-fsm'],
    });
    expect(listed.flatMap((u) => u.roles).filter((r) => r.startsWith('default-roles'))).toEqual([]);
  });

  it.each(['strategic-pmo', 'program-pmo', 'project-pmo'])('signs a demo user in with a token %s accepts', async (clientId) => {
    const token = signIn.tokenFor('paula.program');
    const service = new KeycloakTokenVerifier({ ...realm, clientId, realmPublicKeyPem: keys.publicKeyPem });
    expect(await service.verify(token as string)).toMatchObject({ username: 'paula.program', groups: ['program-fsm'] });
  });

  it('has no token for a name that is not a demo user', () => {
    expect(signIn.tokenFor('mallory')).toBeUndefined();
  });
});
