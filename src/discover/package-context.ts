/**
 * Builds each package's context (dependencies, runner config, database evidence) from its nearest
 * package.json and the configs around it, so a monorepo's packages are judged by their own facts.
 */
import { realpathSync, statSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import type { EngineEvidence, PackageContext, PathAlias } from '../model/context.js';
import {
  fromCompose,
  fromDependencies,
  fromDrizzleConfig,
  fromEnvFile,
  fromEnvironmentConfig,
  fromOrmConfig,
  fromPrismaSchema,
} from './engine-evidence.js';
import { buildRunnerConfig, emptyRunner, RUNNER_CONFIG_NAME, type ConfigSource } from './runner-config.js';
import { readStaticConfig, type StaticObject } from './static-config.js';
import { readBounded } from '../extract/read-source.js';

const KNEXFILE = /(^|\/)knexfile\.[cm]?[jt]s$/;
const ORMCONFIG = /(^|\/)(ormconfig|data-?source|typeorm(\.config)?|typeorm-config)\.(json|[cm]?[jt]s)$/i;
const DRIZZLE_CONFIG = /(^|\/)drizzle\.config\.(json|[cm]?[jt]s)$/;
const SEQUELIZE_CONFIG = /(^|\/)config\/(config|database)\.(json|[cm]?[jt]s)$/;
const COMPOSE = /(^|\/)(docker-)?compose[\w.-]*\.ya?ml$/;
const ENV_FILE = /(^|\/)\.env(\.[\w.-]+)?$/;
const MAX_CONTEXT_BYTES = 1024 * 1024;

export class PackageIndex {
  private readonly contexts = new Map<string, PackageContext>();
  private readonly dirs: Set<string>;

  private constructor(dirs: Set<string>) {
    this.dirs = dirs;
  }

  /** Reads every package's context. Broken files become warnings on the package, never errors. */
  static async build(root: string, files: readonly string[]): Promise<PackageIndex> {
    const dirs = new Set<string>(['']);
    for (const file of files) if (file === 'package.json' || file.endsWith('/package.json')) dirs.add(dirOf(file));
    const index = new PackageIndex(dirs);
    const workspaces = workspaceDirs(root, dirs);
    const byPackage = new Map<string, string[]>();
    for (const dir of dirs) byPackage.set(dir, []);
    for (const file of files) byPackage.get(index.packageDirOf(file))!.push(file);
    for (const dir of [...dirs].sort()) {
      // A bug while reading one package's context leaves that package without context, not the run without a report.
      const context = await buildContext(root, dir, byPackage.get(dir)!, files, workspaces).catch((error: unknown) => emptyContext(dir, error));
      index.contexts.set(dir, context);
    }
    return index;
  }

  /** Folder of the package a path belongs to: its nearest ancestor with a package.json. */
  packageDirOf(path: string): string {
    let dir = dirOf(path);
    for (;;) {
      if (this.dirs.has(dir)) return dir;
      if (dir === '') return '';
      dir = dirOf(dir);
    }
  }

  contextOf(path: string): PackageContext {
    return this.contexts.get(this.packageDirOf(path))!;
  }

  all(): PackageContext[] {
    return [...this.contexts.values()];
  }
}

function emptyContext(dir: string, error: unknown): PackageContext {
  const message = error instanceof Error ? error.message : String(error);
  return {
    dir,
    manifestPath: null,
    name: null,
    dependencies: [],
    devDependencies: [],
    peerDependencies: [],
    runner: emptyRunner(),
    productionEngines: [],
    testEngineSelections: [],
    aliases: [],
    entries: {},
    browserMockWorker: null,
    warnings: [`${posix.join(dir, 'package.json')}: context not read: internal error: ${message} (a bug in test-audit: please report it)`],
  };
}

export function dirOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index < 0 ? '' : path.slice(0, index);
}

