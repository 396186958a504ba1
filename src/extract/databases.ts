/**
 * Database engine selections in test code: SQLite drivers, in-memory SQLite URLs, ORM configs
 * naming a SQLite dialect, and pg-mem. Notes when the choice sits behind an environment switch.
 */
import { ts } from '../typescript.js';
import type { DatabaseEngine, DatabaseSelection } from '../model/test-model.js';
import { anyNode, literalText, propertyKey, unwrap, type Chain } from './chain.js';
import type { ExtractionState } from './state.js';
import { lookupTable } from '../lookup-table.js';

const ENGINE_MODULES: Record<string, DatabaseEngine> = lookupTable({
  sqlite3: 'sqlite',
  'better-sqlite3': 'sqlite',
  'sql.js': 'sqlite',
  sqlite: 'sqlite',
  '@libsql/client': 'sqlite',
  'drizzle-orm/better-sqlite3': 'sqlite',
  'drizzle-orm/libsql': 'sqlite',
  'drizzle-orm/sql-js': 'sqlite',
  'drizzle-orm/bun-sqlite': 'sqlite',
  '@mikro-orm/sqlite': 'sqlite',
  '@mikro-orm/better-sqlite': 'sqlite',
  'pg-mem': 'pg-mem',
});

const SQLITE_VALUES: Record<string, Set<string>> = lookupTable({
  dialect: new Set(['sqlite']),
  client: new Set(['sqlite3', 'better-sqlite3', 'sqlite', 'libsql']),
  type: new Set(['sqlite', 'better-sqlite3', 'sqljs', 'capacitor', 'expo']),
  provider: new Set(['sqlite']),
  driver: new Set(['sqlite', 'SqliteDriver', 'BetterSqliteDriver', 'LibSqlDriver']),
});
/** Keys that show an object literal is a database configuration, so `type: 'sqlite'` means TypeORM. */
const CONFIG_KEYS = new Set(['database', 'entities', 'synchronize', 'migrations', 'dropSchema', 'logging', 'storage', 'connection', 'useNullAsDefault', 'filename']);

export function recogniseEngineImport(state: ExtractionState, specifier: string, node: ts.Node, ancestors: readonly ts.Node[]): void {
  const engine = ENGINE_MODULES[specifier];
  if (!engine) return;
  const selection = add(state, engine, `imports '${specifier}'`, node, ancestors);
  selection.fromImport = true;
  if (ts.isImportDeclaration(node)) state.engineImports.push({ selection, locals: importedLocals(node) });
}

function importedLocals(declaration: ts.ImportDeclaration): string[] {
  const clause = declaration.importClause;
  if (!clause) return [];
  const out: string[] = [];
  if (clause.name) out.push(clause.name.text);
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) out.push(bindings.name.text);
  else if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) if (!element.isTypeOnly) out.push(element.name.text);
  return out;
}

/**
 * After the walk: an engine import whose names are used only as types (`import { IMemoryDb } from
 * 'pg-mem'` for `let db: IMemoryDb`) selects nothing; the database is made elsewhere.
 */
export function dropTypeOnlyEngineImports(state: ExtractionState): void {
  if (state.engineImports.length === 0) return;
  const used = new Set(state.model.importUses.map((u) => u.local));
  const unused = new Set(state.engineImports.filter((i) => i.locals.length > 0 && !i.locals.some((l) => used.has(l))).map((i) => i.selection));
  if (unused.size) state.model.databaseSelections = state.model.databaseSelections.filter((s) => !unused.has(s));
}

/** pg-mem adapters: the in-memory database handed to a driver or ORM. */
const PG_MEM_ADAPTERS = new Set([
  'createTypeormDataSource',
  'createTypeormConnection',
  'createPg',
  'createPgPromise',
  'createPgNative',
  'createSlonik',
  'createKnex',
  'createKysely',
  'createMikroOrm',
  'createPostgresJsTag',
  'bindServer',
]);

/**
 * Where pg-mem is made or wired in: `newDb()` imported from pg-mem, and
 * `db.adapters.createTypeormDataSource(…)` (also on a database a helper made).
 */
