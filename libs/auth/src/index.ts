// Bearer-token authentication against Keycloak (keycloak-connect), roles, and the embedded mode's dev tokens.
export { PMO_ROLES, principalFromClaims, type PmoRole, type Principal, type AccessTokenClaims } from './principal';
export { authSettingsFromEnv, type AuthSettings } from './auth-settings';
export { KeycloakTokenVerifier, InvalidTokenError, type TokenVerifier } from './token-verifier';
export { Public, Roles, CurrentPrincipal } from './access.decorators';
export { AuthGuard } from './auth.guard';
export { AuthModule } from './auth.module';
export { demoUsersFromRealm, loadOrCreateDevKeyPair, issueDevToken, type DemoUser, type DevKeyPair, type DevTokenOptions } from './dev-tokens';
