/** Caches and key-value stores used as caches: Redis and its kin, Memcached, cache abstractions. */
import type { CatalogEntry } from '../types.js';

const REDIS_HIDES = [
  'TTLs and expiry: keys that vanish, or never expire because EX was left off',
  'values stored as strings: numbers, dates and JSON come back as text',
  'WRONGTYPE errors when a key holds a different data type',
  'connection loss, reconnect and commands failing or queueing while offline',
  'MULTI/EXEC without rollback, Lua script atomicity, and CROSSSLOT errors in a cluster',
];
const REDIS_ALTERNATIVE = 'real Redis in a container (@testcontainers/redis), flushed between tests';

export const cache: CatalogEntry[] = [
  { match: 'ioredis', kind: 'cache', system: 'Redis', hides: REDIS_HIDES, alternative: REDIS_ALTERNATIVE },
  { match: 'redis', kind: 'cache', system: 'Redis', hides: REDIS_HIDES, alternative: REDIS_ALTERNATIVE },
  { match: '@redis/client', kind: 'cache', system: 'Redis', hides: REDIS_HIDES, alternative: REDIS_ALTERNATIVE },
  {
    match: 'iovalkey',
    kind: 'cache',
    system: 'Valkey',
    hides: REDIS_HIDES,
    alternative: 'real Valkey in a container (@testcontainers/valkey), flushed between tests',
  },
  {
    match: '@valkey/valkey-glide',
    kind: 'cache',
    system: 'Valkey',
    hides: REDIS_HIDES,
    alternative: 'real Valkey in a container (@testcontainers/valkey), flushed between tests',
  },
  {
    match: '@upstash/redis',
    kind: 'cache',
    system: 'Redis (Upstash REST)',
    hides: [
      REDIS_HIDES[0]!,
      'automatic JSON (de)serialisation that turns numeric-looking strings into numbers',
      'REST request limits and commands the REST API does not support',
      'pipelines that are not transactions unless multi() is used',
    ],
    alternative: 'real Redis in a container behind an Upstash-compatible REST proxy (serverless-redis-http), or @testcontainers/redis for the command semantics',
  },
  {
    match: '@vercel/kv',
    kind: 'cache',
    system: 'Redis (Vercel KV)',
    hides: [
      REDIS_HIDES[0]!,
      'automatic JSON (de)serialisation of stored values',
      'request limits of the hosted store',
    ],
    alternative: 'real Redis in a container behind an Upstash-compatible REST proxy (serverless-redis-http)',
  },
  {
    match: 'memcached',
    kind: 'cache',
    system: 'Memcached',
    hides: [
      'the 1 MB default item size limit and keys over 250 bytes or with spaces',
      'expiry values over 30 days read as Unix timestamps',
      'LRU eviction and servers restarting empty',
      'connection failures and failover between servers',
    ],
    alternative: 'Memcached in a container (Testcontainers GenericContainer, memcached image)',
  },
  {
    match: 'memjs',
    kind: 'cache',
    system: 'Memcached',
    hides: [
      'the 1 MB default item size limit and key length limits',
      'expiry values over 30 days read as Unix timestamps',
      'values returned as Buffers, not strings',
    ],
    alternative: 'Memcached in a container (Testcontainers GenericContainer, memcached image)',
  },
  {
    match: 'cache-manager',
    kind: 'cache',
    system: 'cache via cache-manager',
    hides: [
      'TTL units (milliseconds in recent versions, seconds in older stores)',
      'serialisation of values in the real store',
      'store connection failures surfacing as errors or silent misses',
    ],
    alternative: 'the real store behind cache-manager (Redis in a container via @testcontainers/redis)',
  },
  {
    match: '@nestjs/cache-manager',
    kind: 'cache',
    system: 'cache via NestJS CacheModule',
    hides: [
      'CacheInterceptor keys and TTLs applied to real routes',
      'TTL units (milliseconds in recent versions) passed to the real store',
      'store connection failures surfacing as errors or silent misses',
    ],
    alternative: 'CacheModule with the production store pointed at Redis in a container (@testcontainers/redis)',
  },
  {
    match: 'keyv',
    kind: 'cache',
    system: 'key-value store via Keyv',
    hides: [
      'serialisation through the real adapter (JSON by default)',
      'TTL expiry in milliseconds, enforced by the store',
      'namespaces and the adapter\'s connection errors (emitted as events)',
    ],
    alternative: 'Keyv with the production adapter against its store in a container (Testcontainers)',
  },
  {
    match: '@keyv/*',
    kind: 'cache',
    system: 'key-value store via a Keyv adapter',
    hides: [
      'connection and query errors of the backing store',
      'TTL expiry as the store implements it',
      'serialisation of values in the store',
    ],
    alternative: 'the adapter\'s backing store in a container (Testcontainers: Redis, PostgreSQL, MongoDB…)',
  },
  {
    match: 'redlock',
    kind: 'cache',
    system: 'Redis distributed locks (Redlock)',
    hides: [
      'lock acquisition failing under contention (ExecutionError after retries)',
      'locks expiring while the work is still running',
      'clock drift and quorum loss across Redis nodes',
    ],
    alternative: 'real Redis in a container (@testcontainers/redis) with two workers contending for the lock',
  },
  {
    match: 'connect-redis',
    kind: 'cache',
    system: 'Redis session store',
    hides: [
      'session TTLs derived from the cookie maxAge',
      'session serialisation and touch behaviour on each request',
      'store errors turning into failed requests',
    ],
    alternative: 'the real session middleware with real Redis in a container (@testcontainers/redis)',
  },
  {
    match: 'hazelcast-client',
    kind: 'cache',
    system: 'Hazelcast',
    hides: [
      'entry TTLs and eviction policies configured on the cluster',
      'serialisation of values (compact or portable) across members',
      'cluster membership changes and client reconnects',
    ],
    alternative: 'Hazelcast in a container (Testcontainers GenericContainer, hazelcast/hazelcast image)',
  },
];