export function recogniseEngineCall(state: ExtractionState, chain: Chain, ancestors: readonly ts.Node[]): void {
  const links = chain.links;
  const last = links[links.length - 1]!;
  if (!last.call || !chain.root) return;
  if (links.length === 1) {
    const origin = state.originOf(chain.root);
    if (origin?.module === 'pg-mem' && !origin.instance && origin.name === 'newDb') add(state, 'pg-mem', 'newDb()', last.call, ancestors);
    return;
  }
  if (links.length >= 3 && links[links.length - 2]!.name === 'adapters' && PG_MEM_ADAPTERS.has(last.name)) {
    add(state, 'pg-mem', `adapters.${last.name}()`, last.call, ancestors);
  }
}

export function recogniseEngineString(state: ExtractionState, node: ts.StringLiteralLike, ancestors: readonly ts.Node[]): void {
  const text = node.text;
  // Every form below has a colon: most strings leave here without a regular expression.
  if (text.length > 200 || !text.includes(':')) return;
  if (/^sqlite:/i.test(text) || text === ':memory:' || /^file::memory:/i.test(text) || /^file:.*\.(db|sqlite3?)(\?.*)?$/i.test(text)) {
    add(state, 'sqlite', `'${text}'`, node, ancestors);
  }
}

export function recogniseEngineProperty(state: ExtractionState, property: ts.PropertyAssignment, ancestors: readonly ts.Node[]): void {
  const key = propertyKey(property.name);
  if (!key || !SQLITE_VALUES[key]) return;
  const value = unwrap(property.initializer);
  const text = literalText(value) ?? (ts.isIdentifier(value) ? value.text : null);
  if (text === null || !SQLITE_VALUES[key]!.has(text)) return;
  if (key === 'type' || key === 'provider') {
    const object = ancestors[ancestors.length - 1];
    if (!object || !ts.isObjectLiteralExpression(object)) return;
    const keys = object.properties.map((p) => (p.name ? propertyKey(p.name) : null));
    if (!keys.some((k) => k !== null && CONFIG_KEYS.has(k))) return;
  }
  add(state, 'sqlite', `${key}: '${text}'`, property, ancestors);
}

function add(state: ExtractionState, engine: DatabaseEngine, evidence: string, node: ts.Node, ancestors: readonly ts.Node[]): DatabaseSelection {
  const selection: DatabaseSelection = { engine, evidence, owner: state.owner, switchable: environmentSwitch(state, node, ancestors), ...state.position(node) };
  state.model.databaseSelections.push(selection);
  return selection;
}

/**
 * The environment switch a selection sits behind, if any: `process.env.DB === 'pg' ? pg : sqlite`,
 * `if (process.env.CI) {...} else {...}`, `process.env.DB_CLIENT ?? 'sqlite3'`.
 */
function environmentSwitch(state: ExtractionState, node: ts.Node, ancestors: readonly ts.Node[]): string | null {
  let child: ts.Node = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const above = ancestors[i]!;
    let condition: ts.Node | null = null;
    if (ts.isConditionalExpression(above) && child !== above.condition) condition = above.condition;
    else if (ts.isIfStatement(above) && child !== above.expression) condition = above.expression;
    else if (ts.isSwitchStatement(above)) condition = above.expression;
    else if (
      ts.isBinaryExpression(above) &&
      (above.operatorToken.kind === ts.SyntaxKind.BarBarToken || above.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) &&
      child === above.right
    ) {
      condition = above.left;
    }
    if (condition) {
      const reads = readsEnvironment(state, condition);
      if (reads) return reads;
    }
    child = above;
  }
  return null;
}

function readsEnvironment(state: ExtractionState, condition: ts.Node): string | null {
  const text = state.shortText(condition, 80);
  if (/process\.env|import\.meta\.env/.test(text)) return text;
  let found: string | null = null;
  anyNode(condition, (n) => {
    if (!ts.isIdentifier(n)) return false;
    const init = state.initializers.get(n.text);
    if (init && /process\.env|import\.meta\.env/.test(state.text(init))) found = `${n.text} (${state.shortText(init, 60)})`;
    return found !== null;
  });
  return found;
}
