/**
 * Database engine selections in test code: SQLite drivers, in-memory SQLite URLs, ORM configs
 * naming a SQLite dialect, and pg-mem. Notes when the choice sits behind an environment switch.
 */
import { ts } from '../typescript.js';
import type { DatabaseEngine } from '../model/test-model.js';
import { anyNode, literalText, unwrap } from './chain.js';
import { propertyKey } from './mocks.js';
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
  add(state, engine, `imports '${specifier}'`, node, ancestors);
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

function add(state: ExtractionState, engine: DatabaseEngine, evidence: string, node: ts.Node, ancestors: readonly ts.Node[]): void {
  state.model.databaseSelections.push({ engine, evidence, owner: state.owner, switchable: environmentSwitch(state, node, ancestors), ...state.position(node) });
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
