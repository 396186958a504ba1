/**
 * Evidence that a test uses the real thing: containers, the real app over HTTP, a real mongod,
 * temporary directories, LocalStack and SMTP catchers.
 */
import type { DatabaseEngine } from '../model/test-model.js';
import { ts } from '../typescript.js';
import { dottedName, literalText, propertyKey, rootIdentifier, unwrap, type Chain } from './chain.js';
import type { ExtractionState, LocalOrigin } from './state.js';
import { enclosingDouble } from './mocks.js';

/** Modules whose use means a real boundary is exercised, and what kind of evidence that is. */
const REAL_MODULES: [RegExp, string][] = [
  [/^testcontainers$|^@testcontainers\//, 'testcontainers'],
  [/^supertest$|^supertest-/, 'supertest'],
  [/^light-my-request$/, 'http-inject'],
  [/^mongodb-memory-server(-core)?$|^@shelf\/jest-mongodb$/, 'mongodb-memory-server'],
];

export function realModuleKind(specifier: string): string | null {
  for (const [pattern, kind] of REAL_MODULES) if (pattern.test(specifier)) return kind;
  return null;
}

/** Calls that open a client to a real system: `mongoose.connect(url)`, `createClient()`, `knex(config)`. */
const CLIENT_FACTORIES = /^(connect|createClient|createPool|createConnection|createTransport|createCluster|getConnection|initialize|default)$/;

/** Calls that exercise something real: request(app) from supertest, new PostgreSqlContainer(), mkdtemp. */
export function recogniseRealCall(state: ExtractionState, chain: Chain): void {
  if (!chain.root) return;
  const names = chain.names;
  const origin = state.originOf(chain.root);
  const node = chain.links[chain.links.length - 1]!.node;
  if (origin?.module) {
    const kind = realModuleKind(origin.module);
    if (kind) {
      add(state, kind, `${names.join('.')}() from ${origin.module}`, node);
      if (kind === 'supertest') recogniseRemoteApp(state, chain, node);
      return;
    }
    const orm = ormEntry(state, origin, chain);
    if (orm) {
      if (orm.engine) add(state, 'client', origin.module, node, true, orm.engine);
      // Options the file does not show (an ormconfig, a config service): nothing to go on.
      if (orm.engine || !orm.fallback) return;
    }
    if (isBare(origin.module) && !origin.instance) {
      const calledDirectly = chain.links[0]!.call && (origin.name === 'default' || origin.name === '*' || CLIENT_FACTORIES.test(origin.name));
      const factory = names.slice(1).find((n, i) => chain.links[i + 1]!.call && CLIENT_FACTORIES.test(n));
      if (calledDirectly || factory) add(state, 'client', origin.module, node);
    }
    if (/^(node:)?(fs|fs\/promises|os)$|^fs-extra$/.test(origin.module)) {
      const method = origin.name === '*' || origin.name === 'default' ? names[names.length - 1] : origin.name;
      if (method && /^(mkdtemp|mkdtempSync|tmpdir)$/.test(method)) add(state, 'temp-dir', `${method}()`, node);
      return;
    }
    if (/^(tmp|tmp-promise)$/.test(origin.module)) add(state, 'temp-dir', `${origin.module}`, node);
  }
  // Fastify's inject runs a request through the real app without a socket.
  if (names[names.length - 1] === 'inject' && names.length === 2) add(state, 'http-inject', `${names.join('.')}()`, node);
  if (!origin) recogniseBrowserCommand(state, chain, node);
}

/**
 * Browser commands that drive whatever app the browser has loaded: Cypress `cy.visit()`,
 * `cy.get()` and custom commands, Playwright `page.goto()` and the `request` fixture. Whether they
 * drive the running app (an e2e suite) or a mounted component is decided per file, from the
 * runner and from component mounts (`cy.mount`, Playwright's `mount` fixture).
 */
function recogniseBrowserCommand(state: ExtractionState, chain: Chain, node: ts.Node): void {
  const { names, links } = chain;
  if (names[0] === 'cy' && names.length >= 2 && links[1]!.call) {
    const command = names[1]!;
    if (/^mount/i.test(command)) add(state, 'component-mount', `cy.${command}()`, node);
    else if (!CYPRESS_OFF_PAGE.has(command)) add(state, 'browser-app', `cy.${command}()`, node);
    return;
  }
  if (names.length === 1 && /^mount/.test(names[0]!) && links[0]!.call) {
    add(state, 'component-mount', `${names[0]}()`, node);
    return;
  }
  const last = names[names.length - 1]!;
  if (names.length >= 2 && last === 'goto' && links[links.length - 1]!.call) add(state, 'browser-app', `${names.join('.')}()`, node);
  else if (names.length === 2 && names[0] === 'request' && PLAYWRIGHT_REQUESTS.has(last) && links[1]!.call) add(state, 'browser-app', `request.${last}()`, node);
}

/** Cypress commands that work beside the page, not on the app in it. */
const CYPRESS_OFF_PAGE = new Set([
  'task', 'fixture', 'wrap', 'stub', 'spy', 'clock', 'tick', 'log', 'wait', 'intercept', 'route', 'server',
  'readFile', 'writeFile', 'exec', 'viewport', 'then', 'on', 'once', 'spread', 'its', 'invoke', 'as', 'debug', 'pause', 'env',
]);
const PLAYWRIGHT_REQUESTS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'fetch']);

