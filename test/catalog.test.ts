/** The boundary catalog as data: complete, unambiguous, honest alternatives, and look-ups that find it. */
import { describe, expect, it } from 'vitest';
import {
  builtinCatalog,
  Catalog,
  CATALOG_KINDS,
  fakeLibraries,
  hosts,
  isPattern,
  type CatalogEntry,
} from '../src/catalog/index.js';
import { validateCatalogEntries } from '../src/catalog/validate.js';

/** The kinds of ../shared/BOUNDARIES.md §1. 'internal' is found by following imports, never listed. */
const BOUNDARIES_KINDS = ['database', 'http', 'queue', 'cache', 'auth', 'cloud', 'email', 'filesystem', 'process', 'clock', 'internal'];

/**
 * Real tools and techniques an honest alternative can name. Every alternative must name at least
 * one, so "use the real thing" without saying which thing fails here.
 */
const REAL_THINGS: [name: string, pattern: RegExp][] = [
  ['a Testcontainers module or a container', /@testcontainers\/|Testcontainers|in a container/],
  [
    'an emulator or local server',
    /LocalStack|DynamoDB Local|ElasticMQ|MinIO|Azurite|fake-gcs-server|Firebase Emulator Suite|\b[A-Z][\w/]*(?: [A-Z][\w/]*)* emulator|stripe-mock|Pinecone Local|cognito-local|Step Functions Local|serverless-redis-http|mongodb-memory-server|Supabase CLI|local development server/,
  ],
  ['an SMTP catcher', /Mailpit|MailHog/],
  ['a contract test or recorded responses', /\bPact\b|recorded (?:[\w-]+ )*responses|Polly\.js/],
  [
    "a provider's test mode or sandbox",
    /sandbox|test[- ]?mode|test credentials|test cards?|test nonces|test addresses|test key|test API key|testing tokens|sink domain|POSTMARK_API_TEST|dryRun|TestData|TestWorkflowEnvironment|scheduled job/i,
  ],
  ['a temporary directory', /temporary directory|fs\.mkdtemp/],
  ['a real server on an ephemeral port or the real app', /ephemeral port|supertest/],
  ['a real identity provider or real tokens', /Keycloak|mock-oauth2-server|signed (?:with|by) a test key|virtual authenticator/],
  ['an injected clock or fake timers', /inject(?:ed)? a clock|fake timers/],
  ['the real library with test settings', /cost factor|memoryCost|git init/],
];

/**
 * Testcontainers for Node modules that exist on npm (@testcontainers/<name>), checked when an
 * alternative names one, so a typo never sends a user looking for a module that is not there.
 */
const TESTCONTAINERS_MODULES = new Set([
  'arangodb', 'azure-cosmosdb-emulator', 'azureservicebus', 'azurite', 'cassandra', 'chromadb', 'clickhouse',
  'cockroachdb', 'couchbase', 'couchdb', 'elasticsearch', 'etcd', 'gcloud', 'hivemq', 'k3s', 'kafka',
  'localstack', 'mariadb', 'minio', 'mongodb', 'mosquitto', 'mssqlserver', 'mysql', 'nats', 'neo4j',
  'ollama', 'opensearch', 'oraclefree', 'postgresql', 'qdrant', 'rabbitmq', 'redis', 'redpanda',
  'scylladb', 'valkey', 'vault', 'weaviate',
]);

const catalog = new Catalog();

function matchOf(entry: CatalogEntry | null): string | null {
  return entry?.match ?? null;
}

