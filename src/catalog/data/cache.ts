import type { CatalogEntry } from '../types.js';

const REDIS_HIDES = [
  'TTL and expiry of keys',
  'serialisation of values (everything comes back as a string)',
  'connection loss, reconnect and command timeouts',
  'eviction under memory pressure',
  'atomicity of MULTI/EXEC and Lua scripts',
];
const REDIS_ALTERNATIVE = 'real Redis in a container (@testcontainers/redis), flushed between tests';

export const cache: CatalogEntry[] = [
  { match: 'ioredis', kind: 'cache', system: 'Redis', hides: REDIS_HIDES, alternative: REDIS_ALTERNATIVE },
  { match: 'redis', kind: 'cache', system: 'Redis', hides: REDIS_HIDES, alternative: REDIS_ALTERNATIVE },
  { match: '@redis/client', kind: 'cache', system: 'Redis', hides: REDIS_HIDES, alternative: REDIS_ALTERNATIVE },
  { match: '@upstash/redis', kind: 'cache', system: 'Redis (Upstash REST)', hides: REDIS_HIDES, alternative: REDIS_ALTERNATIVE },
  {
    match: 'memcached',
    kind: 'cache',
    system: 'Memcached',
    hides: ['expiry and eviction', 'value size limit (1 MB)', 'connection failures'],
    alternative: 'Memcached in a container (Testcontainers GenericContainer)',
  },
  {
    match: 'cache-manager',
    kind: 'cache',
    system: 'cache via cache-manager',
    hides: ['TTL units and expiry', 'serialisation in the real store', 'store connection failures'],
    alternative: 'the real store (Redis in a container) behind cache-manager',
  },
];
