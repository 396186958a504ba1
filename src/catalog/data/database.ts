/**
 * Databases: drivers, ORMs and query builders, search engines and hosted data stores.
 * Drivers for one engine share that engine's failures; ORMs add what their own layer does.
 */
import type { CatalogEntry } from '../types.js';

// --- PostgreSQL --------------------------------------------------------------------------------

const POSTGRES_HIDES = [
  'PostgreSQL dialect errors: ON CONFLICT targets without a matching unique index, RETURNING, jsonb operators, casts',
  'constraint violations the server raises: unique (23505), foreign key (23503), check (23514), not null (23502)',
  'type coercion: jsonb normalisation, timestamptz vs timestamp time zones, numeric and bigint returned as strings',
  'transactions: serialization failures (40001), deadlocks (40P01), lock and statement timeouts',
  'drift between the queries and the migrated schema: missing columns, renamed tables, wrong column types',
];
const POSTGRES_ALTERNATIVE =
  'PostgreSQL of the production major version in a container (@testcontainers/postgresql), migrated, isolated by per-test transaction rollback or truncation';

// Serverless drivers speak HTTP or WebSockets to a hosted Postgres; the SQL semantics stay the same.
const SERVERLESS_POSTGRES_HIDES = [
  POSTGRES_HIDES[0]!,
  POSTGRES_HIDES[1]!,
  POSTGRES_HIDES[2]!,
  'what the HTTP query path cannot do: interactive transactions and session state between queries',
];

// --- MySQL / MariaDB ---------------------------------------------------------------------------

const MYSQL_HIDES = [
  'silent truncation and coercion (over-long strings, out-of-range numbers, zero dates) when the server runs without strict SQL mode',
  'MySQL dialect: ON DUPLICATE KEY UPDATE, backtick quoting, no LIMIT inside IN subqueries, implicit commits on DDL',
  'duplicate keys (1062) and foreign-key failures (1452) raised by InnoDB',
  'utf8mb4 charset and case-insensitive default collations changing equality and uniqueness',
  'REPEATABLE READ gap locks, deadlocks (1213) and lock wait timeouts (1205)',
];
const MYSQL_ALTERNATIVE =
  'MySQL of the production version in a container (@testcontainers/mysql), with the production sql_mode and the migrations applied';

// --- SQL Server --------------------------------------------------------------------------------

const MSSQL_HIDES = [
  'T-SQL dialect: TOP instead of LIMIT, OUTPUT, MERGE, bracket quoting, IDENTITY_INSERT',
  'duplicate keys (2627, 2601) and foreign-key or check conflicts (547)',
  'case-insensitive default collation changing equality, uniqueness and ordering',
  'deadlock victims (1205), lock escalation and snapshot isolation settings',
  'the 2,100-parameter limit per request and datetime2/datetimeoffset precision',
];
const MSSQL_ALTERNATIVE = 'SQL Server in a container (@testcontainers/mssqlserver) with the real schema migrated';

// --- SQLite ------------------------------------------------------------------------------------

const SQLITE_HIDES = [
  'type affinity: any value is accepted in any column unless the table is STRICT',
  'foreign keys are not enforced until PRAGMA foreign_keys = ON is run on the connection',
  'one writer at a time: SQLITE_BUSY and "database is locked" under concurrent writes',
  'limited ALTER TABLE, so migrations that work elsewhere fail or rebuild tables',
];
const SQLITE_ALTERNATIVE =
  'a real SQLite database file in a temporary directory (fs.mkdtemp) with the production migrations applied';

// --- MongoDB -----------------------------------------------------------------------------------

const MONGO_HIDES = [
  'query operators and aggregation pipeline stages evaluated by the server ($lookup, $group, $expr)',
  'duplicate key errors (E11000) from unique indexes the double does not have',
  'BSON round trips: ObjectId vs string ids, Decimal128, dates and undefined fields',
  'multi-document transactions, which need a replica set, and their transient write conflicts',
  'the 16 MB document limit and schema validation rules ($jsonSchema) on the collection',
];
const MONGO_ALTERNATIVE =
  'a real mongod: mongodb-memory-server, or MongoDB in a container (@testcontainers/mongodb) started as a replica set when transactions matter';

// --- SQL through an ORM or query builder -------------------------------------------------------

