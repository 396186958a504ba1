/**
 * The boundary catalog's contract: what the tool knows about each real dependency a test can fake.
 */
import type { DatabaseEngine } from '../model/test-model.js';

export type BoundaryKind =
  | 'database'
  | 'http'
  | 'queue'
  | 'cache'
  | 'auth'
  | 'cloud'
  | 'email'
  | 'filesystem'
  | 'process'
  | 'clock'
  | 'internal'
  | 'library'
  | 'unknown';

/** Boundaries outside the process whose doubles hide integration failures. */
export const EXTERNAL_KINDS: ReadonlySet<BoundaryKind> = new Set([
  'database',
  'http',
  'queue',
  'cache',
  'auth',
  'cloud',
  'email',
]);

/**
 * The kinds a catalog entry can have: the real boundaries of BOUNDARIES.md. 'internal' is found by
 * following a module's imports, and 'library' and 'unknown' are the resolver's verdicts for what the
 * catalog does not name, so no entry carries them.
 */
export const CATALOG_KINDS = [
  'database',
  'http',
  'queue',
  'cache',
  'auth',
  'cloud',
  'email',
  'filesystem',
  'process',
  'clock',
] as const satisfies readonly BoundaryKind[];

export type CatalogKind = (typeof CATALOG_KINDS)[number];

export interface CatalogEntry {
  /**
   * Which module specifiers this entry describes: an exact name ('pg'), a scope ('@prisma/*'),
   * or a prefix ending in '*' ('@aws-sdk/client-*'). Node built-ins are written without 'node:'.
   */
  match: string;
  kind: CatalogKind;
  /** The real system, as an engineer would name it: 'PostgreSQL', 'Stripe API', 'Amazon S3'. */
  system: string;
  /** 2–5 concrete failures a double of this boundary cannot show. */
  hides: string[];
  /** What an honest test uses instead. */
  alternative: string;
  /** For databases: the engine, used to compare test and production choices. */
  engine?: DatabaseEngine;
}

/** A library whose purpose is to fake a real one (ioredis-mock fakes ioredis). */
export interface FakeLibrary {
  package: string;
  /** The real package it stands in for; its catalog entry says what the fake hides. */
  fakes: string;
}

/** A network host that names a known service, for network interception (nock, msw). */
export interface HostEntry {
  /** Host suffix: 'api.stripe.com', 'amazonaws.com'. */
  host: string;
  /** The catalog entry whose system, hides and alternative apply. */
  entry: string;
}
