/**
 * What a package's test runner is told, read statically from jest, vitest/vite and mocha configs
 * (and package.json "jest"): setup files, mock reset flags, roots. Configs are never executed.
 */
import { posix } from 'node:path';
import type { PathAlias, RunnerConfig } from '../model/context.js';
import type { Framework } from '../model/test-model.js';
import type { StaticObject, StaticValue } from './static-config.js';

export const RUNNER_CONFIG_NAME =
  /(^|\/)((jest|vitest|vite)([.\-][\w-]+)*\.config\.[cm]?[jt]s|jest[\w.-]*\.json|vitest\.(workspace|projects)\.[cm]?[jt]s|\.mocharc(\.[\w]+)?)$/;

export interface ConfigSource {
  path: string;
  value: StaticObject | null;
}

export function emptyRunner(framework: Framework = 'unknown'): RunnerConfig {
  return {
    framework,
    configPath: null,
    clearMocks: false,
    resetMocks: false,
    restoreMocks: false,
    unstubEnvs: false,
    unstubGlobals: false,
    setupFiles: [],
    roots: [],
    aliases: [],
    testGlobs: [],
  };
}

export function frameworkFromDependencies(deps: readonly string[]): Framework {
  const has = (name: string): boolean => deps.includes(name);
  if (has('vitest')) return 'vitest';
  if (has('jest') || has('ts-jest') || has('babel-jest') || has('@jest/globals') || deps.some((d) => d.startsWith('jest-preset'))) return 'jest';
  if (has('mocha')) return 'mocha';
  if (has('@playwright/test')) return 'playwright';
  if (has('jasmine') || has('karma-jasmine') || has('jasmine-core')) return 'jasmine';
  if (has('cypress')) return 'cypress';
  if (has('ava')) return 'unknown';
  return 'unknown';
}

/** Merges every config a package has. Reset flags are OR-ed: when any config resets, leaks are not assumed. */
export function buildRunnerConfig(packageDir: string, manifest: StaticObject | null, configs: readonly ConfigSource[], deps: readonly string[]): RunnerConfig {
  const runner = emptyRunner(frameworkFromDependencies(deps));
  const sources: ConfigSource[] = [...configs];
  const manifestJest = manifest?.['jest'];
  if (manifestJest && typeof manifestJest === 'object' && !Array.isArray(manifestJest)) {
    sources.push({ path: posix.join(packageDir, 'package.json'), value: manifestJest as StaticObject });
  }
  for (const source of sources) {
    if (!source.value) continue;
    const base = source.path.slice(source.path.lastIndexOf('/') + 1);
    const dir = posix.dirname(source.path);
    if (runner.configPath === null) runner.configPath = source.path;
    if (/^(vitest|vite)/.test(base)) {
      runner.framework = 'vitest';
      applyVitest(runner, dir, source.value);
    } else if (base.startsWith('.mocharc')) {
      if (runner.framework === 'unknown') runner.framework = 'mocha';
      for (const file of strings(source.value['require'])) addPath(runner.setupFiles, dir, file);
      for (const file of strings(source.value['file'])) addPath(runner.setupFiles, dir, file);
    } else {
      if (runner.framework === 'unknown' || runner.framework === 'mocha') runner.framework = 'jest';
      const rootDir = typeof source.value['rootDir'] === 'string' ? posix.normalize(posix.join(dir, source.value['rootDir'] as string)) : base === 'package.json' ? packageDir : dir;
      applyJest(runner, rootDir === '.' ? '' : rootDir, source.value);
    }
  }
  // Create React App runs Jest with `src/setupTests.{js,ts,…}` as a setup file whenever it exists,
  // without any config naming it (and package.json "jest" cannot change that). A jest or vitest
  // config of its own means the package runs its runner directly, and that config decides.
  const ownRunnerConfig = configs.some((c) => /^(jest|vitest|vite)[\w.-]*\.(config\.[cm]?[jt]s|json)$|^jest[\w.-]*\.json$/.test(c.path.slice(c.path.lastIndexOf('/') + 1)));
  if (deps.includes('react-scripts') && !ownRunnerConfig && runner.setupFiles.length === 0) {
    if (runner.framework === 'unknown') runner.framework = 'jest';
    runner.setupFiles.push(posix.join(packageDir, 'src/setupTests'));
  }
  return runner;
}

/** Projects inside projects: real configs nest one level; a hostile JSON file nests thousands (and the stack gives out). */
const MAX_PROJECT_DEPTH = 8;

function applyJest(runner: RunnerConfig, rootDir: string, config: StaticObject, depth = 0): void {
  runner.clearMocks ||= config['clearMocks'] === true;
  runner.resetMocks ||= config['resetMocks'] === true;
  runner.restoreMocks ||= config['restoreMocks'] === true;
  for (const key of ['setupFiles', 'setupFilesAfterEnv', 'setupFilesAfterEach', 'globalSetup', 'globalTeardown']) {
    for (const file of strings(config[key])) addPath(runner.setupFiles, rootDir, file);
  }
  for (const root of strings(config['roots'])) {
    const path = resolveConfigPath(rootDir, root);
    if (path !== null && !runner.roots.includes(path)) runner.roots.push(path);
  }
  const mapper = config['moduleNameMapper'];
  if (mapper && typeof mapper === 'object' && !Array.isArray(mapper)) {
    for (const [pattern, target] of Object.entries(mapper)) {
      for (const t of strings(target)) {
        const alias = mapperAlias(rootDir, pattern, t);
        if (alias) addAlias(runner.aliases, alias);
      }
    }
  }
  for (const glob of strings(config['testMatch'])) addTestGlob(runner.testGlobs, rootDir, glob);
  const projects = config['projects'];
  if (Array.isArray(projects) && depth < MAX_PROJECT_DEPTH) {
    for (const project of projects) {
      if (project && typeof project === 'object' && !Array.isArray(project)) applyJest(runner, rootDir, project as StaticObject, depth + 1);
    }
  }
}