/** A context file's text, or null with a warning saying why it was not used. */
async function readText(root: string, path: string, warnings: string[]): Promise<string | null> {
  const read = readBounded(join(root, path), MAX_CONTEXT_BYTES);
  if (!read.ok) {
    warnings.push(`${path}: not read: ${read.message}`);
    return null;
  }
  if (read.bytes.includes(0)) {
    warnings.push(`${path}: not read: binary content (NUL bytes)`);
    return null;
  }
  return read.bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** Package name → folder for the repository's own packages, read only when first asked. */
type WorkspaceDirs = (name: string) => string | undefined;

function workspaceDirs(root: string, dirs: ReadonlySet<string>): WorkspaceDirs {
  let byName: Map<string, string> | null = null;
  return (name) => {
    if (!byName) {
      byName = new Map();
      for (const dir of [...dirs].sort()) {
        const read = readBounded(join(root, dir, 'package.json'), MAX_CONTEXT_BYTES);
        if (!read.ok) continue;
        const parsed = readStaticConfig('package.json', read.bytes.toString('utf8').replace(/^\uFEFF/, ''));
        const pkgName = parsed.ok ? parsed.value?.['name'] : undefined;
        if (typeof pkgName === 'string' && !byName.has(pkgName)) byName.set(pkgName, dir || '.');
      }
    }
    return byName.get(name);
  };
}

async function buildContext(
  root: string,
  dir: string,
  ownFiles: readonly string[],
  allFiles: readonly string[],
  workspaces: WorkspaceDirs = () => undefined,
): Promise<PackageContext> {
  const warnings: string[] = [];
  const manifestPath = posix.join(dir, 'package.json');
  const hasManifest = ownFiles.includes(manifestPath) || (dir === '' && ownFiles.includes('package.json'));
  let manifest: StaticObject | null = null;
  let manifestText = '';
  if (hasManifest) {
    const text = await readText(root, manifestPath, warnings);
    if (text !== null) {
      manifestText = text;
      const read = readStaticConfig(manifestPath, text);
      if (read.ok) manifest = read.value;
      else warnings.push(`${manifestPath}: ${read.message}`);
    }
  }
  const depsOf = (key: string): string[] => {
    const value = manifest?.[key];
    return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).sort() : [];
  };
  const dependencies = depsOf('dependencies');
  const devDependencies = depsOf('devDependencies');
  const peerDependencies = depsOf('peerDependencies');
  const optional = depsOf('optionalDependencies');

  const configs: ConfigSource[] = [];
  const productionEngines: EngineEvidence[] = [];
  const testEngineSelections: EngineEvidence[] = [];
  if (hasManifest) productionEngines.push(...fromDependencies(manifestPath, manifestText, [...dependencies, ...peerDependencies, ...optional]));

  for (const file of ownFiles) {
    if (RUNNER_CONFIG_NAME.test(file)) {
      const text = await readText(root, file, warnings);
      if (text === null) continue;
      const read = /\.ya?ml$/.test(file) ? { ok: true as const, value: readMochaYaml(text) } : readStaticConfig(file, text);
      if (read.ok) configs.push({ path: file, value: read.value });
      else warnings.push(`${file}: ${read.message}`);
      continue;
    }
    const evidence = await engineEvidence(root, file, warnings);
    if (evidence) {
      productionEngines.push(...evidence.production);
      testEngineSelections.push(...evidence.test);
    }
  }
  // Compose and .env files above a nested package describe the system it runs in.
  if (dir !== '') {
    for (const file of allFiles) {
      const fileDir = dirOf(file);
      if (fileDir === dir || !(dir.startsWith(`${fileDir}/`) || fileDir === '')) continue;
      if (!COMPOSE.test(file) && !(ENV_FILE.test(file) && !/\.env\.(test|testing|ci|e2e)/.test(file))) continue;
      const evidence = await engineEvidence(root, file, warnings);
      if (evidence) productionEngines.push(...evidence.production);
    }
  }
  const runner = buildRunnerConfig(dir, manifest, configs, [...dependencies, ...devDependencies]);
  const aliases = mergeAliases(await readAliases(root, dir, ownFiles, allFiles, warnings, workspaces), [
    ...runner.aliases,
    ...frameworkAliases(dir, [...dependencies, ...devDependencies]),
  ]);
  const name = typeof manifest?.['name'] === 'string' ? (manifest['name'] as string) : null;
  return {
    dir,
    manifestPath: hasManifest ? manifestPath : null,
    name,
    dependencies,
    devDependencies,
    peerDependencies,
    runner,
    productionEngines: sortEvidence(productionEngines),
    testEngineSelections: sortEvidence(testEngineSelections),
    aliases,
    entries: entryPoints(dir, manifest),
    browserMockWorker: ownFiles.find((f) => f === 'mockServiceWorker.js' || f.endsWith('/mockServiceWorker.js')) ?? null,
    warnings,
  };
}