describe('catalog data', () => {
  it('holds at least 200 entries', () => {
    expect(builtinCatalog.length).toBeGreaterThanOrEqual(200);
  });

  it('gives every entry all fields: a valid match, a catalog kind, a system, 2-5 distinct failures, an alternative', () => {
    expect(validateCatalogEntries(builtinCatalog).errors).toEqual([]);
  });

  it('claims each match once, across every data file', () => {
    const counts = new Map<string, number>();
    for (const entry of builtinCatalog) counts.set(entry.match, (counts.get(entry.match) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1).map(([match]) => match)).toEqual([]);
  });

  it('finds every entry by its own match: no entry is shadowed by another', () => {
    const shadowed = builtinCatalog.filter((entry) => {
      const probe = isPattern(entry.match) ? `${entry.match.slice(0, -1)}zz-probe` : entry.match;
      return catalog.lookup(probe) !== entry;
    });
    expect(shadowed.map((e) => e.match)).toEqual([]);
  });

  it('covers every boundary kind of BOUNDARIES.md that a package can stand for, with several entries each', () => {
    const listed = BOUNDARIES_KINDS.filter((kind) => kind !== 'internal');
    expect([...CATALOG_KINDS].sort()).toEqual([...listed].sort());
    for (const kind of listed) {
      expect(builtinCatalog.filter((e) => e.kind === kind).length, kind).toBeGreaterThanOrEqual(10);
    }
  });

  it('names something real in every honest alternative', () => {
    const vague = builtinCatalog.filter((entry) => !REAL_THINGS.some(([, pattern]) => pattern.test(entry.alternative)));
    expect(vague.map((e) => `${e.match}: ${e.alternative}`)).toEqual([]);
  });

  it('names only Testcontainers modules that exist', () => {
    const named = builtinCatalog.flatMap((e) => [...e.alternative.matchAll(/@testcontainers\/([a-z0-9-]+)/g)].map((m) => ({ match: e.match, module: m[1]! })));
    expect(named.length).toBeGreaterThan(50);
    expect(named.filter((n) => !TESTCONTAINERS_MODULES.has(n.module))).toEqual([]);
  });

  it('gives named service SDKs failures of their own, not the generic ones of their kind', () => {
    const generic = ['fetch', '@aws-sdk/client-*', '@google-cloud/*', '@azure/*'].map((match) => catalog.byMatch(match)!.hides.join('\n'));
    // Generic HTTP clients and the AWS v2 umbrella package reach unknown services: generic failures are all there is.
    const reachesUnknown = (e: CatalogEntry): boolean => (e.kind === 'http' && /^HTTPS? /.test(e.system)) || e.match === 'aws-sdk' || isPattern(e.match);
    const borrowing = builtinCatalog.filter((e) => !reachesUnknown(e) && generic.includes(e.hides.join('\n')));
    expect(borrowing.map((e) => e.match)).toEqual([]);
  });

  it('keeps every failure short enough to read in a table cell and free of trailing punctuation', () => {
    const long = builtinCatalog.flatMap((e) => e.hides.filter((h) => h.length > 140 || /[.;,]$/.test(h)).map((h) => `${e.match}: ${h}`));
    expect(long).toEqual([]);
  });
});

describe('fake libraries and hosts', () => {
  it('points every fake library at an existing entry, once per package, never at itself', () => {
    const packages = fakeLibraries.map((f) => f.package);
    expect(new Set(packages).size).toBe(packages.length);
    expect(fakeLibraries.filter((f) => catalog.byMatch(f.fakes) === null)).toEqual([]);
    // A fake is not the real thing: no fake library is itself catalogued as a boundary.
    expect(fakeLibraries.filter((f) => catalog.lookup(f.package) !== null).map((f) => f.package)).toEqual([]);
  });

  it('points every host at an existing entry, once per host', () => {
    const names = hosts.map((h) => h.host);
    expect(new Set(names).size).toBe(names.length);
    expect(hosts.filter((h) => catalog.byMatch(h.entry) === null)).toEqual([]);
    expect(hosts.filter((h) => h.host !== h.host.toLowerCase() || /^\.|\/|:/.test(h.host))).toEqual([]);
  });

  it('resolves hosts by the longest suffix, case-insensitively, including subdomains', () => {
    expect(matchOf(catalog.lookupHost('api.stripe.com'))).toBe('stripe');
    expect(matchOf(catalog.lookupHost('API.Stripe.COM'))).toBe('stripe');
    expect(matchOf(catalog.lookupHost('hooks.slack.com'))).toBe('@slack/webhook');
    expect(matchOf(catalog.lookupHost('slack.com'))).toBe('@slack/web-api');
    expect(matchOf(catalog.lookupHost('my-bucket.s3.amazonaws.com'))).toBe('@aws-sdk/client-s3');
    expect(matchOf(catalog.lookupHost('sqs.eu-west-1.amazonaws.com'))).toBe('@aws-sdk/client-*');
    expect(matchOf(catalog.lookupHost('generativelanguage.googleapis.com'))).toBe('@google/genai');
    expect(matchOf(catalog.lookupHost('acme.blob.core.windows.net'))).toBe('@azure/storage-blob');
    expect(catalog.lookupHost('notstripe.com')).toBeNull();
    expect(catalog.lookupHost('api.stripe.com.evil.example')).toBeNull();
  });

  it('finds a fake library by package, also through a subpath', () => {
    expect(catalog.fakeLibrary('ioredis-mock')?.fakes).toBe('ioredis');
    expect(catalog.fakeLibrary('aws-sdk-client-mock')?.fakes).toBe('@aws-sdk/client-*');
    expect(catalog.fakeLibrary('memfs/lib/volume')?.fakes).toBe('fs');
    expect(catalog.fakeLibrary('ioredis')).toBeNull();
  });
});

