import type { CatalogEntry } from '../types.js';

const POSTGRES_HIDES = [
  'SQL syntax and PostgreSQL dialect errors (ON CONFLICT, RETURNING, jsonb operators)',
  'constraint violations: unique, foreign key, check and not-null',
  'type coercion: jsonb, timestamptz time zones, numeric precision, case-sensitive text comparison',
  'transaction and isolation behaviour, deadlocks and lock timeouts',
  'schema and migration drift between the code and the real tables',
];
const POSTGRES_ALTERNATIVE =
  'PostgreSQL of the production major version in a container (@testcontainers/postgresql), migrated, with per-test transaction rollback or truncation';

const MYSQL_HIDES = [
  'silent truncation and coercion of values when the server is not in strict SQL mode',
  'MySQL dialect differences (ON DUPLICATE KEY UPDATE, backtick quoting, LIMIT in subqueries)',
  'constraint and foreign-key violations, and charset/collation behaviour (utf8mb4, case-insensitive comparison)',
  'transaction isolation (REPEATABLE READ gap locks) and deadlocks',
];
const MYSQL_ALTERNATIVE = 'MySQL of the production version in a container (@testcontainers/mysql) with the real schema migrated';

const MONGO_HIDES = [
  'query and aggregation pipeline semantics the double does not evaluate',
  'unique index violations (E11000) and schema validation errors',
  'ObjectId and Date serialisation, and BSON type differences',
  'write concern, transactions across documents, and replica-set behaviour',
];
const MONGO_ALTERNATIVE =
  'a real mongod: mongodb-memory-server, or MongoDB in a container (@testcontainers/mongodb)';

const SQLITE_HIDES = [
  'SQLite type affinity: any value fits any column, so type errors never surface',
  'foreign keys are off unless PRAGMA foreign_keys is set',
  'locking: one writer at a time (SQLITE_BUSY) under concurrency',
];