/** `exports` (string, conditions, subpaths), else `source`/`module`/`main`/`types`, else index. */
function entryPoints(dir: string, manifest: StaticObject | null): Record<string, string> {
  const entries: Record<string, string> = {};
  const join = (p: string): string => posix.normalize(posix.join(dir || '.', p)).replace(/^\.\//, '');
  const pick = (value: unknown): string | null => {
    if (typeof value === 'string') return value;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const conditions = value as StaticObject;
    for (const key of ['source', 'development', 'import', 'require', 'node', 'default', 'types']) {
      const found = pick(conditions[key]);
      if (found) return found;
    }
    return null;
  };
  const exportsField = manifest?.['exports'];
  if (exportsField && typeof exportsField === 'object' && !Array.isArray(exportsField) && Object.keys(exportsField).some((k) => k.startsWith('.'))) {
    for (const [subpath, value] of Object.entries(exportsField)) {
      const target = pick(value);
      if (target && !subpath.includes('*')) entries[subpath] = join(target);
    }
  } else {
    const target = pick(exportsField);
    if (target) entries['.'] = join(target);
  }
  if (!entries['.']) {
    for (const key of ['source', 'module', 'main', 'types']) {
      const value = manifest?.[key];
      if (typeof value === 'string') {
        entries['.'] = join(value);
        break;
      }
    }
  }
  entries['.'] ??= join('index');
  return entries;
}

/**
 * tsconfig.json / jsconfig.json `compilerOptions.paths` (relative to baseUrl or the config that
 * declares them), or, without `paths`, `baseUrl` itself: TypeScript, CRA and jest `modulePaths`
 * setups resolve `import 'test/server'` under it. `extends` is followed statically.
 */
async function readAliases(
  root: string,
  dir: string,
  ownFiles: readonly string[],
  allFiles: readonly string[],
  warnings: string[],
  workspaces: WorkspaceDirs,
): Promise<PathAlias[]> {
  const aliases: PathAlias[] = [];
  for (const { path, inherited } of nearestConfigs(dir, ownFiles, allFiles)) {
    // A config above the package is its own package's to report on: read it quietly here.
    const options = await effectiveOptions(root, path, inherited ? [] : warnings, workspaces);
    if (!options) continue;
    const { baseUrl, paths, pathsDir } = options;
    if (!paths) {
      if (baseUrl !== null && !baseUrl.startsWith('..')) {
        aliases.push({ prefix: '', targets: [baseUrl === '.' ? '' : `${baseUrl}/`], baseUrl: true });
        break;
      }
      continue;
    }
    // TypeScript: `paths` are relative to baseUrl when there is one, else to the config declaring them.
    const base = baseUrl ?? pathsDir;
    for (const [pattern, targets] of Object.entries(paths)) {
      if (!Array.isArray(targets)) continue;
      const prefix = pattern.replace(/\*$/, '');
      const folders = targets
        .filter((t): t is string => typeof t === 'string')
        .map((t) => posix.normalize(posix.join(base, t.replace(/\*$/, ''))).replace(/^\.\/?/, ''))
        .filter((t) => !t.startsWith('..'));
      if (folders.length) aliases.push({ prefix, targets: folders.map((f) => (f === '' || f.endsWith('/') ? f : pattern.endsWith('*') ? `${f}/` : f)) });
    }
    if (aliases.length) break;
  }
  return aliases.sort((a, b) => b.prefix.length - a.prefix.length);
}

/**
 * Aliases a framework defines without any config saying so: SvelteKit's `$lib` is always the
 * package's `src/lib`.
 */
function frameworkAliases(dir: string, deps: readonly string[]): PathAlias[] {
  const prefix = dir === '' ? '' : `${dir}/`;
  return deps.includes('@sveltejs/kit') ? [{ prefix: '$lib/', targets: [`${prefix}src/lib/`] }] : [];
}

/** tsconfig aliases first; the runner's and the framework's fill in prefixes tsconfig leaves out. */
function mergeAliases(fromTsconfig: PathAlias[], others: readonly PathAlias[]): PathAlias[] {
  const merged = [...fromTsconfig];
  for (const alias of others) if (!merged.some((a) => a.prefix === alias.prefix)) merged.push(alias);
  return merged.sort((a, b) => b.prefix.length - a.prefix.length);
}

/**
 * The package's own tsconfig.json and jsconfig.json; without either, the nearest ones in the folders
 * above it, as TypeScript and editors pick the closest config for a file.
 */
function nearestConfigs(dir: string, ownFiles: readonly string[], allFiles: readonly string[]): { path: string; inherited: boolean }[] {
  const names = ['tsconfig.json', 'jsconfig.json'];
  // create-vue, Angular and Vite's templates keep the app's `paths` in tsconfig.app.json, which the
  // root tsconfig.json only lists under `references`.
  const own = [...names, 'tsconfig.app.json'].map((name) => posix.join(dir, name)).filter((path) => ownFiles.includes(path));
  if (own.length) return own.map((path) => ({ path, inherited: false }));
  for (let current = dir; current !== ''; ) {
    current = current.includes('/') ? current.slice(0, current.lastIndexOf('/')) : '';
    const found = names.map((name) => posix.join(current, name)).filter((path) => allFiles.includes(path));
    if (found.length) return found.map((path) => ({ path, inherited: true }));
  }
  return [];
}

interface EffectiveOptions {
  /** baseUrl relative to the audited root ('.' for the root), from the nearest config declaring it. */
  baseUrl: string | null;
  paths: StaticObject | null;
  /** Folder of the config that declares `paths`. */
  pathsDir: string;
}

const MAX_EXTENDS_DEPTH = 16;

/**
 * The `baseUrl` and `paths` a config ends up with once its `extends` chain is applied, read as
 * JSON only: relative paths, and package names whose config file is inside the audited root.
 * Each value is resolved against the config that declares it; the extending config wins.
 */
async function effectiveOptions(
  root: string,
  path: string,
  warnings: string[],
  workspaces: WorkspaceDirs,
  seen: string[] = [],
): Promise<EffectiveOptions | null> {
  if (seen.includes(path)) {
    warnings.push(`${path}: extends cycle (${[...seen, path].join(' -> ')}): not followed`);
    return null;
  }
  if (seen.length >= MAX_EXTENDS_DEPTH) {
    warnings.push(`${path}: extends chain deeper than ${MAX_EXTENDS_DEPTH}: not followed`);
    return null;
  }
  const text = await readText(root, path, warnings);
  if (text === null) return null;
  const read = readStaticConfig(path.endsWith('.json') ? path : `${path}.json`, text);
  if (!read.ok) {
    warnings.push(`${path}: ${read.message}`);
    return null;
  }
  const configDir = dirOf(path) || '.';
  let inherited: EffectiveOptions = { baseUrl: null, paths: null, pathsDir: configDir };
  const extendsField = read.value?.['extends'];
  const parents = typeof extendsField === 'string' ? [extendsField] : Array.isArray(extendsField) ? extendsField.filter((e): e is string => typeof e === 'string') : [];
  // Later entries of an `extends` list override earlier ones.
  for (const parent of parents) {
    const parentPath = extendedConfigPath(root, path, parent, warnings, workspaces);
    if (!parentPath) continue;
    const options = await effectiveOptions(root, parentPath, warnings, workspaces, [...seen, path]);
    if (!options) continue;
    inherited = {
      baseUrl: options.baseUrl ?? inherited.baseUrl,
      paths: options.paths ?? inherited.paths,
      pathsDir: options.paths ? options.pathsDir : inherited.pathsDir,
    };
  }
  const options = read.value?.['compilerOptions'];
  if (!options || typeof options !== 'object' || Array.isArray(options)) return inherited;
  const own = options as StaticObject;
  const baseUrl = typeof own['baseUrl'] === 'string' ? posix.normalize(posix.join(configDir, own['baseUrl'])) : inherited.baseUrl;
  const paths = own['paths'];
  if (paths && typeof paths === 'object' && !Array.isArray(paths)) return { baseUrl, paths, pathsDir: configDir };
  return { ...inherited, baseUrl };
}

/**
 * The file an `extends` entry names, relative to the audited root, or null. Relative entries are
 * taken as written (TypeScript adds `.json` when the file has none); a package name only when the
 * config it names is inside the audited root: a package of the repository itself, or one installed
 * in the repository's node_modules (a link leading outside the root is not followed).
 */
function extendedConfigPath(root: string, from: string, entry: string, warnings: string[], workspaces: WorkspaceDirs): string | null {
  const inside = (candidate: string): string | null => {
    if (candidate.startsWith('..') || posix.isAbsolute(candidate)) return null;
    const absolute = join(root, candidate);
    try {
      if (!statSync(absolute).isFile()) return null;
      const real = realpathSync(absolute);
      const realRoot = realpathSync(root);
      return real === realRoot || real.startsWith(realRoot + sep) ? candidate : null;
    } catch {
      return null;
    }
  };
  const fromDir = dirOf(from) || '.';
  if (entry.startsWith('./') || entry.startsWith('../') || entry === '.' || entry === '..') {
    const base = posix.normalize(posix.join(fromDir, entry));
    const found = inside(base) ?? (base.endsWith('.json') ? null : inside(`${base}.json`));
    if (!found) warnings.push(`${from}: extends "${entry}": no such file inside the audited folder`);
    return found;
  }
  if (posix.isAbsolute(entry) || /^[A-Za-z]:[\\/]/.test(entry)) return null;
  // A package: node_modules folders from the config's folder up to the audited root.
  const parts = entry.split('/');
  const nameLength = entry.startsWith('@') ? 2 : 1;
  const packageName = parts.slice(0, nameLength).join('/');
  const subpath = parts.slice(nameLength).join('/');
  const inPackage = (packageDir: string): string | null => {
    if (!subpath) return inside(posix.join(packageDir, 'tsconfig.json'));
    const file = posix.join(packageDir, subpath);
    return inside(file) ?? (file.endsWith('.json') ? null : inside(`${file}.json`));
  };
  const own = workspaces(packageName);
  if (own !== undefined) {
    const found = inPackage(own);
    if (found) return found;
  }
  for (let dir = fromDir; ; dir = dirOf(dir) || '.') {
    const found = inPackage(posix.normalize(posix.join(dir, 'node_modules', packageName)));
    if (found) return found;
    if (dir === '.') return null;
  }
}

async function engineEvidence(root: string, file: string, warnings: string[]): Promise<{ production: EngineEvidence[]; test: EngineEvidence[] } | null> {
  const isPrisma = file.endsWith('.prisma');
  const isKnex = KNEXFILE.test(file);
  const isOrm = ORMCONFIG.test(file);
  const isSequelize = SEQUELIZE_CONFIG.test(file);
  const isCompose = COMPOSE.test(file);
  const isEnv = ENV_FILE.test(file);
  const isDrizzle = DRIZZLE_CONFIG.test(file);
  if (!isPrisma && !isKnex && !isOrm && !isSequelize && !isCompose && !isEnv && !isDrizzle) return null;
  const text = await readText(root, file, warnings);
  if (text === null) return null;
  if (isPrisma) return fromPrismaSchema(file, text);
  if (isCompose) return { production: fromCompose(file, text), test: [] };
  if (isEnv) return fromEnvFile(file, text);
  const result = isOrm ? fromOrmConfig(file, text) : isDrizzle ? fromDrizzleConfig(file, text) : fromEnvironmentConfig(file, text, isKnex ? 'client' : 'dialect');
  if (result.error) warnings.push(`${file}: ${result.error}`);
  return { production: result.production, test: result.test };
}

/** `.mocharc.yml`: only `require` and `file`, as scalars or lists; enough to find setup files. */
function readMochaYaml(text: string): StaticObject {
  const out: StaticObject = {};
  let current: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const key = /^([A-Za-z-]+):\s*(.*)$/.exec(raw);
    if (key) {
      current = key[1]!;
      const value = key[2]!.trim().replace(/^['"]|['"]$/g, '');
      if (value) out[current] = value;
      else out[current] = [];
      continue;
    }
    const item = /^\s*-\s*(.+)$/.exec(raw);
    if (item && current && Array.isArray(out[current])) (out[current] as string[]).push(item[1]!.trim().replace(/^['"]|['"]$/g, ''));
  }
  return out;
}

const SOURCE_ORDER: Record<EngineEvidence['source'], number> = { config: -1, dependency: 0, prisma: 1, 'orm-config': 2, compose: 3, env: 4 };

/** Most authoritative first (a dependency beats a compose file beats a .env), then by place. */
function sortEvidence(list: EngineEvidence[]): EngineEvidence[] {
  return list.sort(
    (a, b) => SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line),
  );
}
