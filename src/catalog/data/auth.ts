import type { CatalogEntry } from '../types.js';

const TOKEN_HIDES = [
  'expired tokens (exp) and not-yet-valid tokens (nbf), with clock skew',
  'signature verification with the wrong key or algorithm',
  'audience and issuer checks',
  'the error raised on rejection and how the caller maps it to 401',
];
const TOKEN_ALTERNATIVE = 'real tokens signed with a test key (jsonwebtoken/jose), verified by the real code';

export const auth: CatalogEntry[] = [
  { match: 'jsonwebtoken', kind: 'auth', system: 'JWT verification', hides: TOKEN_HIDES, alternative: TOKEN_ALTERNATIVE },
  { match: 'jose', kind: 'auth', system: 'JWT/JOSE verification', hides: TOKEN_HIDES, alternative: TOKEN_ALTERNATIVE },
  { match: '@nestjs/jwt', kind: 'auth', system: 'JWT verification (NestJS JwtService)', hides: TOKEN_HIDES, alternative: TOKEN_ALTERNATIVE },
  {
    match: 'passport',
    kind: 'auth',
    system: 'Passport authentication',
    hides: ['strategy verification of credentials and tokens', 'session serialisation', 'the 401 path for missing or bad credentials'],
    alternative: 'the real strategy with test credentials or tokens signed by a test key',
  },
  {
    match: 'passport-*',
    kind: 'auth',
    system: 'Passport strategy',
    hides: ['credential and token verification by the strategy', 'the rejection path and its status code'],
    alternative: 'the real strategy with test credentials or tokens signed by a test key',
  },
  {
    match: '@nestjs/passport',
    kind: 'auth',
    system: 'NestJS Passport guard',
    hides: ['token verification by the guard\'s strategy', 'role and permission checks', 'the 401/403 responses'],
    alternative: 'the real guard with tokens signed by a test key',
  },
  {
    match: 'bcrypt',
    kind: 'auth',
    system: 'password hashing (bcrypt)',
    hides: ['hash/compare mismatches and salt rounds', 'the 72-byte input limit'],
    alternative: 'real bcrypt with a low cost factor in tests',
  },
  {
    match: 'bcryptjs',
    kind: 'auth',
    system: 'password hashing (bcryptjs)',
    hides: ['hash/compare mismatches and salt rounds', 'the 72-byte input limit'],
    alternative: 'real bcryptjs with a low cost factor in tests',
  },
  {
    match: 'next-auth',
    kind: 'auth',
    system: 'NextAuth.js sessions',
    hides: ['session and JWT callbacks', 'expired sessions', 'provider sign-in errors'],
    alternative: 'a real session created through a test credentials provider',
  },
  {
    match: 'firebase-admin',
    kind: 'auth',
    system: 'Firebase (Admin SDK)',
    hides: ['ID token verification (expiry, audience, revocation)', 'Firestore security and transaction semantics', 'permission errors from IAM'],
    alternative: 'the Firebase Emulator Suite (auth, firestore) in the test run',
  },
];
