import { LOCAL_INFRASTRUCTURE } from './infrastructure';

/** Demo users of `deploy/keycloak/pmo-realm.json`; every one has the password `demo`. */
export type DemoUsername =
  'sam.strategic' | 'rita.reviewer' | 'paula.program' | 'hugo.program' | 'rosa.regulated' | 'pete.project' | 'ada.auditor' | 'pat.platform';

/** A real access token from Keycloak (password grant on the public client `pmo-web`). */
export async function keycloakToken(username: string, options: { realm?: string; clientId?: string; password?: string } = {}): Promise<string> {
  const realm = options.realm ?? 'pmo';
  const response = await fetch(`${LOCAL_INFRASTRUCTURE.keycloakUrl}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: options.clientId ?? 'pmo-web', username, password: options.password ?? 'demo' }),
  });
  if (!response.ok) throw new Error(`Keycloak refused a token for ${username}@${realm}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The same token with one byte of its signature changed. */
export function tamperedToken(token: string): string {
  const [header, payload, signature] = token.split('.');
  const bytes = Buffer.from(signature, 'base64url');
  bytes[bytes.length - 1] ^= 0x01;
  return [header, payload, bytes.toString('base64url')].join('.');
}