describe('Catalog.lookup', () => {
  it('reads node: built-ins without the prefix, and prefers the longest exact subpath', () => {
    expect(matchOf(catalog.lookup('node:fs'))).toBe('fs');
    expect(matchOf(catalog.lookup('fs'))).toBe('fs');
    expect(matchOf(catalog.lookup('node:fs/promises'))).toBe('fs/promises');
    expect(matchOf(catalog.lookup('node:child_process'))).toBe('child_process');
    expect(matchOf(catalog.lookup('node:timers/promises'))).toBe('timers/promises');
    expect(matchOf(catalog.lookup('node:sqlite'))).toBe('sqlite');
  });

  it('prefers an exact AWS client over the client-* prefix, and the prefix over the scope', () => {
    expect(catalog.lookup('@aws-sdk/client-s3')?.system).toBe('Amazon S3');
    expect(matchOf(catalog.lookup('@aws-sdk/client-foo'))).toBe('@aws-sdk/client-*');
    expect(matchOf(catalog.lookup('@aws-sdk/client-foo/dist-cjs/index.js'))).toBe('@aws-sdk/client-*');
    expect(matchOf(catalog.lookup('@aws-sdk/credential-providers'))).toBe('@aws-sdk/*');
    expect(catalog.lookup('@aws-sdk/client-dynamodb')?.kind).toBe('database');
    expect(catalog.lookup('@aws-sdk/client-sqs')?.kind).toBe('queue');
  });

  it('falls back from a deep subpath to the package, but keeps a catalogued subpath', () => {
    expect(matchOf(catalog.lookup('pg/lib/x'))).toBe('pg');
    expect(matchOf(catalog.lookup('mysql2/promise'))).toBe('mysql2');
    expect(matchOf(catalog.lookup('firebase-admin/auth'))).toBe('firebase-admin/auth');
    expect(matchOf(catalog.lookup('firebase-admin/app'))).toBe('firebase-admin');
    expect(matchOf(catalog.lookup('aws-sdk/clients/s3'))).toBe('aws-sdk/clients/s3');
    expect(matchOf(catalog.lookup('aws-sdk/clients/ec2'))).toBe('aws-sdk');
    expect(matchOf(catalog.lookup('@angular/common/http/testing'))).toBe('@angular/common/http');
  });

  it('matches a scope wildcard and a name prefix, but not a scope that only starts the same', () => {
    expect(matchOf(catalog.lookup('@octokit/rest'))).toBe('@octokit/*');
    expect(matchOf(catalog.lookup('@mikro-orm/postgresql'))).toBe('@mikro-orm/*');
    expect(matchOf(catalog.lookup('passport-jwt'))).toBe('passport-*');
    expect(matchOf(catalog.lookup('passport'))).toBe('passport');
    expect(catalog.lookup('@octokitx/rest')).toBeNull();
    expect(catalog.lookup('lodash')).toBeNull();
    expect(catalog.lookup('express')).toBeNull();
  });
});

describe('catalog extensions', () => {
  const billing: CatalogEntry = {
    match: '@acme/billing-client',
    kind: 'http',
    system: 'Acme Billing',
    hides: ['invoice states the billing service rejects', 'currency rounding done by the service'],
    alternative: 'a contract test (Pact) against the billing service',
  };

  it('finds a user entry, its subpaths, and keeps the built-ins', () => {
    const extended = new Catalog(undefined, [billing]);
    expect(extended.lookup('@acme/billing-client')?.system).toBe('Acme Billing');
    expect(extended.lookup('@acme/billing-client/v2')?.system).toBe('Acme Billing');
    expect(matchOf(extended.lookup('pg'))).toBe('pg');
    expect(extended.entries()).toContain(billing);
    expect(extended.entries().length).toBe(new Catalog().entries().length + 1);
  });

  it('consults user entries before any built-in, even a more specific one', () => {
    const ownStripe: CatalogEntry = { ...billing, match: 'stripe', system: 'Stripe through our proxy' };
    const ownAws: CatalogEntry = { ...billing, match: '@aws-sdk/*', kind: 'cloud', system: 'AWS behind our gateway' };
    const extended = new Catalog(undefined, [ownStripe, ownAws]);
    expect(extended.lookup('stripe')?.system).toBe('Stripe through our proxy');
    expect(extended.lookupHost('api.stripe.com')?.system).toBe('Stripe through our proxy');
    expect(extended.lookup('@aws-sdk/client-s3')?.system).toBe('AWS behind our gateway');
    expect(extended.entries().filter((e) => e.match === 'stripe')).toEqual([ownStripe]);
  });

  it('lists entries by kind in BOUNDARIES.md order, then by match', () => {
    const entries = catalog.entries();
    const kinds = entries.map((e) => e.kind);
    expect([...new Set(kinds)]).toEqual([...CATALOG_KINDS]);
    const pg = entries.findIndex((e) => e.match === 'pg');
    const mysql = entries.findIndex((e) => e.match === 'mysql');
    expect(mysql).toBeLessThan(pg);
  });
});
