/**
 * Turns evidence of real usage found in a test file into the real systems it exercises:
 * Testcontainers modules and images, mongodb-memory-server, the app over HTTP, temporary
 * directories, LocalStack, SMTP catchers, and clients the test opens itself.
 */
import { packageName } from '../catalog/index.js';
import type { RealBoundary } from '../model/analysis.js';
import type { PackageContext } from '../model/context.js';
import type { BoundaryKind, ResolvedBoundary } from '../model/boundary.js';
import type { RealUsage, TestFileModel } from '../model/test-model.js';
import { systemName } from './exercise.js';

/** Testcontainers modules and container images, by the system they run. */
const CONTAINER_SYSTEMS: [RegExp, BoundaryKind, string][] = [
  [/postgres|postgis|timescale|cockroach/i, 'database', 'PostgreSQL'],
  [/mariadb/i, 'database', 'MariaDB'],
  [/mysql/i, 'database', 'MySQL'],
  [/mongo/i, 'database', 'MongoDB'],
  [/mssql|sqlserver/i, 'database', 'Microsoft SQL Server'],
  [/oracle/i, 'database', 'Oracle Database'],
  [/elasticsearch|opensearch/i, 'database', 'Elasticsearch'],
  [/neo4j/i, 'database', 'Neo4j'],
  [/cassandra|scylla/i, 'database', 'Cassandra'],
  [/couchbase|couchdb/i, 'database', 'Couchbase'],
  [/redis|valkey|dragonfly/i, 'cache', 'Redis'],
  [/memcached/i, 'cache', 'Memcached'],
  [/kafka|redpanda/i, 'queue', 'Apache Kafka'],
  [/rabbitmq/i, 'queue', 'RabbitMQ'],
  [/nats/i, 'queue', 'NATS'],
  [/localstack/i, 'cloud', 'AWS (LocalStack)'],
  [/azurite/i, 'cloud', 'Azure Storage (Azurite)'],
  [/minio/i, 'cloud', 'S3-compatible storage (MinIO)'],
  [/mailpit|mailhog|smtp/i, 'email', 'SMTP (local catcher)'],
];

const FIXED: Record<string, [BoundaryKind, string]> = {
  'mongodb-memory-server': ['database', 'MongoDB'],
  // The app under test over HTTP: real code, but not a boundary of its own.
  supertest: ['internal', 'your own HTTP app'],
  'http-inject': ['internal', 'your own HTTP app'],
  'temp-dir': ['filesystem', 'file system'],
  localstack: ['cloud', 'AWS (LocalStack)'],
  'smtp-catcher': ['email', 'SMTP (local catcher)'],
};

/**
 * The app under test running in its own process, driven from outside: a browser suite's commands,
 * supertest against a URL. Nothing the test file replaces reaches into it.
 */
export const RUNNING_APP = 'the running app (black box)';
const BLACK_BOX = new Set(['remote-app', 'browser-app']);

/** Systems whose client, opened by the test, talks to the real thing. */
const CLIENT_KINDS = new Set<BoundaryKind>(['database', 'cache', 'queue', 'cloud', 'email']);

export interface RealBoundaryContext {
  /** Catalog boundary of a package, or null. */
  packageBoundary: (specifier: string) => ResolvedBoundary | null;
  /** Packages whose real module the file's tests never see (mocked here, automocked, faked). */
  fakedPackages: ReadonlySet<string>;
  /** Browser commands in this file drive the running app (see drivesRunningApp). */
  browserApp?: boolean;
}

export function realBoundariesOf(model: TestFileModel, context: RealBoundaryContext): RealBoundary[] {
  const out: RealBoundary[] = [];
  for (const usage of model.realUsages) {
    if (usage.kind === 'browser-app' && !context.browserApp) continue;
    const real = fromUsage(usage, context);
    if (real) out.push({ ...real, owner: usage.owner, line: usage.line });
  }
  return out;
}

/**
 * Browser commands drive the running app only in a browser e2e suite that mounts no components,
 * and only when the app cannot answer its own API with mocks in the browser (an msw worker script
 * in the package).
 */
export function drivesRunningApp(model: TestFileModel, pkg: PackageContext): boolean {
  if (model.framework !== 'playwright' && model.framework !== 'cypress') return false;
  return pkg.browserMockWorker === null && !model.realUsages.some((u) => u.kind === 'component-mount');
}

export function fromUsage(usage: RealUsage, context: RealBoundaryContext): Omit<RealBoundary, 'owner' | 'line'> | null {
  if (usage.kind === 'testcontainers') {
    for (const [pattern, kind, system] of CONTAINER_SYSTEMS) {
      if (pattern.test(usage.detail)) return { kind, system, evidence: `Testcontainers (${usage.detail})` };
    }
    return null;
  }
  if (BLACK_BOX.has(usage.kind)) return { kind: 'http', system: RUNNING_APP, evidence: usage.detail, blackBox: true };
  if (usage.kind === 'client') {
    const pkg = packageName(usage.detail);
    if (context.fakedPackages.has(pkg) || context.fakedPackages.has(usage.detail)) return null;
    // The engine the test's own options name (`TypeOrmModule.forRoot({ type: 'mysql' })`).
    if (usage.engine && usage.engine !== 'unknown' && usage.engine !== 'pg-mem') {
      const system = systemName({ system: usage.detail, engine: usage.engine });
      return { kind: 'database', system, evidence: `a ${usage.detail} connection to ${system} opened by the test` };
    }
    const boundary = context.packageBoundary(usage.detail);
    if (!boundary || !CLIENT_KINDS.has(boundary.kind)) return null;
    return { kind: boundary.kind, system: systemName(boundary), evidence: `a ${usage.detail} client opened by the test` };
  }
  const fixed = FIXED[usage.kind];
  return fixed ? { kind: fixed[0], system: fixed[1], evidence: usage.detail } : null;
}