/**
 * supertest pointed at a URL (`request(APP_URL)`, `request('http://localhost:3000')`) rather than
 * an app object: the app runs in its own process, with its own configuration, and nothing the test
 * file replaces can reach into it.
 */
function recogniseRemoteApp(state: ExtractionState, chain: Chain, node: ts.Node): void {
  const link = chain.links.find((l, i) => l.call && (i === 0 || l.name === 'agent'));
  const target = link?.call?.arguments[0];
  if (target && isAppUrl(state, target, 0)) add(state, 'remote-app', `${chain.names.join('.')}() from supertest against a URL`, node);
}

/** Names that hold a URL by convention: `APP_URL`, `baseUrl`, `apiHost`. */
const URL_NAME = /(^|_)(URL|URI|HOST|ORIGIN|ENDPOINT)$|[a-z](Url|URL|Uri|Host|Origin|Endpoint)$|^(url|uri|host|origin|endpoint)$/;

function isAppUrl(state: ExtractionState, expr: ts.Expression, depth: number): boolean {
  const value = unwrap(expr);
  if (ts.isStringLiteralLike(value)) return /^https?:\/\//i.test(value.text);
  if (ts.isTemplateExpression(value)) return /^https?:\/\//i.test(value.head.text);
  if (ts.isPropertyAccessExpression(value)) return dottedName(value)?.startsWith('process.env.') === true;
  if (ts.isBinaryExpression(value)) {
    const op = value.operatorToken.kind;
    if (op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.QuestionQuestionToken) return false;
    return isAppUrl(state, value.left, depth + 1) && isAppUrl(state, value.right, depth + 1);
  }
  if (!ts.isIdentifier(value) || depth > 3) return false;
  const init = state.initializers.get(value.text);
  if (init) return isAppUrl(state, init, depth + 1);
  // An imported constant: only its name says what it holds.
  return state.importLocals.has(value.text) && URL_NAME.test(value.text);
}

