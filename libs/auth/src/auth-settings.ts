export interface AuthSettings {
  /** Keycloak base URL; tokens' `iss` must be `<url>/realms/<realm>`. */
  keycloakUrl: string;
  realm: string;
  /** This service's client id; tokens must name it in `aud`. */
  clientId: string;
  /**
   * PEM public key that stands in for the realm key in the embedded mode. When absent the key is
   * fetched from the realm's JWKS.
   */
  realmPublicKeyPem?: string;
}

/** Reads one service's auth settings (`PMO_KEYCLOAK_URL`, `PMO_KEYCLOAK_REALM`, `<SERVICE>_KEYCLOAK_CLIENT_ID`). */
export function authSettingsFromEnv(service: string, env: NodeJS.ProcessEnv): AuthSettings {
  const prefix = service.toUpperCase().replace(/-/g, '_');
  const keycloakUrl = (env.PMO_KEYCLOAK_URL ?? 'http://127.0.0.1:58080').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(keycloakUrl)) throw new Error(`Invalid environment variables: PMO_KEYCLOAK_URL must be an http(s) URL, got ${keycloakUrl}`);
  return {
    keycloakUrl,
    realm: env.PMO_KEYCLOAK_REALM ?? 'pmo',
    clientId: env[`${prefix}_KEYCLOAK_CLIENT_ID`] ?? service,
  };
}
