import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The Content-Security-Policy of the web app's pages and the other usual security headers (helmet).
 * Scripts only from the app's own origin: Vite's build has no inline script, and neither ECharts,
 * CodeMirror nor MUI evaluates code. Styles may be inline, because MUI (Emotion) and CodeMirror insert
 * their style elements at run time. The browser talks to its own origin only, and in the Keycloak mode to
 * the identity provider too (discovery, token and refresh requests). No page may be framed.
 */
export function securityHeaders(identityProvider?: string): RequestHandler {
  const idp = identityProvider ? [new URL(identityProvider).origin] : [];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...idp],
        // oidc-client-ts renews in a hidden frame when a refresh token is missing.
        frameSrc: idp.length ? idp : ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    // Same-origin referrers keep the app's own links working; nothing leaks to other origins.
    referrerPolicy: { policy: 'same-origin' },
  });
}
