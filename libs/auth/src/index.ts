// Bearer-token authentication against Keycloak (keycloak-connect), roles, and the embedded mode's dev tokens.
export { PMO_ROLES, principalFromClaims, type PmoRole, type Principal, type AccessTokenClaims } from './principal';
export { authSettingsFromEnv, type AuthSettings } from './auth-settings';
export { KeycloakTokenVerifier, InvalidTokenError, type TokenVerifier } from './token-verifier';
export { Public, Roles, CurrentPrincipal, InScope, type ScopeTarget } from './access.decorators';
export {
  AccessScope,
  projectCodesByProgram,
  GOVERNANCE_ROLES,
  ORGANISATION_WIDE_ROLES,
  PROGRAM_GROUP_PREFIX,
  PROJECT_GROUP_PREFIX,
  type ScopedResource,
} from './access-scope';
export { SCOPE_RESOLVER, type ScopeResolver } from './scope-resolver';
export { AuthGuard, OutOfScopeException } from './auth.guard';
export { AuthModule } from './auth.module';
export {
  demoUsersFromRealm,
  devUser,
  evaluationSignIn,
  loadOrCreateDevKeyPair,
  readDevKeyPair,
  issueDevToken,
  type DemoUser,
  type DevKeyPair,
  type DevTokenOptions,
} from './dev-tokens';
