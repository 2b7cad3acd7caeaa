/** How this deployment signs users in; served by the gateway at /config.json. */
export type SignInConfig = { mode: 'embedded' } | { mode: 'keycloak'; authority: string; clientId: string };

export async function loadSignInConfig(): Promise<SignInConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`The sign-in configuration could not be read (HTTP ${response.status}).`);
  return (await response.json()) as SignInConfig;
}