const ORM_CONTAINER = 'the production engine in a container (Testcontainers)';

/** PouchDB, by its node and browser packages (plugins such as pouchdb-find are not a boundary of their own). */
const POUCHDB: Omit<CatalogEntry, 'match'> = {
  kind: 'database',
  system: 'PouchDB',
  hides: [
    'document update conflicts (409) when the _rev is stale',
    'find() queries that need an index (pouchdb-find), and views built on first query',
    'replication and sync with the remote CouchDB: checkpoints, conflicting revisions, rejected credentials',
  ],
  alternative:
    'a real PouchDB with the in-memory adapter (pouchdb-adapter-memory), and CouchDB in a container (@testcontainers/couchdb) where it syncs',
};

export const database: CatalogEntry[] = [
  // PostgreSQL drivers
  { match: 'pg', kind: 'database', system: 'PostgreSQL', engine: 'postgresql', hides: POSTGRES_HIDES, alternative: POSTGRES_ALTERNATIVE },
  { match: 'pg-pool', kind: 'database', system: 'PostgreSQL', engine: 'postgresql', hides: POSTGRES_HIDES, alternative: POSTGRES_ALTERNATIVE },
  { match: 'pg-native', kind: 'database', system: 'PostgreSQL', engine: 'postgresql', hides: POSTGRES_HIDES, alternative: POSTGRES_ALTERNATIVE },
  { match: 'postgres', kind: 'database', system: 'PostgreSQL', engine: 'postgresql', hides: POSTGRES_HIDES, alternative: POSTGRES_ALTERNATIVE },
  { match: 'pg-promise', kind: 'database', system: 'PostgreSQL', engine: 'postgresql', hides: POSTGRES_HIDES, alternative: POSTGRES_ALTERNATIVE },
  { match: 'slonik', kind: 'database', system: 'PostgreSQL', engine: 'postgresql', hides: POSTGRES_HIDES, alternative: POSTGRES_ALTERNATIVE },
  {
    match: '@neondatabase/serverless',
    kind: 'database',
    system: 'PostgreSQL (Neon)',
    engine: 'postgresql',
    hides: SERVERLESS_POSTGRES_HIDES,
    alternative: POSTGRES_ALTERNATIVE,
  },
  {
    match: '@vercel/postgres',
    kind: 'database',
    system: 'PostgreSQL (Vercel)',
    engine: 'postgresql',
    hides: SERVERLESS_POSTGRES_HIDES,
    alternative: POSTGRES_ALTERNATIVE,
  },
  {
    match: '@supabase/supabase-js',
    kind: 'database',
    system: 'Supabase (PostgreSQL through PostgREST)',
    engine: 'postgresql',
    hides: [
      'row level security policies that filter or reject rows for the signed-in user',
      'PostgREST errors returned as { error } instead of thrown: constraint codes, PGRST116 for .single() on no rows',
      'query-string filters and embedded relations PostgREST refuses without the right foreign keys',
      'drift between the generated database types and the migrated schema',
    ],
    alternative: 'the Supabase local stack (supabase start from the Supabase CLI) with the project migrations applied',
  },

  // MySQL and MariaDB
  { match: 'mysql2', kind: 'database', system: 'MySQL', engine: 'mysql', hides: MYSQL_HIDES, alternative: MYSQL_ALTERNATIVE },
  { match: 'mysql', kind: 'database', system: 'MySQL', engine: 'mysql', hides: MYSQL_HIDES, alternative: MYSQL_ALTERNATIVE },
  {
    match: 'mariadb',
    kind: 'database',
    system: 'MariaDB',
    engine: 'mariadb',
    hides: [
      MYSQL_HIDES[0]!,
      'MariaDB-specific SQL and defaults that differ from MySQL (RETURNING, sequences, JSON stored as LONGTEXT)',
      MYSQL_HIDES[2]!,
      MYSQL_HIDES[4]!,
    ],
    alternative: 'MariaDB of the production version in a container (@testcontainers/mariadb)',
  },
  {
    match: '@planetscale/database',
    kind: 'database',
    system: 'MySQL (PlanetScale)',
    engine: 'mysql',
    hides: [
      MYSQL_HIDES[1]!,
      MYSQL_HIDES[2]!,
      'Vitess limits on the hosted database: foreign keys only when enabled, some cross-shard queries rejected',
      'DECIMAL, DATETIME and 64-bit integer columns returned as strings by the driver\'s default cast',
    ],
    alternative: 'MySQL of the same major version in a container (@testcontainers/mysql), plus a PlanetScale development branch in a scheduled job',
  },

  // SQL Server and Oracle
  { match: 'mssql', kind: 'database', system: 'Microsoft SQL Server', engine: 'mssql', hides: MSSQL_HIDES, alternative: MSSQL_ALTERNATIVE },
  { match: 'tedious', kind: 'database', system: 'Microsoft SQL Server', engine: 'mssql', hides: MSSQL_HIDES, alternative: MSSQL_ALTERNATIVE },
  {
    match: 'oracledb',
    kind: 'database',
    system: 'Oracle Database',
    engine: 'oracle',
    hides: [
      'Oracle SQL: empty strings stored as NULL, ROWNUM/FETCH FIRST paging, sequences, MERGE',
      'ORA- errors: unique constraint (ORA-00001), missing parent key (ORA-02291), NULL into NOT NULL (ORA-01400)',
      'NUMBER, DATE and TIMESTAMP WITH TIME ZONE conversions to JavaScript values',
      'the 1,000-item limit on IN lists (ORA-01795) and open-cursor exhaustion (ORA-01000)',
    ],
    alternative: 'Oracle Database Free in a container (@testcontainers/oraclefree), with the real schema',
  },

  // SQLite
  { match: 'sqlite3', kind: 'database', system: 'SQLite', engine: 'sqlite', hides: SQLITE_HIDES, alternative: SQLITE_ALTERNATIVE },
  { match: 'better-sqlite3', kind: 'database', system: 'SQLite', engine: 'sqlite', hides: SQLITE_HIDES, alternative: SQLITE_ALTERNATIVE },
  // 'sqlite' names both the npm wrapper and Node's built-in node:sqlite.
  { match: 'sqlite', kind: 'database', system: 'SQLite', engine: 'sqlite', hides: SQLITE_HIDES, alternative: SQLITE_ALTERNATIVE },
  {
    match: 'sql.js',
    kind: 'database',
    system: 'SQLite (sql.js, in memory)',
    engine: 'sqlite',
    hides: [SQLITE_HIDES[0]!, SQLITE_HIDES[1]!, 'export and reload of the whole database file, which is the only way sql.js persists'],
    alternative: SQLITE_ALTERNATIVE,
  },
  {
    match: '@libsql/client',
    kind: 'database',
    system: 'libSQL (Turso)',
    engine: 'sqlite',
    hides: [
      SQLITE_HIDES[0]!,
      SQLITE_HIDES[1]!,
      'remote replica lag: a read after a write can miss it when reads go to an embedded replica',
      'batch and interactive transaction modes (write, read, deferred) and their lock errors',
    ],
    alternative: 'a local libSQL file in a temporary directory (url: file:…) with the migrations applied, or sqld in a container',
  },

  // MongoDB
  { match: 'mongodb', kind: 'database', system: 'MongoDB', engine: 'mongodb', hides: MONGO_HIDES, alternative: MONGO_ALTERNATIVE },
  {
    match: 'mongoose',
    kind: 'database',
    system: 'MongoDB (Mongoose)',
    engine: 'mongodb',
    hides: [
      'schema casting and validation errors (CastError, ValidationError) on real documents',
      'duplicate key errors (E11000) from unique indexes only the server enforces',
      'populate, lean and aggregation results as the server returns them',
      'pre/post middleware and strictQuery behaviour on a real connection',
      'indexes that autoIndex builds, or does not, before the first query',
    ],
    alternative: MONGO_ALTERNATIVE,
  },
  {
    match: '@typegoose/typegoose',
    kind: 'database',
    system: 'MongoDB (Typegoose)',
    engine: 'mongodb',
    hides: [
      'the Mongoose schema Typegoose derives from decorators: wrong types, missing required fields, discriminators',
      'duplicate key errors (E11000) from unique indexes only the server enforces',
      'casting and validation errors when real documents are saved',
    ],
    alternative: MONGO_ALTERNATIVE,
  },
  {
    match: '@nestjs/mongoose',
    kind: 'database',
    system: 'MongoDB (NestJS Mongoose)',
    engine: 'mongodb',
    hides: [
      'models injected with getModelToken: schema validation and casting the fake skips',
      'duplicate key errors (E11000) from unique indexes only the server enforces',
      'connection options and the module wiring that breaks when the real connection is made',
    ],
    alternative: `MongooseModule.forRoot pointed at a real mongod (mongodb-memory-server or @testcontainers/mongodb) in the testing module`,
  },

  // ORMs and query builders
  {
    match: '@prisma/client',
    kind: 'database',
    system: 'database via Prisma',
    hides: [
      'the SQL Prisma generates against the real schema, and drift from prisma/schema.prisma migrations',
      'unique (P2002), foreign key (P2003) and record-not-found (P2025) errors raised by the real engine',
      'interactive $transaction isolation, timeouts and rollbacks',
      'Decimal, BigInt, DateTime and Json values as the real engine returns them',
    ],
    alternative: `${ORM_CONTAINER} with prisma migrate deploy, and a clean schema or truncation per test`,
  },
  {
    match: 'typeorm',
    kind: 'database',
    system: 'database via TypeORM',
    hides: [
      'SQL from the query builder, relations and eager loading against the real schema',
      'QueryFailedError for constraint violations raised by the database',
      'entity metadata out of step with migrations (column names, nullable, enum types)',
      'transactions through the real driver and EntityManager scoping',
    ],
    alternative: `a DataSource on ${ORM_CONTAINER}, migrations run, tables truncated between tests`,
  },
  {
    match: '@nestjs/typeorm',
    kind: 'database',
    system: 'database via TypeORM (NestJS)',
    hides: [
      'repositories provided with getRepositoryToken: queries the fake answers without any SQL',
      'QueryFailedError for constraint violations raised by the database',
      'TypeOrmModule configuration (entities, autoLoadEntities, migrations) that fails on a real connection',
    ],
    alternative: `TypeOrmModule.forRoot pointed at ${ORM_CONTAINER} in the testing module, migrations run`,
  },
  {
    match: 'sequelize',
    kind: 'database',
    system: 'database via Sequelize',
    hides: [
      'SQL and types generated for the production dialect',
      'UniqueConstraintError and ForeignKeyConstraintError raised by the database',
      'model validations and hooks against real rows and column types',
      'managed and unmanaged transaction behaviour',
    ],
    alternative: `Sequelize on ${ORM_CONTAINER} with the migrations run (sequelize-cli or umzug)`,
  },
  {
    match: 'sequelize-typescript',
    kind: 'database',
    system: 'database via Sequelize',
    hides: [
      'models built from decorators that do not match the migrated tables',
      'UniqueConstraintError and ForeignKeyConstraintError raised by the database',
      'association loading (include) and scopes against real data',
    ],
    alternative: `Sequelize on ${ORM_CONTAINER} with the migrations run`,
  },
  {
    match: '@nestjs/sequelize',
    kind: 'database',
    system: 'database via Sequelize (NestJS)',
    hides: [
      'models injected with getModelToken answering without any SQL',
      'UniqueConstraintError and ForeignKeyConstraintError raised by the database',
      'SequelizeModule options that fail on a real connection (models, synchronize, dialect)',
    ],
    alternative: `SequelizeModule.forRoot pointed at ${ORM_CONTAINER} in the testing module`,
  },
  {
    match: 'knex',
    kind: 'database',
    system: 'SQL database via Knex',
    hides: [
      'the SQL the builder emits for the production client, including returning() and onConflict()',
      'constraint violations raised by the database',
      'drift between knex migrations and the queries',
      'knex.transaction commit and rollback, and pool exhaustion when a transaction is left open',
    ],
    alternative: `Knex configured for the production client against ${ORM_CONTAINER}, with knex.migrate.latest() before the suite`,
  },
  {
    match: 'drizzle-orm',
    kind: 'database',
    system: 'SQL database via Drizzle',
    hides: [
      'SQL generated for the real dialect and driver',
      'constraint violations raised by the database',
      'drift between the Drizzle schema file and the migrations drizzle-kit produced',
    ],
    alternative: `Drizzle on ${ORM_CONTAINER} with the drizzle-kit migrations applied`,
  },
  {
    match: 'kysely',
    kind: 'database',
    system: 'SQL database via Kysely',
    hides: [
      'SQL emitted for the production dialect',
      'constraint violations raised by the database',
      'database interface types that no longer match the real tables',
    ],
    alternative: `Kysely on ${ORM_CONTAINER}, migrated with its Migrator`,
  },
  {
    match: 'objection',
    kind: 'database',
    system: 'SQL database via Objection',
    hides: [
      'relation graphs (withGraphFetched, upsertGraph) against the real schema',
      'constraint violations wrapped as UniqueViolationError or ForeignKeyViolationError',
      'jsonSchema validation against real rows',
    ],
    alternative: `${ORM_CONTAINER}, migrated with knex, and Objection models bound to it`,
  },
  {
    match: 'bookshelf',
    kind: 'database',
    system: 'SQL database via Bookshelf',
    hides: [
      'relations and eager loading (withRelated) against the real schema',
      'constraint violations raised by the database',
      'NotFoundError from fetch({ require: true }) on missing rows',
    ],
    alternative: `${ORM_CONTAINER}, migrated with knex, with the real Bookshelf models`,
  },
  {
    match: 'waterline',
    kind: 'database',
    system: 'database via Waterline (Sails)',
    hides: [
      'adapter-specific query translation for the production datastore',
      'E_UNIQUE errors and other constraint failures from the database',
      'attribute validation and type coercion of real records',
    ],
    alternative: `the production adapter against ${ORM_CONTAINER}, not sails-disk or sails-memory`,
  },
  {
    match: '@mikro-orm/*',
    kind: 'database',
    system: 'database via MikroORM',
    hides: [
      'SQL emitted at flush time against the real schema',
      'unit-of-work flush ordering and the constraint violations it triggers',
      'identity map scoping per request (forked EntityManager)',
      'migration drift between entities and the database',
    ],
    alternative: `MikroORM on ${ORM_CONTAINER} with the migrator or schema generator run before the suite`,
  },

  // Search engines
  {
    match: '@elastic/elasticsearch',
    kind: 'database',
    system: 'Elasticsearch',
    hides: [
      'mapping conflicts and rejected documents (mapper_parsing_exception)',
      'analyzers, tokenisation and relevance scoring of real queries',
      'refresh interval: a document is not searchable until the index refreshes',
      'version conflicts (409) on concurrent updates and the 10,000-hit result window',
    ],
    alternative: 'Elasticsearch of the production version in a container (@testcontainers/elasticsearch) with the real index mappings',
  },
  {
    match: '@nestjs/elasticsearch',
    kind: 'database',
    system: 'Elasticsearch (NestJS)',
    hides: [
      'mapping conflicts and rejected documents (mapper_parsing_exception)',
      'analyzers and relevance scoring of real queries',
      'refresh interval: a document is not searchable until the index refreshes',
    ],
    alternative: 'ElasticsearchModule pointed at Elasticsearch in a container (@testcontainers/elasticsearch)',
  },
  {
    match: '@opensearch-project/opensearch',
    kind: 'database',
    system: 'OpenSearch',
    hides: [
      'mapping conflicts and rejected documents',
      'analyzers and relevance scoring of real queries',
      'refresh interval: documents are searchable only after a refresh',
      'API differences from Elasticsearch that appear after a client or server upgrade',
    ],
    alternative: 'OpenSearch of the production version in a container (@testcontainers/opensearch) with the real mappings',
  },
  {
    match: 'meilisearch',
    kind: 'database',
    system: 'Meilisearch',
    hides: [
      'asynchronous tasks: documents and settings apply only when the task succeeds, and a failed task is silent until waited on',
      'filterable and sortable attributes that must be declared before a filter works',
      'typo tolerance and ranking rules shaping real results',
    ],
    alternative: 'Meilisearch in a container (Testcontainers GenericContainer, getmeili/meilisearch image), waiting on each task',
  },
  {
    match: 'typesense',
    kind: 'database',
    system: 'Typesense',
    hides: [
      'collection schema errors: fields of the wrong type reject the document',
      'query_by, filter_by and sort_by syntax the server validates',
      'import results reported per line, where one bad document does not fail the batch',
    ],
    alternative: 'Typesense in a container (Testcontainers GenericContainer, typesense/typesense image) with the real collection schema',
  },

  // DynamoDB
  {
    match: '@aws-sdk/client-dynamodb',
    kind: 'database',
    system: 'Amazon DynamoDB',
    hides: [
      'ConditionalCheckFailedException when a condition expression fails',
      'ValidationException for key schema mismatches, reserved words without expression names, or empty key values',
      'TransactionCanceledException and its per-item cancellation reasons',
      'paging: a Query or Scan returns at most 1 MB, and batch writes report UnprocessedItems',
      'eventually consistent reads by default, and on every global secondary index',
    ],
    alternative: 'DynamoDB Local or LocalStack in a container (@testcontainers/localstack), with the real table and index definitions',
  },
  {
    match: '@aws-sdk/lib-dynamodb',
    kind: 'database',
    system: 'Amazon DynamoDB',
    hides: [
      'ConditionalCheckFailedException when a condition expression fails',
      'marshalling errors for undefined values, empty sets and class instances (removeUndefinedValues, convertClassInstanceToMap)',
      'paging: a Query returns at most 1 MB and the caller must follow LastEvaluatedKey',
      'eventually consistent reads by default',
    ],
    alternative: 'DynamoDB Local or LocalStack in a container (@testcontainers/localstack), with the real table and index definitions',
  },
  {
    match: 'aws-sdk/clients/dynamodb',
    kind: 'database',
    system: 'Amazon DynamoDB (SDK v2)',
    hides: [
      'ConditionalCheckFailedException when a condition expression fails',
      'ValidationException for key schema mismatches and reserved words',
      'paging through LastEvaluatedKey, and UnprocessedItems from batch writes',
    ],
    alternative: 'DynamoDB Local or LocalStack in a container (@testcontainers/localstack), with the real table definitions',
  },
  {
    match: 'dynamoose',
    kind: 'database',
    system: 'Amazon DynamoDB (Dynamoose)',
    hides: [
      'ConditionalCheckFailedException from conditional saves and updates',
      'schema validation and type casting of real items',
      'table creation and index settings that the model expects to exist',
    ],
    alternative: 'Dynamoose pointed at DynamoDB Local (dynamoose.aws.ddb.local()) or LocalStack in a container',
  },
  {
    match: 'electrodb',
    kind: 'database',
    system: 'Amazon DynamoDB (ElectroDB)',
    hides: [
      'single-table key composition: the composite keys ElectroDB builds must match the real table and indexes',
      'ConditionalCheckFailedException from create() and patch() on existing or missing items',
      'paging across collections and the cursor ElectroDB returns',
    ],
    alternative: 'DynamoDB Local or LocalStack in a container, with the real single-table definition',
  },
  {
    match: 'dynamodb-toolbox',
    kind: 'database',
    system: 'Amazon DynamoDB (DynamoDB Toolbox)',
    hides: [
      'ConditionalCheckFailedException from conditions on put and update commands',
      'schema parsing and key computation against the real table',
      'paging and UnprocessedItems in batch operations',
    ],
    alternative: 'DynamoDB Local or LocalStack in a container, with the real table definition',
  },

  // Wide-column, graph, document and analytical stores
  {
    match: 'cassandra-driver',
    kind: 'database',
    system: 'Apache Cassandra',
    hides: [
      'queries rejected without the partition key unless ALLOW FILTERING is added',
      'lightweight transactions (IF NOT EXISTS) that return [applied] = false instead of failing',
      'consistency level errors: Unavailable, ReadTimeout and WriteTimeout',
      'last-write-wins timestamps, TTLs and tombstones changing what a read returns',
    ],
    alternative: 'Cassandra (or ScyllaDB) in a container (@testcontainers/cassandra or @testcontainers/scylladb) with the real keyspace schema',
  },
  {
    match: 'neo4j-driver',
    kind: 'database',
    system: 'Neo4j',
    hides: [
      'Cypher syntax and semantic errors the server reports',
      'constraint violations (Neo.ClientError.Schema.ConstraintValidationFailed)',
      'Neo4j Integer values that are not JavaScript numbers',
      'transient errors such as deadlocks that executeWrite retries, and MERGE races under concurrency',
    ],
    alternative: 'Neo4j in a container (@testcontainers/neo4j) with the real constraints and indexes created',
  },
  {
    match: 'nano',
    kind: 'database',
    system: 'Apache CouchDB',
    hides: [
      'document update conflicts (409) when the _rev is stale',
      'Mango queries that need an index, and views built lazily on first read',
      'design documents and validation functions rejecting writes',
    ],
    alternative: 'CouchDB in a container (@testcontainers/couchdb) with the real design documents',
  },
  { match: 'pouchdb', ...POUCHDB },
  { match: 'pouchdb-browser', ...POUCHDB },
  {
    match: 'couchbase',
    kind: 'database',
    system: 'Couchbase',
    hides: [
      'CAS mismatches on concurrent mutation (CasMismatchError)',
      'DocumentNotFoundError and DocumentExistsError from key-value operations',
      'N1QL/SQL++ queries that need an index and scan consistency to see recent writes',
    ],
    alternative: 'Couchbase in a container (@testcontainers/couchbase) with the real buckets and indexes',
  },
  {
    match: '@clickhouse/client',
    kind: 'database',
    system: 'ClickHouse',
    hides: [
      'strict types: Nullable, LowCardinality, DateTime time zones and Decimal scale',
      'eventual deduplication: ReplacingMergeTree collapses rows only at merge time or with FINAL',
      'asynchronous ALTER … UPDATE/DELETE mutations and no transactions',
      '"too many parts" errors from many small inserts',
    ],
    alternative: 'ClickHouse in a container (@testcontainers/clickhouse) with the real table engines',
  },
  {
    match: 'arangojs',
    kind: 'database',
    system: 'ArangoDB',
    hides: [
      'AQL syntax errors and runtime errors the server raises',
      'unique constraint violations (error 1210) and write-write conflicts (1200)',
      'edge collections and graph traversals over real documents',
    ],
    alternative: 'ArangoDB in a container (@testcontainers/arangodb) with the real collections and indexes',
  },
  {
    match: 'redis-om',
    kind: 'database',
    system: 'Redis as a document store (Redis OM)',
    hides: [
      'search indexes that must be created, and rebuilt, before a search returns anything',
      'RediSearch query semantics: tokenised text, tag escaping, numeric ranges',
      'JSON documents stored and read back through RedisJSON',
    ],
    alternative: 'Redis Stack in a container (Testcontainers GenericContainer, redis/redis-stack-server image) with the indexes created',
  },
  {
    match: 'etcd3',
    kind: 'database',
    system: 'etcd',
    hides: [
      'compare-and-swap transactions that fail on a changed revision',
      'lease expiry deleting keys when keep-alives stop',
      'watch events missed or compacted away between reconnects',
    ],
    alternative: 'etcd in a container (@testcontainers/etcd)',
  },
  {
    match: '@influxdata/influxdb-client',
    kind: 'database',
    system: 'InfluxDB',
    hides: [
      'line protocol errors and field type conflicts on write',
      'batched writes that fail only when flushed',
      'Flux queries, time ranges and aggregation windows on real points',
    ],
    alternative: 'InfluxDB of the production version in a container (Testcontainers GenericContainer, influxdb image)',
  },
  {
    match: 'snowflake-sdk',
    kind: 'database',
    system: 'Snowflake',
    hides: [
      'Snowflake SQL: VARIANT paths, QUALIFY, identifier case folding to upper case',
      'warehouse suspension and query timeouts',
      'role and grant errors on objects the service user cannot see',
    ],
    alternative: 'a dedicated test database in a Snowflake sandbox account, exercised in a scheduled job, with per-run schemas',
  },

  // Google Cloud and Azure data stores
  {
    match: '@google-cloud/firestore',
    kind: 'database',
    system: 'Google Cloud Firestore',
    hides: [
      'queries that need a composite index (FAILED_PRECONDITION with an index link)',
      'transaction contention and retries (ABORTED)',
      'size limits: 1 MiB per document, and commits rejected as too big',
      'Timestamp and nested map values as the server stores them',
    ],
    alternative: 'the Firestore emulator (Firebase Emulator Suite, or @testcontainers/gcloud), cleared between tests',
  },
  {
    match: '@google-cloud/datastore',
    kind: 'database',
    system: 'Google Cloud Datastore',
    hides: [
      'queries that need a composite index declared in index.yaml',
      'transaction contention (ABORTED) and entity group limits',
      'key and ancestor semantics of real entities',
    ],
    alternative: 'the Datastore emulator (gcloud, or @testcontainers/gcloud)',
  },
  {
    match: '@google-cloud/spanner',
    kind: 'database',
    system: 'Google Cloud Spanner',
    hides: [
      'GoogleSQL or PostgreSQL-dialect errors the server raises',
      'read-write transactions aborted and retried under contention',
      'mutation limits per commit and interleaved table rules',
    ],
    alternative: 'the Spanner emulator (gcloud, or @testcontainers/gcloud) with the real DDL applied',
  },
  {
    match: '@google-cloud/bigquery',
    kind: 'database',
    system: 'Google BigQuery',
    hides: [
      'GoogleSQL syntax and type errors (STRUCT, ARRAY, TIMESTAMP vs DATETIME)',
      'streaming inserts with per-row errors (insertErrors) that do not reject the call',
      'job quotas, bytes-billed limits and query timeouts',
    ],
    alternative: 'the BigQuery emulator (@testcontainers/gcloud) for SQL and schema, plus a sandbox dataset in a scheduled job',
  },
  {
    match: '@azure/cosmos',
    kind: 'database',
    system: 'Azure Cosmos DB',
    hides: [
      'request-unit throttling (429) with a retry-after',
      'partition key rules: cross-partition queries, and point reads that need the right key',
      'optimistic concurrency failures (412) on a stale ETag',
      'the 2 MB item size limit and consistency level effects',
    ],
    alternative: 'the Cosmos DB emulator in a container (@testcontainers/azure-cosmosdb-emulator) with the real containers and partition keys',
  },
  {
    match: '@azure/data-tables',
    kind: 'database',
    system: 'Azure Table Storage',
    hides: [
      'PartitionKey/RowKey rules and forbidden characters in keys',
      'EntityAlreadyExists and ETag mismatches (412) on update',
      'OData filter syntax and continuation tokens on large queries',
    ],
    alternative: 'Azurite in a container (@testcontainers/azurite), which serves the Table API',
  },
  {
    match: 'firebase/firestore',
    kind: 'database',
    system: 'Google Cloud Firestore (Firebase client SDK)',
    hides: [
      'security rules denying reads and writes (permission-denied)',
      'queries that need a composite index',
      'offline cache and latency compensation: snapshots fire before the server confirms',
    ],
    alternative: 'the Firestore emulator (Firebase Emulator Suite) with the real security rules loaded',
  },
  {
    match: 'firebase-admin/firestore',
    kind: 'database',
    system: 'Google Cloud Firestore (Admin SDK)',
    hides: [
      'queries that need a composite index (FAILED_PRECONDITION)',
      'transaction contention and retries (ABORTED)',
      'size limits: 1 MiB per document, and batches rejected as too big',
    ],
    alternative: 'the Firestore emulator (Firebase Emulator Suite) via FIRESTORE_EMULATOR_HOST, cleared between tests',
  },

  // Vector databases
  {
    match: '@pinecone-database/pinecone',
    kind: 'database',
    system: 'Pinecone',
    hides: [
      'dimension mismatches between the embeddings and the index',
      'eventual consistency: upserted vectors are not immediately returned by queries',
      'metadata filter syntax and metadata size limits',
    ],
    alternative: 'Pinecone Local (the pinecone-local container image) for the API, plus a test index in a scheduled job',
  },
  {
    match: '@qdrant/js-client-rest',
    kind: 'database',
    system: 'Qdrant',
    hides: [
      'vector size and distance configuration of the real collection',
      'payload filters and payload indexes applied by the server',
      'writes acknowledged before indexing unless wait=true',
    ],
    alternative: 'Qdrant in a container (@testcontainers/qdrant) with the real collection configuration',
  },
  {
    match: 'chromadb',
    kind: 'database',
    system: 'Chroma',
    hides: [
      'embedding dimension mismatches within a collection',
      'where and where_document filter semantics',
      'the embedding function configured on the collection versus the one the code assumes',
    ],
    alternative: 'Chroma in a container (@testcontainers/chromadb)',
  },
  {
    match: 'weaviate-client',
    kind: 'database',
    system: 'Weaviate',
    hides: [
      'collection schema and vectorizer configuration of the real instance',
      'batch imports that report per-object errors instead of failing',
      'filter and hybrid search semantics on real data',
    ],
    alternative: 'Weaviate in a container (@testcontainers/weaviate) with the real collection definitions',
  },
];