/** TypeORM `type` values by engine. */
const TYPEORM_TYPES: Record<string, DatabaseEngine> = {
  postgres: 'postgresql',
  'aurora-postgres': 'postgresql',
  mysql: 'mysql',
  'aurora-mysql': 'mysql',
  mariadb: 'mariadb',
  mssql: 'mssql',
  oracle: 'oracle',
  mongodb: 'mongodb',
  sqlite: 'sqlite',
  'better-sqlite3': 'sqlite',
  sqljs: 'sqlite',
  capacitor: 'sqlite',
  cordova: 'sqlite',
  expo: 'sqlite',
  nativescript: 'sqlite',
  'react-native': 'sqlite',
};
/** MikroORM `type` values (v5) and driver classes (v6). */
const MIKRO_TYPES: Record<string, DatabaseEngine> = {
  postgresql: 'postgresql',
  mysql: 'mysql',
  mariadb: 'mariadb',
  mssql: 'mssql',
  mongo: 'mongodb',
  sqlite: 'sqlite',
  'better-sqlite': 'sqlite',
  libsql: 'sqlite',
};
const MIKRO_DRIVERS: Record<string, DatabaseEngine> = {
  PostgreSqlDriver: 'postgresql',
  MySqlDriver: 'mysql',
  MariaDbDriver: 'mariadb',
  MsSqlDriver: 'mssql',
  MongoDriver: 'mongodb',
  SqliteDriver: 'sqlite',
  BetterSqliteDriver: 'sqlite',
  LibSqlDriver: 'sqlite',
};
/** MikroORM driver packages, which re-export `MikroORM` bound to their engine. */
const MIKRO_PACKAGES: Record<string, DatabaseEngine> = {
  '@mikro-orm/postgresql': 'postgresql',
  '@mikro-orm/mysql': 'mysql',
  '@mikro-orm/mariadb': 'mariadb',
  '@mikro-orm/mssql': 'mssql',
  '@mikro-orm/mongodb': 'mongodb',
  '@mikro-orm/sqlite': 'sqlite',
  '@mikro-orm/better-sqlite': 'sqlite',
  '@mikro-orm/libsql': 'sqlite',
};

interface OrmEntry {
  /** The engine the options name, or null when the file does not show it. */
  engine: DatabaseEngine | null;
  /** Without a known engine, a plain client factory (`createConnection`) still counts as a client. */
  fallback: boolean;
}

/**
 * ORM entry points that open a connection from options the test writes: TypeORM
 * `TypeOrmModule.forRoot({ type })`, `createConnection({ type })`, MikroORM `MikroORM.init({ driver })`
 * and `MikroOrmModule.forRoot(...)`. `forRoot` and `init` are not client factories by name, so
 * without a known engine they count for nothing.
 */
function ormEntry(state: ExtractionState, origin: LocalOrigin, chain: Chain): OrmEntry | null {
  const { names, links } = chain;
  const module = origin.module!;
  const called = (i: number): ts.CallExpression | null => links[i]?.call ?? null;
  if (module === '@nestjs/typeorm' && origin.name === 'TypeOrmModule' && names[1] === 'forRoot' && called(1)) {
    return { engine: typeormEngine(state, called(1)!.arguments[0]), fallback: false };
  }
  if (module === 'typeorm' && origin.name === 'createConnection' && names.length === 1 && called(0)) {
    return { engine: typeormEngine(state, called(0)!.arguments[0]), fallback: true };
  }
  const mikroInit = /^@mikro-orm\//.test(module) && origin.name === 'MikroORM' && names[1] === 'init' && called(1);
  const mikroModule = module === '@mikro-orm/nestjs' && origin.name === 'MikroOrmModule' && names[1] === 'forRoot' && called(1);
  if (mikroInit || mikroModule) {
    return { engine: mikroEngine(state, called(1)!.arguments[0]) ?? MIKRO_PACKAGES[module] ?? null, fallback: false };
  }
  return null;
}

/** `new DataSource({ type: 'postgres' })` from typeorm: the engine its options name, if any. */
export function constructedOrmEngine(state: ExtractionState, module: string, name: string, node: ts.NewExpression): DatabaseEngine | null {
  if (module === 'typeorm' && name === 'DataSource') return typeormEngine(state, node.arguments?.[0]);
  if (/^@mikro-orm\//.test(module) && name === 'MikroORM') return mikroEngine(state, node.arguments?.[0]) ?? MIKRO_PACKAGES[module] ?? null;
  return null;
}

function typeormEngine(state: ExtractionState, options: ts.Expression | undefined): DatabaseEngine | null {
  const type = optionValue(state, options, 'type');
  const text = type ? literalText(type) : null;
  return text !== null ? (TYPEORM_TYPES[text] ?? null) : null;
}

function mikroEngine(state: ExtractionState, options: ts.Expression | undefined): DatabaseEngine | null {
  const driver = optionValue(state, options, 'driver');
  if (driver && ts.isIdentifier(unwrap(driver))) {
    const local = (unwrap(driver) as ts.Identifier).text;
    const origin = state.originOf(local);
    const engine = MIKRO_DRIVERS[origin?.name ?? local] ?? (origin?.module ? MIKRO_PACKAGES[origin.module] : undefined);
    if (engine) return engine;
  }
  const type = optionValue(state, options, 'type');
  const text = type ? literalText(type) : null;
  return text !== null ? (MIKRO_TYPES[text] ?? null) : null;
}

/** A property of an options object written in the file (inline, or in a variable it declares). */
function optionValue(state: ExtractionState, options: ts.Expression | undefined, key: string): ts.Expression | null {
  if (!options) return null;
  let object = unwrap(options);
  if (ts.isIdentifier(object)) object = state.initializers.get(object.text) ?? object;
  if (!ts.isObjectLiteralExpression(object)) return null;
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && propertyKey(property.name) === key) return property.initializer;
  }
  return null;
}

