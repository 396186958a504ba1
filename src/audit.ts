/**
 * The library entry point: audit(options) runs the pipeline — discover, parse each file once,
 * analyse, run rules, assemble the result. It reads files and nothing else: no audited code runs.
 */
import { realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { rules as builtinRules } from '../rules/index.js';
import { Catalog } from './catalog/index.js';
import type { CatalogEntry } from './catalog/types.js';
import { comparePaths, DEFAULT_EXCLUDED, listFiles } from './discover/find-files.js';
import { PackageIndex } from './discover/package-context.js';
import { hasTestName, isSourceFile, isTestCandidate, looksLikeSupport } from './discover/test-files.js';
import { classifyTier, higherTier } from './discover/tier.js';
import { runRules } from './engine/run-rules.js';
import { buildResult } from './engine/result.js';
import { UsageError } from './errors.js';
import { extractWithLargeStack } from './extract/deep-worker.js';
import { DEFAULT_FILE_BUDGET_MS, extractModel, type ExtractOutcome } from './extract/extract-file.js';
import { readSource } from './extract/read-source.js';
import { analyzeFile } from './analyze/analyze-file.js';
import type { AnalyzedFile, InheritedDouble } from './model/analysis.js';
import type { PackageContext } from './model/context.js';
import type { AuditResult, FileError } from './model/finding.js';
import type { RuleDefinition } from './model/rule.js';
import type { MockSite, TestFileModel, Tier } from './model/test-model.js';
import { BoundaryResolver } from './resolve/boundary-resolver.js';
import { ModuleResolver, isRelative } from './resolve/module-resolver.js';
import { ModuleSummaries } from './resolve/module-summary.js';

export interface AuditOptions {
  /** Folder to audit. */
  root: string;
  /** Rules to run (default: all built-in rules). */
  rules?: readonly RuleDefinition[];
  /** The user's own catalog entries, consulted before the built-in catalog. */
  catalogExtensions?: readonly CatalogEntry[];
  /** Glob patterns excluded from discovery, replacing the default (fixture folders). */
  exclude?: readonly string[];
  /** Called after each file is read and analysed (for progress displays). */
  onProgress?: (done: number, total: number) => void;
}

interface Parsed {
  path: string;
  model: TestFileModel;
}


export async function audit(options: AuditOptions): Promise<AuditResult> {
  const root = await checkedRoot(options.root);
  const { files } = await listFiles(root, options.exclude ?? DEFAULT_EXCLUDED);
  const fileSet = new Set(files);
  const packages = await PackageIndex.build(root, files);
  const catalog = new Catalog(undefined, options.catalogExtensions ?? []);
  const errors: FileError[] = [];
  const parsed = new Map<string, Parsed>();

  const parseAll = async (paths: readonly string[], total: number, offset: number): Promise<void> => {
    let done = offset;
    for (const path of paths) {
      const outcome = await parseFile(root, path, catalog, options.catalogExtensions ?? []);
      if (outcome.ok) parsed.set(path, { path, model: outcome.model });
      else errors.push({ path, kind: outcome.kind, message: outcome.message });
      options.onProgress?.(++done, total);
    }
  };

  // 1. Test candidates: named like tests, or in test folders (kept when they declare tests).
  const candidates = files.filter(isTestCandidate);
  const realpathRoot = realpathSync(root);
  const safeCandidates = withinRoot(root, realpathRoot, candidates, errors);
  await parseAll(safeCandidates, safeCandidates.length, 0);
  const testPaths = safeCandidates.filter((p) => {
    const entry = parsed.get(p);
    return entry && (entry.model.tests.length > 0 || hasTestName(p));
  });
  const testSet = new Set(testPaths);

  // 2. Support code tests rely on: helpers they import, config setup files, Jest root __mocks__.
  const workspaces = packages
    .all()
    .filter((p) => p.name !== null)
    .map((p) => ({ name: p.name!, dir: p.dir, entries: p.entries }));
  const resolver = new ModuleResolver(fileSet, workspaces, (path) => packages.contextOf(path).aliases);
  const usedBy = new Map<string, Set<string>>();
  const use = (path: string, user: string): void => {
    if (testSet.has(path)) return;
    const set = usedBy.get(path) ?? new Set<string>();
    set.add(user);
    usedBy.set(path, set);
  };
  const linked = new Set<string>();
  const linkImports = (path: string): void => {
    if (linked.has(path)) return;
    linked.add(path);
    const pkg = packages.contextOf(path);
    for (const record of parsed.get(path)!.model.imports) {
      if (record.typeOnly) continue;
      const isLocal = isRelative(record.specifier) || pkg.aliases.some((a) => record.specifier.startsWith(a.prefix));
      if (!isLocal) continue;
      const target = resolver.resolve(path, record.specifier);
      if (target && isSourceFile(target) && (parsed.has(target) || looksLikeSupport(target))) use(target, path);
    }
  };
  for (const path of testPaths) linkImports(path);
  for (const pkg of packages.all()) {
    for (const setup of pkg.runner.setupFiles) {
      const target = resolver.probe(setup);
      if (target) use(target, configUser(pkg));
    }
  }
  const automocks = new Map<string, string>();
  for (const path of files) {
    const automocked = automockedPackage(path, packages);
    if (automocked) {
      automocks.set(path, automocked);
      use(path, AUTOMOCK_USER);
    }
  }
  // Support code imports more support code (setupTests → mocks/server → mocks/handlers): follow a few levels.
  let total = safeCandidates.length;
  for (let depth = 0; depth < 4; depth++) {
    const pending = [...usedBy.keys()].filter((p) => !parsed.has(p) && !linked.has(p) && isSourceFile(p)).sort(comparePaths);
    const safe = withinRoot(root, realpathRoot, pending, errors);
    for (const p of pending) if (!safe.includes(p)) linked.add(p);
    await parseAll(safe, total + safe.length, total);
    total += safe.length;
    for (const path of [...usedBy.keys()].sort(comparePaths)) if (parsed.has(path)) linkImports(path);
    if (safe.length === 0) break;
  }
  dropVagueServerSites(parsed, resolver);

  // 3. Analysis: tiers first (support code takes the highest tier of the tests it serves), then
  //    support files, then test files with the doubles they inherit from support code.
  const summaries = new ModuleSummaries(root);
  const boundaryResolver = new BoundaryResolver(catalog, resolver, summaries);
  const tierOf = new Map<string, { tier: Tier; reason: string }>();
  for (const path of testPaths) {
    const { model } = parsed.get(path)!;
    adoptPackageFramework(model, packages.contextOf(path));
    tierOf.set(path, classifyTier(path, model.framework, model.describes.map((d) => d.title)));
  }
  const supportFiles: AnalyzedFile[] = [];
  const servedBy = servedTests(usedBy, testSet, testPaths, packages, (path) => parsed.get(path)?.model.framework ?? 'unknown');
  for (const [path, users] of [...usedBy.entries()].sort(([a], [b]) => comparePaths(a, b))) {
    const entry = parsed.get(path);
    if (!entry) continue;
    const pkg = packages.contextOf(path);
    const automockOf = automocks.get(path) ?? null;
    const model = entry.model;
    adoptPackageFramework(model, pkg);
    const userList = [...users].sort(comparePaths);
    const { tests: served, packageWide: appliesToPackage } = servedBy(path);
    let tier: Tier = 'unit';
    for (const t of served) tier = higherTier(tier, tierOf.get(t)?.tier ?? 'unit');
    const reason = appliesToPackage
      ? `applies to every test its runner runs in this package (${served.length} test files)`
      : `support code used by ${served.length} test file${served.length === 1 ? '' : 's'}`;
    if (automockOf) model.mocks.unshift(automockSite(automockOf));
    supportFiles.push(
      analyzeFile(
        { path, role: 'support', tier, tierReason: reason, model, pkg, usedBy: userList, serves: served, appliesTo: appliesToPackage ? 'package' : 'importers', automockOf, inherited: [] },
        boundaryResolver,
        resolver,
      ),
    );
  }
  const analyzed: AnalyzedFile[] = [...supportFiles];
  for (const path of testPaths) {
    const { model } = parsed.get(path)!;
    const pkg = packages.contextOf(path);
    const verdict = tierOf.get(path)!;
    const inherited = inheritedDoubles(path, pkg.dir, supportFiles, packages);
    analyzed.push(
      analyzeFile(
        { path, role: 'test', tier: verdict.tier, tierReason: verdict.reason, model, pkg, usedBy: [], serves: [], appliesTo: 'importers', automockOf: null, inherited },
        boundaryResolver,
        resolver,
      ),
    );
  }
  analyzed.sort((a, b) => comparePaths(a.path, b.path));

  // 4. Rules and the result.
  const rules = options.rules ?? builtinRules;
  const findings = runRules(analyzed, packages.all(), rules);
  const warnings = packages.all().flatMap((p) => p.warnings);
  return buildResult(basename(root) || root, analyzed, findings, errors, warnings);
}

const AUTOMOCK_USER = 'jest automatic mocks';

/** The user recorded for a setup file named by a runner config. */
function configUser(pkg: PackageContext): string {
  return `config:${pkg.runner.configPath ?? pkg.manifestPath ?? pkg.dir}`;
}

/**
 * The test files each support file serves, following users transitively: a test that imports it, a
 * helper that imports it, or a runner config (then every test that runner runs in the package;
 * browser suites run by Playwright or Cypress are not run by Jest/Vitest setup files).
 */
function servedTests(
  usedBy: ReadonlyMap<string, ReadonlySet<string>>,
  testSet: ReadonlySet<string>,
  testPaths: readonly string[],
  packages: PackageIndex,
  frameworkOf: (path: string) => string,
): (path: string) => { tests: string[]; packageWide: boolean } {
  const memo = new Map<string, { tests: string[]; packageWide: boolean }>();
  const visit = (path: string, seen: Set<string>): { tests: string[]; packageWide: boolean } => {
    const cached = memo.get(path);
    if (cached) return cached;
    const tests = new Set<string>();
    let packageWide = false;
    for (const user of usedBy.get(path) ?? []) {
      if (testSet.has(user)) tests.add(user);
      else if (user.startsWith('config:') || user === AUTOMOCK_USER) {
        packageWide = true;
        const dir = packages.packageDirOf(path);
        for (const t of testPaths) {
          const framework = frameworkOf(t);
          if (packages.packageDirOf(t) === dir && framework !== 'playwright' && framework !== 'cypress') tests.add(t);
        }
      } else if (!seen.has(user)) {
        seen.add(user);
        const inner = visit(user, seen);
        for (const t of inner.tests) tests.add(t);
        packageWide ||= inner.packageWide;
      }
    }
    const result = { tests: [...tests].sort(comparePaths), packageWide };
    memo.set(path, result);
    return result;
  };
  return (path) => visit(path, new Set([path]));
}

/**
 * msw: `setupServer(...handlers)` whose handlers are imported from a file where each handler is
 * already a site (one per host) is not a second, vaguer double.
 */
function dropVagueServerSites(parsed: ReadonlyMap<string, Parsed>, resolver: ModuleResolver): void {
  for (const [path, { model }] of parsed) {
    if (!model.mocks.some((m) => m.mechanism === 'msw setupServer')) continue;
    const handlerFiles = model.imports
      .map((i) => (isRelative(i.specifier) || !i.specifier.includes('msw') ? resolver.resolve(path, i.specifier) : null))
      .filter((p): p is string => p !== null && parsed.get(p)?.model.mocks.some((m) => m.mechanism.startsWith('msw ') && m.mechanism !== 'msw setupServer') === true);
    if (handlerFiles.length) model.mocks = model.mocks.filter((m) => m.mechanism !== 'msw setupServer');
  }
}

function adoptPackageFramework(model: TestFileModel, pkg: PackageContext): void {
  if (model.framework !== 'unknown' || pkg.runner.framework === 'unknown') return;
  model.framework = pkg.runner.framework;
  model.frameworkReason = `package uses ${pkg.runner.framework}`;
}

function automockSite(specifier: string): MockSite {
  return {
    mechanism: 'jest __mocks__',
    family: 'module',
    target: { kind: 'module', specifier },
    replacement: 'factory',
    owner: { kind: 'file' },
    line: 1,
    column: 1,
  };
}

/**
 * Doubles a test file inherits: file-level mocks of the support files it imports, and of the
 * setup files and root __mocks__ that apply to its whole package.
 */
function inheritedDoubles(path: string, packageDir: string, supportFiles: readonly AnalyzedFile[], packages: PackageIndex): InheritedDouble[] {
  const out: InheritedDouble[] = [];
  for (const support of supportFiles) {
    const applies = support.serves.includes(path);
    if (!applies) continue;
    support.model.mocks.forEach((site, index) => {
      if (site.owner.kind !== 'file' || site.benign) return;
      out.push({
        boundary: support.boundaries[index]!,
        from: `${support.path}:${site.line}`,
        mechanism: site.mechanism,
        scope: support.appliesTo === 'package' ? 'package' : 'import',
      });
    });
  }
  return out;
}

async function checkedRoot(input: string): Promise<string> {
  const root = resolve(input);
  let info;
  try {
    info = await stat(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `path does not exist: ${input}` : `cannot read path: ${input} (${code ?? 'unknown error'})`);
  }
  if (!info.isDirectory()) throw new UsageError(`not a folder: ${input} (give the repository's folder)`);
  return root;
}

async function parseFile(
  root: string,
  path: string,
  catalog: Catalog,
  extensions: readonly CatalogEntry[],
): Promise<ExtractOutcome | { ok: false; kind: string; message: string }> {
  const source = readSource(join(root, path));
  if (!source.ok) return { ok: false, kind: source.kind, message: source.message };
  const outcome = extractModel(path, source.text, (s) => catalog.fakeLibrary(s), DEFAULT_FILE_BUDGET_MS);
  if (outcome.ok || outcome.kind !== 'too-complex') return outcome;
  return extractWithLargeStack({ path, text: source.text, extensions: [...extensions], budgetMs: DEFAULT_FILE_BUDGET_MS });
}

/** Files whose real path leaves the audited root (through a symlink) are listed as errors, not read. */
function withinRoot(root: string, realRoot: string, paths: readonly string[], errors: FileError[]): string[] {
  const inside: string[] = [];
  for (const path of paths) {
    let real: string;
    try {
      real = realpathSync(join(root, path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push({ path, kind: 'read-error', message: code === 'ELOOP' ? 'symbolic link loop' : `cannot resolve path (${code ?? 'error'})` });
      continue;
    }
    if (real !== realRoot && !real.startsWith(realRoot + sep)) {
      errors.push({ path, kind: 'outside-root', message: 'symbolic link points outside the audited folder: not followed' });
      continue;
    }
    inside.push(path);
  }
  return inside;
}

/**
 * A Jest manual mock of a node module: `__mocks__/<pkg>.ts` beside the package's package.json
 * (or in a configured root). Jest uses it for every test of the package without any call.
 */
function automockedPackage(path: string, packages: PackageIndex): string | null {
  if (!isSourceFile(path)) return null;
  const match = /^(?:(.*)\/)?__mocks__\/(.+)\.[cm]?[jt]sx?$/.exec(path);
  if (!match) return null;
  const folder = match[1] ?? '';
  const specifier = match[2]!;
  if (specifier.startsWith('.') || (/\//.test(specifier) && !specifier.startsWith('@'))) return null;
  if (specifier.startsWith('@') && specifier.split('/').length !== 2) return null;
  const pkg = packages.contextOf(path);
  if (pkg.runner.framework !== 'jest') return null;
  const roots = pkg.runner.roots.length ? pkg.runner.roots : [pkg.dir];
  if (!roots.includes(folder)) return null;
  // Node built-ins are not mocked automatically; they need an explicit jest.mock call.
  if (/^(fs|path|os|child_process|http|https|net|crypto|events|stream|util|url|zlib|dns|tls)$/.test(specifier)) return null;
  return specifier;
}

