/**
 * sqlite-for-postgres: tests that run on SQLite or pg-mem while production runs a server database.
 */
import type { EngineEvidence, PackageContext } from '../src/model/context.js';
import type { AnalyzedFile } from '../src/model/analysis.js';
import type { RawFinding, RuleDefinition } from '../src/model/rule.js';
import type { DatabaseEngine, DatabaseSelection } from '../src/model/test-model.js';

const SERVER_ENGINES = new Set<DatabaseEngine>(['postgresql', 'mysql', 'mariadb', 'mssql', 'oracle']);
const ENGINE_NAMES: Record<string, string> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MariaDB',
  mssql: 'SQL Server',
  oracle: 'Oracle',
  sqlite: 'SQLite',
  'pg-mem': 'pg-mem',
};
const DIFFERENCES: Record<string, string> = {
  sqlite:
    'type affinity accepts any value in any column, foreign keys are off by default, no jsonb/timestamptz/array types, different SQL dialect, locking and transaction isolation',
  'pg-mem':
    'it reimplements a subset of PostgreSQL: missing functions and extensions, no real planner, locking or isolation levels, and its own error messages',
};

/** The server engine production uses, with its evidence, or null when nothing points to one. */
function productionServer(pkg: PackageContext): EngineEvidence | null {
  return pkg.productionEngines.find((e) => SERVER_ENGINES.has(e.engine)) ?? null;
}

/** SQLite is itself a production engine here (a dependency, a production schema): no finding for it. */
function sqliteInProduction(pkg: PackageContext): boolean {
  return pkg.productionEngines.some((e) => e.engine === 'sqlite');
}

function relevant(pkg: PackageContext, engine: DatabaseEngine): boolean {
  if (engine === 'pg-mem') return pkg.productionEngines.some((e) => e.engine === 'postgresql');
  return engine === 'sqlite' && !sqliteInProduction(pkg);
}

function data(selection: { engine: DatabaseEngine; evidence: string }, where: string, production: EngineEvidence): Record<string, string> {
  return {
    testEngine: ENGINE_NAMES[selection.engine] ?? selection.engine,
    evidence: selection.evidence,
    where,
    productionEngine: ENGINE_NAMES[production.engine] ?? production.engine,
    productionEvidence: production.evidence,
    productionWhere: `${production.path}:${production.line}`,
    differences: DIFFERENCES[selection.engine] ?? '',
    alternative: `${ENGINE_NAMES[production.engine] ?? production.engine} itself in a container (Testcontainers) or a test database reached through one URL`,
  };
}

const rule: RuleDefinition = {
  meta: {
    id: 'sqlite-for-postgres',
    description: 'Tests run on SQLite or pg-mem while production runs PostgreSQL, MySQL, MariaDB, SQL Server or Oracle.',
    rationale:
      'A different engine accepts queries, types and constraints the production engine rejects (and the reverse), so tests pass on a database the application never meets.',
    severity: {
      default: { unit: 'warning', integration: 'error', e2e: 'error' },
      switchable: { unit: 'info', integration: 'warning', e2e: 'warning' },
    },
    supersedes: ['mocked-dependency'],
    messages: {
      substitute:
        'Tests use {testEngine} ({evidence} at {where}) but production uses {productionEngine} ({productionEvidence} at {productionWhere}). Differences that pass here and fail there: {differences}. Instead: {alternative}.',
      switchable:
        'Tests default to {testEngine} ({evidence} at {where}, switchable by {switch}) while production uses {productionEngine} ({productionEvidence} at {productionWhere}). Make {productionEngine} the default in CI, or the differences slip through: {differences}.',
    },
  },
  check(file: AnalyzedFile) {
    const production = productionServer(file.pkg);
    if (!production) return [];
    const selections = file.model.databaseSelections.filter((s) => relevant(file.pkg, s.engine));
    if (selections.length === 0) return [];
    // Where the database is made (newDb(), a ':memory:' URL, a dialect) says more than the import.
    const fixed = selections.find((s) => s.switchable === null && !s.fromImport) ?? selections.find((s) => s.switchable === null);
    const chosen: DatabaseSelection = fixed ?? selections.find((s) => !s.fromImport) ?? selections[0]!;
    const finding: RawFinding = {
      messageId: fixed ? 'substitute' : 'switchable',
      data: { ...data(chosen, `${file.path}:${chosen.line}`, production), switch: chosen.switchable ?? '' },
      line: chosen.line,
      column: chosen.column,
      testId: chosen.owner.kind === 'test' ? chosen.owner.id : null,
      variant: fixed ? 'default' : 'switchable',
      subject: `${chosen.engine} ${chosen.evidence}`,
    };
    // The same double elsewhere in the file: its other selections, and the pg-mem import as a fake library.
    const also = new Set(selections.map((s) => s.line));
    for (const site of file.model.mocks) if (site.fakeLibrary === 'pg-mem' && chosen.engine === 'pg-mem') also.add(site.line);
    also.delete(chosen.line);
    if (also.size) finding.supersedesAt = [...also].sort((a, b) => a - b);
    return [finding];
  },
  checkPackage(pkg, tests) {
    const production = productionServer(pkg);
    if (!production || tests.files === 0) return [];
    return pkg.testEngineSelections
      .filter((s) => relevant(pkg, s.engine))
      .map((selection) => ({
        messageId: 'substitute',
        data: data(selection, `${selection.path}:${selection.line}`, production),
        path: selection.path,
        line: selection.line,
        column: selection.column,
        tier: tests.tier,
        subject: `${selection.engine} ${selection.evidence}`,
      }));
  },
};

export default rule;
