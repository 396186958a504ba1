/**
 * Authentication and identity: token verification, identity providers, password hashing and the
 * guards built on them. A double here usually means "auth always says yes".
 */
import type { CatalogEntry } from '../types.js';

const TOKEN_HIDES = [
  'expired tokens (exp) and not-yet-valid tokens (nbf), with clock skew',
  'signature checks with the wrong key, and algorithms outside the allow-list (alg: none, HS/RS confusion)',
  'audience and issuer checks',
  'the error raised on rejection and how the caller turns it into a 401',
];
const TOKEN_ALTERNATIVE = 'real tokens signed with a test key (jsonwebtoken or jose), verified by the real code';

const OIDC_ALTERNATIVE =
  'a real OpenID Connect provider in a container (Keycloak, or mock-oauth2-server) issuing tokens the real middleware verifies';

const PASSWORD_ALTERNATIVE = 'the real hashing library with a low cost factor in tests';

export const auth: CatalogEntry[] = [
  // Tokens
  { match: 'jsonwebtoken', kind: 'auth', system: 'JWT verification', hides: TOKEN_HIDES, alternative: TOKEN_ALTERNATIVE },
  {
    match: 'jose',
    kind: 'auth',
    system: 'JWT/JOSE verification',
    hides: [
      'JWTExpired and JWTClaimValidationFailed for exp, nbf, aud and iss, with clock tolerance',
      'JWSSignatureVerificationFailed for the wrong key or algorithm',
      'remote JWKS: unknown kid (JWKSNoMatchingKey), key rotation and fetch timeouts',
      'the error raised on rejection and how the caller turns it into a 401',
    ],
    alternative: `${TOKEN_ALTERNATIVE}, with a local JWKS served from the test when keys are fetched remotely`,
  },
  { match: '@nestjs/jwt', kind: 'auth', system: 'JWT verification (NestJS JwtService)', hides: TOKEN_HIDES, alternative: TOKEN_ALTERNATIVE },
  {
    match: 'jwks-rsa',
    kind: 'auth',
    system: 'JWKS key retrieval',
    hides: [
      'SigningKeyNotFoundError for a kid the provider does not publish',
      'key rotation and the cache serving a stale key set',
      'rate limiting and timeouts when fetching the JWKS endpoint',
    ],
    alternative: 'a local JWKS endpoint served by the test with tokens signed by its key, or a real provider in a container (Keycloak, mock-oauth2-server)',
  },
  {
    match: 'express-jwt',
    kind: 'auth',
    system: 'JWT middleware (express-jwt)',
    hides: [
      'UnauthorizedError codes (credentials_required, invalid_token) and the 401 the error handler sends',
      'the required algorithms option and the key or secret callback',
      'token extraction from the Authorization header and the req.auth it sets',
    ],
    alternative: 'the real middleware on the real app (supertest) with tokens signed by a test key',
  },
  {
    match: 'express-oauth2-jwt-bearer',
    kind: 'auth',
    system: 'OAuth 2.0 bearer token middleware',
    hides: [
      'issuer and audience validation against the discovered metadata',
      'InvalidTokenError (401) and insufficient_scope (403) from requiredScopes',
      'JWKS fetching and key rotation',
    ],
    alternative: OIDC_ALTERNATIVE,
  },
  {
    match: 'openid-client',
    kind: 'auth',
    system: 'OpenID Connect relying party',
    hides: [
      'discovery and issuer metadata mismatches',
      'state, nonce and PKCE checks on the callback',
      'token endpoint errors (invalid_grant) and ID token validation',
    ],
    alternative: OIDC_ALTERNATIVE,
  },
  {
    match: 'google-auth-library',
    kind: 'auth',
    system: 'Google identity and OAuth',
    hides: [
      'ID token verification: audience mismatch, expiry, Google certificate rotation',
      'refresh failures (invalid_grant) for revoked or expired refresh tokens',
      'application default credentials missing outside Google Cloud',
    ],
    alternative: 'verification of real tokens from a local OIDC provider (mock-oauth2-server) where the audience is configurable; a test Google project in a scheduled job',
  },

  // Passport and framework guards
  {
    match: 'passport',
    kind: 'auth',
    system: 'Passport authentication',
    hides: [
      'strategy verification of credentials and tokens',
      'session serialisation and deserialisation of the user',
      'the 401 or redirect on missing or bad credentials',
    ],
    alternative: 'the real strategy on the real app (supertest) with test credentials or tokens signed by a test key',
  },
  {
    match: 'passport-*',
    kind: 'auth',
    system: 'Passport strategy',
    hides: [
      'credential or token verification done by the strategy',
      'token extraction (header, cookie, query) the strategy is configured for',
      'the rejection path and its status code',
    ],
    alternative: 'the real strategy on the real app with test credentials, tokens signed by a test key, or a provider in a container (Keycloak)',
  },
  {
    match: '@nestjs/passport',
    kind: 'auth',
    system: 'NestJS Passport guard',
    hides: [
      "token verification by the guard's strategy",
      'role and permission checks after authentication',
      'the 401 and 403 responses of the real guard',
    ],
    alternative: 'the real guard in the testing module, called through the real app (supertest) with tokens signed by a test key',
  },

  // Identity providers
  {
    match: 'next-auth',
    kind: 'auth',
    system: 'Auth.js sessions (NextAuth.js)',
    hides: [
      'session and jwt callbacks that shape the session the app reads',
      'encrypted session tokens that need the right secret (AUTH_SECRET / NEXTAUTH_SECRET)',
      'CSRF checks on sign-in and expired sessions',
    ],
    alternative: 'a real session created through a test credentials provider, or a provider in a container (Keycloak)',
  },
  {
    match: '@auth/*',
    kind: 'auth',
    system: 'Auth.js',
    hides: [
      'adapter writes of users, accounts and sessions to the real database',
      'session and jwt callbacks that shape the session the app reads',
      'secure cookie names and CSRF checks',
    ],
    alternative: 'a real session created through a test credentials provider, with the adapter on the real database in a container (Testcontainers)',
  },
  {
    match: '@auth0/*',
    kind: 'auth',
    system: 'Auth0',
    hides: [
      'callback state validation and the encrypted session cookie',
      'access token refresh and expiry',
      'audience and scopes on the issued tokens',
    ],
    alternative: `${OIDC_ALTERNATIVE}; an Auth0 test tenant in a scheduled job`,
  },
  {
    match: 'auth0',
    kind: 'auth',
    system: 'Auth0 Management API',
    hides: [
      'tenant rate limits (429) on management calls',
      'management token scopes (403 insufficient_scope)',
      'user search query syntax and paging',
    ],
    alternative: 'an Auth0 test tenant exercised in a scheduled job, with recorded responses in CI',
  },
  {
    match: '@okta/*',
    kind: 'auth',
    system: 'Okta',
    hides: [
      'issuer, audience and client id checks on access tokens',
      'key rotation in the org\'s JWKS',
      'API rate limits and E0000… error codes from the management API',
    ],
    alternative: `${OIDC_ALTERNATIVE}; an Okta developer org in a scheduled job`,
  },
  {
    match: '@clerk/*',
    kind: 'auth',
    system: 'Clerk',
    hides: [
      'short-lived session tokens and clock skew when verifying them',
      'authorized parties (azp) checks',
      'organisation roles and permissions on the session',
    ],
    alternative: 'a Clerk development instance with testing tokens (@clerk/testing) signing in real test users',
  },
  {
    match: '@supabase/auth-js',
    kind: 'auth',
    system: 'Supabase Auth',
    hides: [
      'AuthApiError codes (invalid_credentials, email_not_confirmed)',
      'session refresh and expired access tokens',
      'row level security that depends on auth.uid() of the real session',
    ],
    alternative: 'the Supabase local stack (supabase start from the Supabase CLI) with real test users',
  },
  {
    match: 'firebase/auth',
    kind: 'auth',
    system: 'Firebase Authentication (client SDK)',
    hides: [
      'sign-in errors (auth/invalid-credential, auth/too-many-requests)',
      'ID token refresh and the user object after a reload',
      'email verification and provider linking states',
    ],
    alternative: 'the Auth emulator (Firebase Emulator Suite) with test users',
  },
  {
    match: 'firebase-admin/auth',
    kind: 'auth',
    system: 'Firebase Authentication (Admin SDK)',
    hides: [
      'verifyIdToken rejecting expired or wrong-project tokens (auth/id-token-expired, auth/argument-error)',
      'revoked sessions, checked only with checkRevoked',
      'custom claims as the real token carries them',
    ],
    alternative: 'the Auth emulator (Firebase Emulator Suite) via FIREBASE_AUTH_EMULATOR_HOST, with tokens from real emulator sign-ins',
  },
  {
    match: '@aws-sdk/client-cognito-identity-provider',
    kind: 'auth',
    system: 'Amazon Cognito user pools',
    hides: [
      'NotAuthorizedException, UserNotFoundException and UsernameExistsException',
      'password policy failures (InvalidPasswordException) and code mismatches (CodeMismatchException)',
      'challenges such as NEW_PASSWORD_REQUIRED and MFA in the auth flow',
      'token expiry and refresh token revocation',
    ],
    alternative: 'cognito-local or LocalStack in a container, or a test user pool in a sandbox account exercised in a scheduled job',
  },
  {
    match: '@azure/msal-node',
    kind: 'auth',
    system: 'Microsoft Entra ID (MSAL)',
    hides: [
      'AADSTS errors: unknown application, invalid client secret, consent required',
      'token cache behaviour and silent acquisition failing (interaction_required)',
      'scopes and the audience of the tokens issued',
    ],
    alternative: `${OIDC_ALTERNATIVE}; a test app registration in a dedicated tenant in a scheduled job`,
  },
  {
    match: '@azure/identity',
    kind: 'auth',
    system: 'Azure credentials (azure-identity)',
    hides: [
      'CredentialUnavailableError when no credential in the chain applies',
      'managed identity being unavailable outside Azure',
      'token expiry and scope errors on the target service',
    ],
    alternative: 'the emulator of the target service with its connection string (Azurite, Service Bus emulator); a service principal in a sandbox subscription in a scheduled job',
  },
  {
    match: 'keycloak-connect',
    kind: 'auth',
    system: 'Keycloak',
    hides: [
      'bearer token validation against the realm keys',
      'realm roles versus client roles in protect() checks',
      'session handling and redirects for unauthenticated requests',
    ],
    alternative: 'Keycloak in a container (Testcontainers GenericContainer, quay.io/keycloak/keycloak) with a test realm imported',
  },
  {
    match: '@simplewebauthn/server',
    kind: 'auth',
    system: 'WebAuthn verification',
    hides: [
      'challenge, origin and RP ID mismatches',
      'signature counter regressions on cloned authenticators',
      'attestation formats the server does not accept',
    ],
    alternative: 'real registration and authentication responses produced by a browser virtual authenticator (Playwright with the Chrome DevTools WebAuthn domain)',
  },

  // One-time passwords
  {
    match: 'otplib',
    kind: 'auth',
    system: 'one-time passwords (TOTP/HOTP)',
    hides: [
      'time steps: a code from the previous or next 30-second window',
      'the drift window (window option) accepting or rejecting codes',
      'base32 secret encoding mismatches with authenticator apps',
    ],
    alternative: 'real code generation and verification with a fixed secret and an injected clock (or fake timers with a set system time)',
  },
  {
    match: 'speakeasy',
    kind: 'auth',
    system: 'one-time passwords (TOTP/HOTP)',
    hides: [
      'time steps: a code from the previous or next 30-second window',
      'the window option accepting or rejecting drifted codes',
      'secret encodings (ascii, hex, base32) disagreeing between generation and verification',
    ],
    alternative: 'real code generation and verification with a fixed secret and an injected clock (or fake timers with a set system time)',
  },

  // Password hashing
  {
    match: 'bcrypt',
    kind: 'auth',
    system: 'password hashing (bcrypt)',
    hides: [
      'compare() rejecting a password hashed differently (wrong salt rounds, wrong field compared)',
      'inputs longer than 72 bytes silently truncated',
      'the native build failing on the target platform',
    ],
    alternative: PASSWORD_ALTERNATIVE,
  },
  {
    match: 'bcryptjs',
    kind: 'auth',
    system: 'password hashing (bcryptjs)',
    hides: [
      'compare() rejecting a password hashed differently',
      'inputs longer than 72 bytes silently truncated',
    ],
    alternative: PASSWORD_ALTERNATIVE,
  },
  {
    match: 'argon2',
    kind: 'auth',
    system: 'password hashing (Argon2)',
    hides: [
      'verify() failing for hashes made with other parameters or variants (argon2id vs argon2i)',
      'hashes whose encoded parameters need rehashing after a settings change',
      'the native build failing on the target platform',
    ],
    alternative: 'real argon2 with small memoryCost and timeCost in tests',
  },
  {
    match: '@node-rs/argon2',
    kind: 'auth',
    system: 'password hashing (Argon2)',
    hides: [
      'verify() failing for hashes made with other parameters or algorithms',
      'the prebuilt binary missing for the target platform',
    ],
    alternative: 'real @node-rs/argon2 with small memoryCost and timeCost in tests',
  },
  {
    match: '@node-rs/bcrypt',
    kind: 'auth',
    system: 'password hashing (bcrypt)',
    hides: [
      'verify() rejecting a password hashed with other settings',
      'inputs longer than 72 bytes silently truncated',
      'the prebuilt binary missing for the target platform',
    ],
    alternative: PASSWORD_ALTERNATIVE,
  },
];
