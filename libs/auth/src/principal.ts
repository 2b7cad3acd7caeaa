/** The realm roles of ARCHITECTURE section 5. */
export const PMO_ROLES = ['strategic-admin', 'strategic-reviewer', 'program-manager', 'project-manager', 'auditor', 'platform-admin'] as const;
export type PmoRole = (typeof PMO_ROLES)[number];

/** Who is calling, as the verified token says. */
export interface Principal {
  subject: string;
  username: string;
  name: string;
  roles: string[];
  /** Keycloak groups (one per program and per project) that scope a manager's reach. */
  groups: string[];
}

/** The claims of a Keycloak access token that the platform reads. */
export interface AccessTokenClaims {
  sub: string;
  preferred_username?: string;
  name?: string;
  realm_access?: { roles?: string[] };
  groups?: string[];
}

export function principalFromClaims(claims: AccessTokenClaims): Principal {
  return {
    subject: claims.sub,
    username: claims.preferred_username ?? claims.sub,
    name: claims.name ?? claims.preferred_username ?? claims.sub,
    roles: claims.realm_access?.roles ?? [],
    groups: claims.groups ?? [],
  };
}