export const database: CatalogEntry[] = [
  { match: 'pg', kind: 'database', system: 'PostgreSQL', engine: 'postgresql', hides: POSTGRES_HIDES, alternative: POSTGRES_ALTERNATIVE },
  { match: 'postgres', kind: 'database', system: 'PostgreSQL', engine: 'postgresql', hides: POSTGRES_HIDES, alternative: POSTGRES_ALTERNATIVE },
  { match: 'pg-promise', kind: 'database', system: 'PostgreSQL', engine: 'postgresql', hides: POSTGRES_HIDES, alternative: POSTGRES_ALTERNATIVE },
  { match: 'pg-pool', kind: 'database', system: 'PostgreSQL', engine: 'postgresql', hides: POSTGRES_HIDES, alternative: POSTGRES_ALTERNATIVE },
  { match: '@neondatabase/serverless', kind: 'database', system: 'PostgreSQL (Neon)', engine: 'postgresql', hides: POSTGRES_HIDES, alternative: POSTGRES_ALTERNATIVE },
  { match: '@vercel/postgres', kind: 'database', system: 'PostgreSQL (Vercel)', engine: 'postgresql', hides: POSTGRES_HIDES, alternative: POSTGRES_ALTERNATIVE },
  { match: 'slonik', kind: 'database', system: 'PostgreSQL', engine: 'postgresql', hides: POSTGRES_HIDES, alternative: POSTGRES_ALTERNATIVE },
  { match: 'mysql2', kind: 'database', system: 'MySQL', engine: 'mysql', hides: MYSQL_HIDES, alternative: MYSQL_ALTERNATIVE },
  { match: 'mysql', kind: 'database', system: 'MySQL', engine: 'mysql', hides: MYSQL_HIDES, alternative: MYSQL_ALTERNATIVE },
  {
    match: 'mariadb',
    kind: 'database',
    system: 'MariaDB',
    engine: 'mariadb',
    hides: MYSQL_HIDES,
    alternative: 'MariaDB of the production version in a container (@testcontainers/mariadb)',
  },
  {
    match: 'mssql',
    kind: 'database',
    system: 'Microsoft SQL Server',
    engine: 'mssql',
    hides: [
      'T-SQL dialect errors (TOP, OUTPUT, MERGE, bracket quoting)',
      'constraint violations and collation-dependent comparisons',
      'transaction isolation, lock escalation and deadlock victims',
      'datetime2/datetimeoffset precision and time zone handling',
    ],
    alternative: 'SQL Server in a container (@testcontainers/mssqlserver) with the real schema',
  },
  {
    match: 'tedious',
    kind: 'database',
    system: 'Microsoft SQL Server',
    engine: 'mssql',
    hides: ['T-SQL dialect errors', 'constraint violations', 'connection and TLS negotiation failures', 'transaction isolation and deadlocks'],
    alternative: 'SQL Server in a container (@testcontainers/mssqlserver)',
  },
  {
    match: 'oracledb',
    kind: 'database',
    system: 'Oracle Database',
    engine: 'oracle',
    hides: [
      'PL/SQL and Oracle dialect errors (ROWNUM, sequences, empty string as NULL)',
      'constraint violations and ORA- error codes',
      'NUMBER and DATE/TIMESTAMP conversions',
    ],
    alternative: 'Oracle Database Free in a container (@testcontainers/oraclefree or gvenzl/oracle-free)',
  },
  {
    match: 'sqlite3',
    kind: 'database',
    system: 'SQLite',
    engine: 'sqlite',
    hides: SQLITE_HIDES,
    alternative: 'a real SQLite file in a temporary directory (fs.mkdtemp), with the production migrations applied',
  },
  {
    match: 'better-sqlite3',
    kind: 'database',
    system: 'SQLite',
    engine: 'sqlite',
    hides: SQLITE_HIDES,
    alternative: 'a real SQLite file in a temporary directory (fs.mkdtemp), with the production migrations applied',
  },
  {
    match: 'mongodb',
    kind: 'database',
    system: 'MongoDB',
    engine: 'mongodb',
    hides: MONGO_HIDES,
    alternative: MONGO_ALTERNATIVE,
  },
  {
    match: 'mongoose',
    kind: 'database',
    system: 'MongoDB (Mongoose)',
    engine: 'mongodb',
    hides: [
      'schema validation and casting done by Mongoose models',
      'unique index violations (E11000) that only the server enforces',
      'query, populate and aggregation semantics',
      'middleware (pre/post hooks) that only run against a real connection',
    ],
    alternative: MONGO_ALTERNATIVE,
  },
  {
    match: '@prisma/client',
    kind: 'database',
    system: 'database via Prisma',
    hides: [
      'queries Prisma generates against the real schema, and migration drift',
      'unique and foreign-key violations (P2002, P2003) raised by the database',
      'transaction semantics of $transaction and interactive transactions',
      'type coercion of Decimal, DateTime and Json fields by the real engine',
    ],
    alternative:
      'the production database engine in a container (Testcontainers) with `prisma migrate deploy`, and a clean schema per test run',
  },
  {
    match: 'typeorm',
    kind: 'database',
    system: 'database via TypeORM',
    hides: [
      'SQL generated by the query builder and relations against the real schema',
      'constraint violations (QueryFailedError) raised by the database',
      'migration drift and entity/column mismatches',
      'transaction behaviour of the real driver',
    ],
    alternative: 'a DataSource on the production engine in a container (Testcontainers), migrations run, per-test cleanup',
  },
  {
    match: 'sequelize',
    kind: 'database',
    system: 'database via Sequelize',
    hides: [
      'SQL generated for the production dialect, and dialect-specific types',
      'constraint violations (UniqueConstraintError, ForeignKeyConstraintError)',
      'model validations against real column types and migrations',
      'transaction and isolation behaviour',
    ],
    alternative: 'Sequelize against the production dialect in a container (Testcontainers), migrated',
  },
  {
    match: 'knex',
    kind: 'database',
    system: 'SQL database via Knex',
    hides: [
      'SQL the query builder emits for the production dialect',
      'constraint violations raised by the database',
      'migration drift between knex migrations and the queries',
      'transaction behaviour of knex.transaction',
    ],
    alternative: 'Knex configured for the production client against a container (Testcontainers), migrations run with knex.migrate.latest()',
  },
  {
    match: 'drizzle-orm',
    kind: 'database',
    system: 'SQL database via Drizzle',
    hides: [
      'SQL generated for the real dialect and schema',
      'constraint violations raised by the database',
      'drift between the Drizzle schema and applied migrations',
    ],
    alternative: 'Drizzle on the production engine in a container (Testcontainers) with drizzle-kit migrations applied',
  },
  {
    match: 'kysely',
    kind: 'database',
    system: 'SQL database via Kysely',
    hides: ['SQL emitted for the production dialect', 'constraint violations raised by the database', 'type drift between the Kysely schema types and real tables'],
    alternative: 'Kysely on the production engine in a container (Testcontainers), migrated',
  },
  {
    match: 'objection',
    kind: 'database',
    system: 'SQL database via Objection',
    hides: ['SQL and relation graphs against the real schema', 'constraint violations', 'JSON schema validation against real rows'],
    alternative: 'the production engine in a container (Testcontainers), migrated with knex',
  },
  {
    match: '@mikro-orm/*',
    kind: 'database',
    system: 'database via MikroORM',
    hides: ['SQL emitted at flush time against the real schema', 'unit-of-work flush ordering and constraint violations', 'migration drift'],
    alternative: 'MikroORM on the production engine in a container (Testcontainers) with the schema generator or migrations',
  },
  {
    match: '@elastic/elasticsearch',
    kind: 'database',
    system: 'Elasticsearch',
    hides: ['mapping conflicts and rejected documents', 'analyzer and relevance behaviour of real queries', 'refresh interval: documents not searchable immediately after indexing'],
    alternative: 'Elasticsearch in a container (@testcontainers/elasticsearch) with the real index mappings',
  },
  {
    match: '@aws-sdk/client-dynamodb',
    kind: 'database',
    system: 'Amazon DynamoDB',
    hides: [
      'ConditionalCheckFailedException on conditional writes',
      'key schema and index mismatches (ValidationException)',
      'eventually consistent reads by default',
      'item size (400 KB) and batch limits, and throughput throttling',
    ],
    alternative: 'DynamoDB Local or LocalStack in a container, with the real table definitions',
  },
  {
    match: '@aws-sdk/lib-dynamodb',
    kind: 'database',
    system: 'Amazon DynamoDB',
    hides: [
      'ConditionalCheckFailedException on conditional writes',
      'marshalling of undefined values and empty sets',
      'eventually consistent reads by default',
    ],
    alternative: 'DynamoDB Local or LocalStack in a container, with the real table definitions',
  },
];
