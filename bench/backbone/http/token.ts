/** A real token of the demo realm's strategic admin (Keycloak from deploy/local/up), who may register any program. */
export async function strategicAdminToken(): Promise<string> {
  const keycloakUrl = (process.env.PMO_KEYCLOAK_URL ?? 'http://127.0.0.1:58080').replace(/\/+$/, '');
  const response = await fetch(`${keycloakUrl}/realms/pmo/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'pmo-web', username: 'sam.strategic', password: 'demo' }),
  });
  if (!response.ok) throw new Error(`Keycloak refused a token for sam.strategic: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