function applyVitest(runner: RunnerConfig, dir: string, config: StaticObject, depth = 0): void {
  if (depth === 0) for (const alias of viteAliases(dir, config)) addAlias(runner.aliases, alias);
  const test = config['test'];
  if (!test || typeof test !== 'object' || Array.isArray(test)) return;
  const t = test as StaticObject;
  runner.clearMocks ||= t['clearMocks'] === true;
  runner.resetMocks ||= t['mockReset'] === true;
  runner.restoreMocks ||= t['restoreMocks'] === true;
  runner.unstubEnvs ||= t['unstubEnvs'] === true;
  runner.unstubGlobals ||= t['unstubGlobals'] === true;
  for (const key of ['setupFiles', 'globalSetup']) for (const file of strings(t[key])) addPath(runner.setupFiles, dir, file);
  for (const glob of strings(t['include'])) addTestGlob(runner.testGlobs, dir, glob);
  const projects = t['projects'] ?? t['workspace'];
  if (Array.isArray(projects) && depth < MAX_PROJECT_DEPTH) {
    for (const project of projects) {
      if (project && typeof project === 'object' && !Array.isArray(project)) applyVitest(runner, dir, project as StaticObject, depth + 1);
    }
  }
}

/**
 * A jest `moduleNameMapper` entry that maps a prefix to a folder: `'^@/(.*)$': '<rootDir>/src/$1'`.
 * Other patterns (file stubs for `\\.css$`, alternations) map single modules and are left out.
 */
function mapperAlias(rootDir: string, pattern: string, target: string): PathAlias | null {
  const from = /^\^((?:[\w@~$#./-]|\\[/.$@])*)\(\.\*\)\$$/.exec(pattern);
  const to = /^<rootDir>\/?(.*?)\$1$/.exec(target);
  if (!from || !to) return null;
  const prefix = from[1]!.replace(/\\(.)/g, '$1');
  if (prefix === '' || prefix.startsWith('.')) return null;
  return folderAlias(prefix, posix.normalize(posix.join(rootDir || '.', to[1]!)) + (to[1]!.endsWith('/') || to[1] === '' ? '/' : ''));
}

/** vite `resolve.alias` written as literals: `{ '@': '/src' }`, `{ '@': './src' }`, `[{ find: '~', replacement: './src' }]`. */
function viteAliases(dir: string, config: StaticObject): PathAlias[] {
  const resolve = config['resolve'];
  if (!resolve || typeof resolve !== 'object' || Array.isArray(resolve)) return [];
  const alias = (resolve as StaticObject)['alias'];
  const pairs: [string, StaticValue][] = Array.isArray(alias)
    ? alias.flatMap((entry) => (entry && typeof entry === 'object' && !Array.isArray(entry) && typeof entry['find'] === 'string' ? [[entry['find'], entry['replacement'] ?? null] as [string, StaticValue]] : []))
    : alias && typeof alias === 'object'
      ? Object.entries(alias)
      : [];
  const out: PathAlias[] = [];
  for (const [find, replacement] of pairs) {
    if (typeof replacement !== 'string' || find === '' || find.startsWith('.')) continue;
    // '/src' is the project root's src in vite; './src' is relative to the config.
    const folder = posix.normalize(posix.join(dir || '.', replacement.replace(/^\/(?!\/)/, './')));
    if (folder.startsWith('..') || posix.isAbsolute(folder)) continue;
    out.push(folderAlias(find.endsWith('/') ? find : `${find}/`, `${folder}/`));
  }
  return out;
}

function folderAlias(prefix: string, folder: string): PathAlias {
  const target = folder.replace(/^\.\//, '').replace(/^\.$/, '').replace(/\/+$/, '/');
  return { prefix, targets: [target === './' ? '' : target] };
}

function addAlias(aliases: PathAlias[], alias: PathAlias): void {
  if (!aliases.some((a) => a.prefix === alias.prefix)) aliases.push(alias);
}

function strings(value: StaticValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Config paths relative to the audited root; bare module names (jest-extended/all) are not files here. */
function resolveConfigPath(dir: string, value: string): string | null {
  let path = value.replace(/^<rootDir>\/?/, './');
  if (!path.startsWith('.') && !path.startsWith('/')) return null;
  if (path.startsWith('/')) return null;
  path = posix.normalize(posix.join(dir || '.', path)).replace(/\/$/, '');
  if (path.startsWith('..')) return null;
  return path === '.' ? '' : path.replace(/^\.\//, '');
}

/**
 * A test-file glob made relative to the audited root. Jest matches `testMatch` against absolute
 * paths, so a glob starting with `**` holds anywhere; vitest's `include` is relative to the config.
 * Negations and globs reaching outside the audited folder are left out.
 */
function addTestGlob(list: string[], dir: string, value: string): void {
  if (value.startsWith('!')) return;
  let glob = value.replace(/^<rootDir>\/?/, '');
  if (!glob.startsWith('**')) {
    if (glob.startsWith('/')) return;
    glob = posix.normalize(posix.join(dir || '.', glob));
    if (glob.startsWith('..')) return;
    glob = glob.replace(/^\.\//, '');
  }
  if (!list.includes(glob)) list.push(glob);
}

function addPath(list: string[], dir: string, value: string): void {
  const path = resolveConfigPath(dir, value);
  if (path && !list.includes(path)) list.push(path);
}
