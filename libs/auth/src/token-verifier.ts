import KeycloakConnect from 'keycloak-connect';
import type { AuthSettings } from './auth-settings';
import { principalFromClaims, type AccessTokenClaims, type Principal } from './principal';
import { VerifiedTokens } from './verified-tokens';

// Room for every token of a busy hour's callers; beyond that a token is verified again, never refused.
const VERIFIED_TOKENS_MAX = 10_000;

/** Thrown for a missing, malformed, expired, tampered or foreign token. */
export class InvalidTokenError extends Error {
  readonly code = 'AUTH.INVALID_TOKEN';
}

/** The one seam where bearer tokens are checked; swap the implementation here, nowhere else. */
export interface TokenVerifier {
  verify(rawToken: string): Promise<Principal>;
}

interface VerifiedGrant {
  access_token?: { content: AccessTokenClaims & { exp?: number } };
}

/**
 * Verifies access tokens with keycloak-connect: RS256 signature against the realm key (JWKS, or the
 * embedded mode's local key), expiry, issuer (`<url>/realms/<realm>`) and audience (this service's client).
 */
export class KeycloakTokenVerifier implements TokenVerifier {
  private readonly keycloak: KeycloakConnect.Keycloak;
  private readonly realm: string;
  private readonly localKey: boolean;
  private readonly verified = new VerifiedTokens(VERIFIED_TOKENS_MAX);

  constructor(settings: AuthSettings) {
    this.realm = settings.realm;
    this.localKey = settings.realmPublicKeyPem !== undefined;
    const config: Record<string, unknown> = {
      realm: settings.realm,
      'auth-server-url': settings.keycloakUrl,
      resource: settings.clientId,
      'bearer-only': true,
      'verify-token-audience': true,
      'ssl-required': 'external',
      'confidential-port': 0,
    };
    if (settings.realmPublicKeyPem) config['realm-public-key'] = pemBody(settings.realmPublicKeyPem);
    this.keycloak = new KeycloakConnect({}, config as unknown as KeycloakConnect.KeycloakConfig);
  }

  /**
   * A token seen before and not yet expired gives the principal it gave then (`VerifiedTokens`): its signature
   * and claims cannot have changed. Each request of a client otherwise converted the realm's key and checked
   * the RSA signature again.
   */
  async verify(rawToken: string): Promise<Principal> {
    const known = this.verified.get(rawToken, Date.now());
    if (known) return known;
    try {
      const grant = (await this.keycloak.grantManager.createGrant({ access_token: rawToken } as never)) as unknown as VerifiedGrant;
      const claims = grant.access_token?.content;
      if (!claims?.sub) throw new Error('token has no subject');
      const principal = principalFromClaims(claims);
      // A token without `exp` (keycloak-connect lets it through) is verified on every request, never kept.
      if (claims.exp !== undefined) this.verified.set(rawToken, principal, claims.exp * 1000);
      return principal;
    } catch (error) {
      throw new InvalidTokenError(this.explain((error as Error).message.replace(/^Grant validation failed\. Reason: /, '')));
    }
  }

  // A wrong signature is the usual trip-up of the embedded mode: a dev token signed beside another instance.
  private explain(reason: string): string {
    if (reason === 'invalid token (signature)' && this.localKey) {
      return `${reason}: the signature does not match this instance's signing key; issue the token with npm run dev-token beside this instance (the same PMO_EMBEDDED_DIR)`;
    }
    if (reason === 'invalid token (public key signature)') return `${reason}: the signature does not match any key of realm ${this.realm}`;
    return reason;
  }
}

// keycloak-connect wants the bare base64 key and adds the PEM armour itself.
function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
}
