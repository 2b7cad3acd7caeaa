import { LOCAL_INFRASTRUCTURE } from './infrastructure';
import { keycloakToken } from './keycloak-tokens';

/**
 * A user of realm `pmo` made for one test run through Keycloak's admin API (the dev-mode master admin of
 * deploy/local), with one realm role and membership of the named groups; returns his access token.
 * This is what an administrator does for a new program: create the group `program-<code>`, add its managers.
 */
export async function keycloakUserToken(username: string, role: string, groups: string[]): Promise<string> {
  const admin = await masterAdminToken();
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${LOCAL_INFRASTRUCTURE.keycloakUrl}/admin/realms/pmo${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const created = await api('POST', '/users', {
    username,
    enabled: true,
    emailVerified: true,
    firstName: username,
    lastName: 'Test',
    email: `${username}@example.org`,
    credentials: [{ type: 'password', value: 'demo', temporary: false }],
  });
  if (created.status !== 201) throw new Error(`Keycloak did not create user ${username}: ${created.status} ${await created.text()}`);
  const userId = (created.headers.get('location') ?? '').split('/').pop();
  const realmRole = await (await api('GET', `/roles/${role}`)).json();
  const mapped = await api('POST', `/users/${userId}/role-mappings/realm`, [realmRole]);
  if (!mapped.ok) throw new Error(`Keycloak did not give ${username} the role ${role}: ${mapped.status}`);
  for (const group of groups) {
    const made = await api('POST', '/groups', { name: group });
    if (made.status !== 201 && made.status !== 409) throw new Error(`Keycloak did not create group ${group}: ${made.status}`);
    const found = (await (await api('GET', `/groups?search=${encodeURIComponent(group)}&exact=true`)).json()) as { id: string; name: string }[];
    const groupId = found.find((g) => g.name === group)?.id;
    const joined = await api('PUT', `/users/${userId}/groups/${groupId}`);
    if (!joined.ok) throw new Error(`Keycloak did not put ${username} in ${group}: ${joined.status}`);
  }
  return keycloakToken(username);
}

async function masterAdminToken(): Promise<string> {
  const response = await fetch(`${LOCAL_INFRASTRUCTURE.keycloakUrl}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' }),
  });
  if (!response.ok) throw new Error(`Keycloak master admin token refused: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
