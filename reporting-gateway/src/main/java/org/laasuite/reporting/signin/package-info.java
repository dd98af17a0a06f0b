/**
 * Signing browsers in. Micronaut Security runs OpenID Connect's authorization code flow with each configured identity
 * provider ({@code /oauth/login/NAME}, its callback, PKCE, state and nonce) and keeps the session in a cookie;
 * here is what the suite adds: who a session is ({@link org.laasuite.reporting.signin.SignedIn}, made from the
 * provider's tokens by {@link org.laasuite.reporting.signin.OpenIdSessions}), local mode's simulated sign-in as a
 * demo person ({@link org.laasuite.reporting.signin.LocalMode}), the sign-in page and {@code /me}
 * ({@link org.laasuite.reporting.signin.SignInController}), the CSRF token a page's forms carry
 * ({@link org.laasuite.reporting.signin.CsrfTokens}) and what every page's header shows of its visitor
 * ({@link org.laasuite.reporting.signin.Visitors}).
 */
package org.laasuite.reporting.signin;
