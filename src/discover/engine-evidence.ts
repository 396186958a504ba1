/**
 * Which database engine a package uses in production, and which one its tests pick outside test
 * code: read from dependencies, Prisma schemas, knexfiles, ORM configs, compose files and .env files.
 */
import type { EngineEvidence } from '../model/context.js';
import type { DatabaseEngine } from '../model/test-model.js';
import { readStaticConfig, type StaticObject } from './static-config.js';
import { lookupTable } from '../lookup-table.js';

export const DEPENDENCY_ENGINES: Record<string, DatabaseEngine> = lookupTable({
  pg: 'postgresql',
  postgres: 'postgresql',
  'pg-promise': 'postgresql',
  '@neondatabase/serverless': 'postgresql',
  '@vercel/postgres': 'postgresql',
  slonik: 'postgresql',
  mysql: 'mysql',
  mysql2: 'mysql',
  mariadb: 'mariadb',
  mssql: 'mssql',
  tedious: 'mssql',
  oracledb: 'oracle',
  sqlite3: 'sqlite',
  'better-sqlite3': 'sqlite',
  '@libsql/client': 'sqlite',
  mongodb: 'mongodb',
  mongoose: 'mongodb',
});

/** Engine named by a URL scheme or a dialect/client/type name. */
export function engineFromName(value: string): DatabaseEngine | null {
  const v = value.trim().replace(/^['"]|['"]$/g, '').toLowerCase();
  if (/^postgres(ql)?(\+\w+)?:\/\//.test(v) || /^(postgres|postgresql|pg|cockroachdb)$/.test(v)) return 'postgresql';
  if (/^mysql2?:\/\//.test(v) || /^(mysql|mysql2)$/.test(v)) return 'mysql';
  if (/^mariadb:\/\//.test(v) || v === 'mariadb') return 'mariadb';
  if (/^(mssql|sqlserver):\/\//.test(v) || /^(mssql|sqlserver|tedious)$/.test(v)) return 'mssql';
  if (/^oracle/.test(v) || v === 'oracledb') return 'oracle';
  if (/^mongodb(\+srv)?:\/\//.test(v) || v === 'mongodb') return 'mongodb';
  if (/^(sqlite|file):/.test(v) || /^(sqlite|sqlite3|better-sqlite3|sqljs|libsql)$/.test(v)) return 'sqlite';
  return null;
}

const SERVER_IMAGES: [RegExp, DatabaseEngine][] = [
  [/(^|\/)(postgres|postgresql|postgis|timescaledb|timescale\/timescaledb[\w-]*|supabase\/postgres|pgvector\/pgvector)(:|$|@)/, 'postgresql'],
  [/(^|\/)mysql(-server)?(:|$|@)/, 'mysql'],
  [/(^|\/)mariadb(:|$|@)/, 'mariadb'],
  [/mssql\/server|(^|\/)azure-sql-edge/, 'mssql'],
  [/(^|\/)(oracle-free|oracle-xe|oracle\/database)/, 'oracle'],
  [/(^|\/)mongo(:|$|@)/, 'mongodb'],
];

function lineOf(text: string, needle: string | RegExp | number): number {
  const index = typeof needle === 'number' ? needle : typeof needle === 'string' ? text.indexOf(needle) : text.search(needle);
  if (index < 0) return 1;
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function fromDependencies(path: string, text: string, dependencies: readonly string[]): EngineEvidence[] {
  const out: EngineEvidence[] = [];
  for (const dep of dependencies) {
    const engine = DEPENDENCY_ENGINES[dep];
    if (engine) out.push({ engine, source: 'dependency', path, line: lineOf(text, `"${dep}"`), column: 1, evidence: `depends on ${dep}` });
  }
  return out;
}

export interface SplitEvidence {
  production: EngineEvidence[];
  test: EngineEvidence[];
}

/** `datasource db { provider = "postgresql" }`. Schemas under test folders or named *test* are test-side. */
export function fromPrismaSchema(path: string, text: string): SplitEvidence {
  const result: SplitEvidence = { production: [], test: [] };
  const match = datasourceProvider(text);
  if (!match) return result;
  const engine = engineFromName(match.value);
  if (!engine) return result;
  const evidence: EngineEvidence = {
    engine,
    source: 'prisma',
    path,
    // The datasource's own provider line, not a generator block's provider above it.
    line: lineOf(text, match.index),
    column: 1,
    evidence: `Prisma datasource provider "${match.value}"`,
  };
  (isTestPath(path) ? result.test : result.production).push(evidence);
  return result;
}

/**
 * `provider = "..."` inside the first datasource block that has one (a block ends at its first '}'
 * or at the end of the file). Block by block: one lazy regex over the whole text took quadratic time
 * on a schema of unclosed blocks (15 s for 1 MB).
 */
function datasourceProvider(text: string): { value: string; index: number } | null {
  const opening = /datasource\s+\w+\s*\{/g;
  while (opening.exec(text)) {
    const start = opening.lastIndex;
    const close = text.indexOf('}', start);
    const provider = /provider\s*=\s*"([^"]+)"/.exec(text.slice(start, close < 0 ? text.length : close));
    if (provider) return { value: provider[1]!, index: start + provider.index };
    // Any later opening before this '}' ends at the same place: no provider there either.
    if (close < 0) return null;
    opening.lastIndex = close + 1;
  }
  return null;
}

const TEST_ENVIRONMENTS = new Set(['test', 'testing', 'ci', 'e2e', 'integration']);
const PRODUCTION_ENVIRONMENTS = new Set(['production', 'prod', 'development', 'dev', 'staging', 'default']);

/** knexfile / sequelize config.json: per-environment configs keyed by name. */
export function fromEnvironmentConfig(path: string, text: string, engineKey: 'client' | 'dialect'): SplitEvidence & { error?: string } {
  const result: SplitEvidence = { production: [], test: [] };
  const read = readStaticConfig(path, text);
  if (!read.ok) return { ...result, error: read.message };
  const config = read.value;
  if (!config) return result;
  const push = (environment: string | null, value: unknown): void => {
    if (typeof value !== 'string') return;
    const engine = engineFromName(value);
    if (!engine) return;
    const evidence: EngineEvidence = {
      engine,
      source: 'orm-config',
      path,
      line: lineOf(text, new RegExp(`${engineKey}['"]?\\s*:\\s*['"]${escape(value)}['"]`)),
      column: 1,
      evidence: `${environment ? `${environment}.` : ''}${engineKey}: '${value}'`,
    };
    if (environment && TEST_ENVIRONMENTS.has(environment)) result.test.push(evidence);
    else result.production.push(evidence);
  };
  if (typeof config[engineKey] === 'string') push(null, config[engineKey]);
  for (const [key, value] of Object.entries(config)) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    if (!TEST_ENVIRONMENTS.has(key) && !PRODUCTION_ENVIRONMENTS.has(key)) continue;
    push(key, (value as StaticObject)[engineKey]);
  }
  return result;
}

/** Factories a TypeORM data source file hands its options to. */
const DATA_SOURCE_FACTORIES: ReadonlySet<string> = new Set(['DataSource', 'createConnection', 'createConnections']);

/**
 * TypeORM: an ormconfig exporting `type: 'postgres'`, or a data source file building one
 * (`export const AppDataSource = new DataSource({ type: 'mssql', ... })`).
 */
export function fromOrmConfig(path: string, text: string): SplitEvidence & { error?: string } {
  const result: SplitEvidence = { production: [], test: [] };
  const read = readStaticConfig(path, text, DATA_SOURCE_FACTORIES);
  if (!read.ok) return { ...result, error: read.message };
  const types = [read.value?.['type']];
  if (typeof types[0] !== 'string') types.push(...(read.constructed ?? []).map((c) => c['type']));
  for (const type of new Set(types)) {
    if (typeof type !== 'string') continue;
    const engine = engineFromName(type);
    if (!engine) continue;
    const evidence: EngineEvidence = { engine, source: 'orm-config', path, line: lineOf(text, new RegExp(`type['"]?\\s*:\\s*['"]${escape(type)}`)), column: 1, evidence: `type: '${type}'` };
    addConfigEvidence(result, path, evidence);
  }
  return result;
}

/** Drizzle Kit's names for engines that are not the drivers' own. */
const DRIZZLE_DIALECTS: Record<string, DatabaseEngine> = { turso: 'sqlite', 'better-sqlite': 'sqlite', 'd1-http': 'sqlite', 'expo': 'sqlite', 'durable-sqlite': 'sqlite' };

/** drizzle.config: `dialect: 'postgresql'` (drizzle-kit 0.21 and later) or the older `driver: 'pg'`. */
export function fromDrizzleConfig(path: string, text: string): SplitEvidence & { error?: string } {
  const result: SplitEvidence = { production: [], test: [] };
  const read = readStaticConfig(path, text);
  if (!read.ok) return { ...result, error: read.message };
  for (const key of ['dialect', 'driver']) {
    const value = read.value?.[key];
    if (typeof value !== 'string') continue;
    const engine = DRIZZLE_DIALECTS[value] ?? engineFromName(value);
    if (!engine) continue;
    const evidence: EngineEvidence = { engine, source: 'orm-config', path, line: lineOf(text, new RegExp(`${key}['"]?\\s*:\\s*['"]${escape(value)}`)), column: 1, evidence: `${key}: '${value}'` };
    addConfigEvidence(result, path, evidence);
    break;
  }
  return result;
}

/** docker-compose services whose image is a database server. */
export function fromCompose(path: string, text: string): EngineEvidence[] {
  const out: EngineEvidence[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const match = /^\s*image:\s*["']?([^"'\s#]+)/.exec(raw);
    if (!match) return;
    const image = match[1]!;
    for (const [pattern, engine] of SERVER_IMAGES) {
      if (pattern.test(image)) {
        out.push({ engine, source: 'compose', path, line: index + 1, column: 1, evidence: `compose image ${image}` });
        return;
      }
    }
  });
  return out;
}

const URL_KEYS = /^(DATABASE_URL|DB_URL|DATABASE_URI|DB_URI|[A-Z_]*DATABASE_URL|DB_CONNECTION|DB_DIALECT|DB_CLIENT|DB_TYPE|DB_ENGINE|TYPEORM_CONNECTION|POSTGRES_URL|MONGO_URL|MONGODB_URI|MONGO_URI)$/;

/** `.env` files: DATABASE_URL and friends. `.env.test*` files are test-side. */
export function fromEnvFile(path: string, text: string): SplitEvidence {
  const result: SplitEvidence = { production: [], test: [] };
  const base = path.slice(path.lastIndexOf('/') + 1);
  const isTest = /^\.env\.(test|testing|ci|e2e)(\.|$)/.test(base);
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const match = /^\s*(?:export\s+)?([A-Z0-9_]+)\s*=\s*(.*)$/.exec(raw);
    if (!match || !URL_KEYS.test(match[1]!)) return;
    const value = match[2]!.trim().replace(/^['"]|['"]$/g, '');
    const engine = engineFromName(value);
    if (!engine) return;
    const shown = value.replace(/\/\/[^@/]*@/, '//***@');
    const evidence: EngineEvidence = { engine, source: 'env', path, line: index + 1, column: 1, evidence: `${match[1]}=${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}` };
    (isTest ? result.test : result.production).push(evidence);
  });
  return result;
}

function isTestPath(path: string): boolean {
  return /(^|\/)(test|tests|__tests__|spec|e2e)(\/|$)|[.\-_]test[.\-_]|[.\-_]test\.prisma$/i.test(path);
}

/**
 * Production evidence, or, from a config for tests, a test selection. A test config written in code
 * is left to the audit of the test code itself (it reads the same options there, at their line).
 */
function addConfigEvidence(result: SplitEvidence, path: string, evidence: EngineEvidence): void {
  if (!isTestConfig(path)) result.production.push(evidence);
  else if (!/\.[cm]?[jt]sx?$/.test(path)) result.test.push(evidence);
}

/** A config in a test folder, or named for tests (`test-data-source.ts`): what the tests select. */
function isTestConfig(path: string): boolean {
  return isTestPath(path) || /(^|\/)(test|testing)[.\-_][^/]*$/i.test(path);
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
