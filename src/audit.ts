/**
 * The library entry point: audit(options) runs the pipeline — discover, parse each file once,
 * analyse, run rules, assemble the result. It reads files and nothing else: no audited code runs.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { rules as builtinRules } from '../rules/index.js';
import { Catalog } from './catalog/index.js';
import type { CatalogEntry } from './catalog/types.js';
import { comparePaths, DEFAULT_EXCLUDED, listFiles } from './discover/find-files.js';
import { PackageIndex } from './discover/package-context.js';
import { hasTestName, isSourceFile, isTestCandidate, looksLikeSupport } from './discover/test-files.js';
import { changedFilesSince } from './discover/changed-files.js';
import { selectChangedTests } from './discover/changed-tests.js';
import { globSet } from './discover/globs.js';
import { applyPackageSettings, type PackageSettings } from './discover/package-settings.js';
import { shardOf } from './discover/shard.js';
import { classifyTier, tierFromGlobs, type TierGlobSets } from './discover/tier.js';
import type { Baseline } from './engine/baseline.js';
import { assembleResult } from './engine/result.js';
import { ruleSummaries, runRules } from './engine/run-rules.js';
import type { SeverityOverrides } from './engine/severity.js';
import { supportTier } from './engine/support-tier.js';
import { UsageError } from './errors.js';
import { extractWithLargeStack } from './extract/deep-worker.js';
import { DEFAULT_FILE_BUDGET_MS, extractModel, type ExtractOutcome } from './extract/extract-file.js';
import { readSource } from './extract/read-source.js';
import type { AnalyzedFile } from './model/analysis.js';
import type { AuditResult, FileError, FileFacts, ShardInfo } from './model/finding.js';
import type { FailLevel } from './model/severity.js';
import type { RuleDefinition } from './model/rule.js';
import type { TestFileModel, Tier } from './model/test-model.js';
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
  /** Globs (relative to the root) of the test files to audit; default: every file named or placed like a test. */
  include?: readonly string[];
  /** Globs that give test files their tier, overriding the naming heuristics (e2e, then integration, then unit). */
  tiers?: Readonly<Partial<Record<Tier, readonly string[]>>>;
  /** Per-rule severity: a severity or 'off' for every tier, or per tier. */
  severity?: SeverityOverrides;
  /** Per-package settings, keyed by folder relative to the root ('.' for the root) or package name. */
  packages?: Readonly<Record<string, PackageSettings>>;
  /** Where tier globs and package settings came from, as reports name it (default 'configuration'). */
  configLabel?: string;
  /** Lowest severity that fails the run (the result's verdict); default 'error'. */
  failOn?: FailLevel;
  /** Findings recorded earlier: matching findings are 'existing' and never fail the run. */
  baseline?: Baseline;
  /** Audit only test files changed since this git ref, and tests whose support code changed. */
  changedSince?: string;
  /** Audit a deterministic part of the test files (merge the shards' JSON reports with `test-audit merge`). */
  shard?: ShardInfo;
  /** Called after each file is read and analysed (for progress displays). */
  onProgress?: (done: number, total: number) => void;
}

interface Parsed {
  path: string;
  model: TestFileModel;
}

const READ_CONCURRENCY = 8;