export function recogniseRealConstruction(state: ExtractionState, node: ts.NewExpression): void {
  const root = rootIdentifier(node.expression);
  if (!root) return;
  const origin = state.originOf(root);
  if (!origin?.module || origin.instance) return;
  const kind = realModuleKind(origin.module);
  const image = literalText(node.arguments?.[0]);
  if (kind) add(state, kind, `${origin.module}${image ? ` image ${image}` : ''}`, node, true);
  // A client constructed in the test (`new Pool(...)`, `new PrismaClient()`): real unless the module is faked.
  else if (isBare(origin.module)) add(state, 'client', origin.module, node, true, constructedOrmEngine(state, origin.module, origin.name, node));
}

function isBare(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('@/') && !specifier.startsWith('~');
}

/**
 * Endpoints and images, not the bare word: a list of tool names in a test mentions "localstack"
 * without talking to it. Its edge port, a URL whose host is localstack, or its container image.
 */
const LOCALSTACK_ENDPOINT = /(?:localhost|127\.0\.0\.1|\blocalstack):4566\b|\/\/localstack\b|\blocalstack\/localstack\b/i;
/** Mailpit and MailHog: their SMTP or web port, a URL whose host is one of them, or their image. */
const SMTP_CATCHER_ENDPOINT = /(?:localhost|127\.0\.0\.1|\bmailpit|\bmailhog):(?:1025|8025)\b|\/\/(?:mailpit|mailhog)\b|\baxllent\/mailpit\b|\bmailhog\/mailhog\b/i;

export function recogniseRealString(state: ExtractionState, node: ts.StringLiteralLike): void {
  const text = node.text;
  if (text.length > 300 || text.length < 7) return;
  if (LOCALSTACK_ENDPOINT.test(text)) add(state, 'localstack', `'${text}'`, node);
  else if (SMTP_CATCHER_ENDPOINT.test(text)) add(state, 'smtp-catcher', `'${text}'`, node);
}

/**
 * Evidence of a real engine a double's replacement starts and hands to the code in place of the real
 * module. A client the replacement opens is not enough: `new UpdateResult()` from typeorm is no server.
 */
const STAND_IN_EVIDENCE = new Set(['mongodb-memory-server', 'testcontainers', 'localstack', 'smtp-catcher']);

function add(
  state: ExtractionState,
  kind: string,
  detail: string,
  node: ts.Node,
  distinctDetail = kind === 'client',
  engine: DatabaseEngine | null = null,
): void {
  const owner = state.owner;
  const position = state.position(node);
  // A real engine started or opened by a double's own replacement: the double wires the code to it.
  const inside = STAND_IN_EVIDENCE.has(kind) ? enclosingDouble(state, node) : null;
  if (inside) inside.realInside = { line: position.line };
  const exists = state.model.realUsages.some(
    (u) =>
      u.kind === kind &&
      (!distinctDetail || (u.detail === detail && (u.engine ?? null) === engine)) &&
      JSON.stringify(u.owner) === JSON.stringify(owner) &&
      (!inside || u.line === position.line),
  );
  if (!exists) state.model.realUsages.push({ kind, detail, owner, ...position, ...(engine ? { engine } : {}) });
}