export async function audit(options: AuditOptions): Promise<AuditResult> {
  const root = await checkedRoot(options.root);
  // Asked first: outside a git repository there is nothing to do, and the answer is one clear line.
  const changed = options.changedSince !== undefined ? await changedFilesSince(root, options.changedSince) : null;
  const configLabel = options.configLabel ?? 'configuration';
  const { files } = await listFiles(root, options.exclude ?? DEFAULT_EXCLUDED);
  const fileSet = new Set(files);
  const packages = await PackageIndex.build(root, files);
  const settingWarnings = applyPackageSettings(packages.all(), options.packages ?? {}, configLabel);
  const catalog = new Catalog(undefined, options.catalogExtensions ?? []);
  const resolver = new ModuleResolver(fileSet);
  const errors: FileError[] = [];
  const parsed = new Map<string, Parsed>();
  const attempted = new Set<string>();
  const realpathRoot = await realpath(root);

  const parseAll = async (paths: readonly string[], total: number, offset: number): Promise<void> => {
    let done = offset;
    const safe = await withinRoot(root, realpathRoot, paths, errors);
    for (const path of paths) attempted.add(path);
    await forEachLimited(safe, READ_CONCURRENCY, async (path) => {
      const outcome = await parseFile(root, path, catalog, options.catalogExtensions ?? []);
      if (outcome.ok) parsed.set(path, { path, model: outcome.model });
      else errors.push({ path, kind: outcome.kind, message: outcome.message });
      options.onProgress?.(++done, total);
    });
  };
  /** A candidate is a test when it parsed and declares tests or is named like one. */
  const declaresTests = (p: string): boolean => {
    const entry = parsed.get(p);
    return entry !== undefined && (entry.model.tests.length > 0 || hasTestName(p));
  };

  // 1. Test candidates: named like tests, or in test folders (kept when they declare tests). A
  //    shard or a --changed-since run owns part of them; the rest are read only when owned tests
  //    import them, to tell helpers (support code) from other shards' tests.
  const include = options.include?.length ? globSet(options.include) : null;
  const candidates = files.filter((p) => isTestCandidate(p) && (!include || include.firstMatch(p) !== null));
  const candidateSet = new Set(candidates);
  let owned = options.shard ? candidates.filter((p) => shardOf(p, options.shard!.count) === options.shard!.index) : candidates;
  if (changed) owned = await selectChangedTests(root, owned, changed, packages, resolver);
  await parseAll(owned, owned.length, 0);
  const testPaths = owned.filter(declaresTests);
  const testSet = new Set(testPaths);

  // 2. Support code tests rely on: helpers they import, config setup files, Jest root __mocks__.
  const localImports = new Map<string, string[]>();
  for (const path of testPaths) {
    const pkg = packages.contextOf(path);
    const targets: string[] = [];
    for (const record of parsed.get(path)!.model.imports) {
      if (record.typeOnly) continue;
      const isLocal = isRelative(record.specifier) || pkg.aliases.some((a) => record.specifier.startsWith(a.prefix));
      if (!isLocal) continue;
      const target = resolver.resolve(path, record.specifier, pkg.aliases);
      if (target && isSourceFile(target)) targets.push(target);
    }
    localImports.set(path, targets);
  }
  const foreign = [...new Set([...localImports.values()].flat())].filter((t) => candidateSet.has(t) && !attempted.has(t)).sort(comparePaths);
  await parseAll(foreign, owned.length + foreign.length, owned.length);
  const isTestFile = (p: string): boolean => testSet.has(p) || (candidateSet.has(p) && declaresTests(p));

  const usedBy = new Map<string, Set<string>>();
  const use = (path: string, user: string): void => {
    if (isTestFile(path)) return;
    const set = usedBy.get(path) ?? new Set<string>();
    set.add(user);
    usedBy.set(path, set);
  };
  for (const [path, targets] of localImports) {
    for (const target of targets) if (parsed.has(target) || looksLikeSupport(target)) use(target, path);
  }
  // Setup files and automatic mocks apply to a whole package. A --changed-since run keeps those of
  // packages it audits tests of; a full or shard run keeps them all (a merge needs every one).
  const testPackages = new Set(testPaths.map((t) => packages.packageDirOf(t)));
  const packageInScope = (dir: string): boolean => !changed || testPackages.has(dir);
  for (const pkg of packages.all()) {
    if (!packageInScope(pkg.dir)) continue;
    for (const setup of pkg.runner.setupFiles) {
      const target = resolver.probe(setup);
      if (target) use(target, pkg.runner.configPath ?? pkg.manifestPath ?? 'runner config');
    }
  }
  const automocks = new Map<string, string>();
  for (const path of files) {
    const automocked = automockedPackage(path, packages);
    if (automocked && packageInScope(packages.packageDirOf(path))) {
      automocks.set(path, automocked);
      use(path, 'jest automatic mocks');
    }
  }
  const supportPaths = [...usedBy.keys()].filter((p) => !parsed.has(p) && isSourceFile(p)).sort(comparePaths);
  await parseAll(supportPaths, owned.length + supportPaths.length, owned.length);

  // 3. Analysis: tiers, frameworks, what each mock stands in for.
  const summaries = new ModuleSummaries(root);
  const boundaryResolver = new BoundaryResolver(catalog, resolver, summaries);
  const tierGlobs: TierGlobSets = {};
  for (const [tier, patterns] of Object.entries(options.tiers ?? {}) as [Tier, readonly string[]][]) {
    if (patterns.length) tierGlobs[tier] = globSet(patterns);
  }
  const analyzed: AnalyzedFile[] = [];
  const tierOf = new Map<string, Tier>();
  for (const path of testPaths) {
    const { model } = parsed.get(path)!;
    const pkg = packages.contextOf(path);
    if (model.framework === 'unknown' && pkg.runner.framework !== 'unknown') {
      model.framework = pkg.runner.framework;
      model.frameworkReason = `package uses ${pkg.runner.framework}`;
    }
    const verdict = tierFromGlobs(path, tierGlobs, configLabel) ?? classifyTier(path, model.framework, model.describes.map((d) => d.title));
    tierOf.set(path, verdict.tier);
    analyzed.push(analyzeFile(path, 'test', verdict.tier, verdict.reason, model, pkg, [], null, boundaryResolver));
  }
  for (const [path, users] of [...usedBy.entries()].sort(([a], [b]) => comparePaths(a, b))) {
    const entry = parsed.get(path);
    if (!entry) continue;
    const pkg = packages.contextOf(path);
    const automockOf = automocks.get(path) ?? null;
    const model = entry.model;
    if (model.framework === 'unknown') {
      model.framework = pkg.runner.framework;
      model.frameworkReason = pkg.runner.framework === 'unknown' ? '' : `package uses ${pkg.runner.framework}`;
    }
    const userList = [...users].sort(comparePaths);
    const packageTiers = testPaths.filter((t) => packages.packageDirOf(t) === pkg.dir).map((t) => tierOf.get(t) ?? 'unit');
    const { tier, reason } = supportTier(userList, (u) => testSet.has(u), (u) => tierOf.get(u) ?? 'unit', packageTiers);
    if (automockOf) {
      model.mocks.unshift({
        mechanism: 'jest __mocks__',
        family: 'module',
        target: { kind: 'module', specifier: automockOf },
        replacement: 'factory',
        owner: { kind: 'file' },
        line: 1,
        column: 1,
      });
    }
    analyzed.push(analyzeFile(path, 'support', tier, reason, model, pkg, userList, automockOf, boundaryResolver));
  }
  analyzed.sort((a, b) => comparePaths(a.path, b.path));

  // 4. Rules and the result.
  const rules = options.rules ?? builtinRules;
  const findings = runRules(analyzed, packages.all(), rules, { severity: options.severity ?? {} });
  const warnings = [...packages.all().flatMap((p) => p.warnings), ...settingWarnings];
  const partial = options.shard !== undefined || changed !== null;
  const covered = new Set(analyzed.map((f) => f.path));
  return assembleResult({
    root: basename(root) || root,
    files: analyzed.map(fileFacts),
    findings,
    errors,
    warnings,
    rules: ruleSummaries(rules, { severity: options.severity ?? {} }),
    failOn: options.failOn ?? 'error',
    ...(options.baseline ? { baseline: { baseline: options.baseline, inScope: (p: string) => !partial || covered.has(p) } } : {}),
    ...(options.changedSince !== undefined ? { changedSince: options.changedSince } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
  });
}

function fileFacts(file: AnalyzedFile): FileFacts {
  return {
    path: file.path,
    role: file.role,
    tier: file.tier,
    tierReason: file.tierReason,
    framework: file.model.framework,
    tests: file.model.tests.length,
    mocks: file.model.mocks.length,
    package: file.pkg.dir,
    ...(file.role === 'support' ? { usedBy: file.usedBy } : {}),
  };
}

function analyzeFile(
  path: string,
  role: 'test' | 'support',
  tier: Tier,
  tierReason: string,
  model: TestFileModel,
  pkg: AnalyzedFile['pkg'],
  usedBy: string[],
  automockOf: string | null,
  resolver: BoundaryResolver,
): AnalyzedFile {
  const boundaries = model.mocks.map((site) => resolver.resolveSite(site, path, pkg.aliases));
  return { path, role, tier, tierReason, model, boundaries, pkg, usedBy, automockOf };
}

/** The audited folder, absolute; a usage error when it is missing or not a folder. */
export async function checkedRoot(input: string): Promise<string> {
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
  const source = await readSource(join(root, path));
  if (!source.ok) return { ok: false, kind: source.kind, message: source.message };
  const outcome = extractModel(path, source.text, (s) => catalog.fakeLibrary(s), DEFAULT_FILE_BUDGET_MS);
  if (outcome.ok || outcome.kind !== 'too-complex') return outcome;
  return extractWithLargeStack({ path, text: source.text, extensions: [...extensions], budgetMs: DEFAULT_FILE_BUDGET_MS });
}

/** Files whose real path leaves the audited root (through a symlink) are listed as errors, not read. */
async function withinRoot(root: string, realRoot: string, paths: readonly string[], errors: FileError[]): Promise<string[]> {
  const inside: string[] = [];
  for (const path of paths) {
    let real: string;
    try {
      real = await realpath(join(root, path));
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

async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
