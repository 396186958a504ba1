/**
 * The library entry point: audit(options) runs the pipeline — discover, parse each file once,
 * analyse, run rules, assemble the result. It reads files and nothing else: no audited code runs.
 */
import { access, constants, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { rules as builtinRules } from '../rules/index.js';
import { analyzeFile } from './analyze/analyze-file.js';
import { Catalog } from './catalog/index.js';
import type { CatalogEntry } from './catalog/types.js';
import { changedFilesSince } from './discover/changed-files.js';
import { selectChangedTests } from './discover/changed-tests.js';
import { comparePaths, DEFAULT_EXCLUDED, listFiles } from './discover/find-files.js';
import { globSet } from './discover/globs.js';
import { PackageIndex } from './discover/package-context.js';
import { applyPackageSettings, type PackageSettings } from './discover/package-settings.js';
import { shardOf } from './discover/shard.js';
import { routeSkipped } from './discover/skipped.js';
import { hasTestName, isSourceFile, isTestCandidate, looksLikeSupport } from './discover/test-files.js';
import { classifyTier, tierFromGlobs, type TierGlobSets } from './discover/tier.js';
import type { Baseline } from './engine/baseline.js';
import { boundaryCounts, testReports } from './engine/exercise-report.js';
import { assembleResult } from './engine/result.js';
import { ruleSummaries, runRules } from './engine/run-rules.js';
import type { SeverityOverrides } from './engine/severity.js';
import { supportVerdicts } from './engine/support-tier.js';
import { UsageError } from './errors.js';
import { extractWithLargeStack } from './extract/deep-worker.js';
import { DEFAULT_FILE_BUDGET_MS, extractModel, type ExtractOutcome } from './extract/extract-file.js';
import { readSource } from './extract/read-source.js';
import type { AnalyzedFile, InheritedDouble } from './model/analysis.js';
import type { PackageContext } from './model/context.js';
import type { AuditResult, FileError, FileFacts, ShardInfo } from './model/finding.js';
import type { FailLevel } from './model/severity.js';
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
  /**
   * How long one file may take to analyse, in milliseconds, before it is listed in errors[] as a
   * timeout and the run goes on (default 10,000; Infinity for no limit).
   */
  fileBudgetMs?: number;
  /** Called after each file is read and analysed (for progress displays). */
  onProgress?: (done: number, total: number) => void;
}

interface Parsed {
  path: string;
  model: TestFileModel;
}

/** How deep support code is followed into the support code it imports (setupTests → server → handlers). */
const SUPPORT_DEPTH = 4;

export async function audit(options: AuditOptions): Promise<AuditResult> {
  const root = await checkedRoot(options.root);
  // Asked first: outside a git repository there is nothing to do, and the answer is one clear line.
  const changed = options.changedSince !== undefined ? await changedFilesSince(root, options.changedSince) : null;
  const configLabel = options.configLabel ?? 'configuration';
  const { files, skipped } = await listFiles(root, options.exclude ?? DEFAULT_EXCLUDED);
  const { errors, warnings: fileWarnings } = routeSkipped(skipped);
  const fileSet = new Set(files);
  const packages = await PackageIndex.build(root, files);
  const settingWarnings = applyPackageSettings(packages.all(), options.packages ?? {}, configLabel);
  const catalog = new Catalog(undefined, options.catalogExtensions ?? []);
  const workspaces = packages
    .all()
    .filter((p) => p.name !== null)
    .map((p) => ({ name: p.name!, dir: p.dir, entries: p.entries }));
  const resolver = new ModuleResolver(fileSet, workspaces, (path) => packages.contextOf(path).aliases);
  const parsed = new Map<string, Parsed>();
  const attempted = new Set<string>();
  const budget = options.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS;
  let total = 0;

  // Reading and parsing are synchronous on purpose: parsing is CPU-bound, and asynchronous reads
  // only add a thread-pool round trip per file.
  const parseAll = (paths: readonly string[]): void => {
    const fresh = paths.filter((p) => !attempted.has(p));
    for (const path of fresh) attempted.add(path);
    const offset = total;
    total += fresh.length;
    let done = offset;
    for (const path of fresh) {
      try {
        const outcome = parseFile(root, path, catalog, budget, (note) => fileWarnings.push(`${path}: ${note}`));
        if (outcome.ok) parsed.set(path, { path, model: outcome.model });
        else deepFiles.push({ path, outcome });
      } catch (error) {
        errors.push(internalError(path, 'reading', error));
      }
      options.onProgress?.(++done, total);
    }
  };
  // Files the main thread cannot analyse (nesting deeper than its stack) get one retry in a worker.
  const deepFiles: { path: string; outcome: ExtractOutcome | ReadFailure }[] = [];
  const settleDeepFiles = async (): Promise<void> => {
    for (const { path, outcome } of deepFiles.splice(0)) {
      let final = outcome;
      if (!outcome.ok && outcome.kind === 'too-complex') {
        const text = readSource(join(root, path));
        if (text.ok) {
          final = await extractWithLargeStack({ path, text: text.text, extensions: [...(options.catalogExtensions ?? [])], budgetMs: budget });
        }
      }
      if (final.ok) parsed.set(path, { path, model: final.model });
      else errors.push({ path, kind: final.kind, message: final.message });
    }
  };
  /** A candidate is a test when it parsed and declares tests or is named like one. */
  const declaresTests = (p: string): boolean => {
    const entry = parsed.get(p);
    return entry !== undefined && (entry.model.tests.length > 0 || hasTestName(p));
  };
  const localImportsOf = (path: string): string[] => {
    const targets: string[] = [];
    const pkg = packages.contextOf(path);
    for (const record of parsed.get(path)!.model.imports) {
      if (record.typeOnly) continue;
      const isLocal = isRelative(record.specifier) || pkg.aliases.some((a) => record.specifier.startsWith(a.prefix));
      if (!isLocal) continue;
      const target = resolver.resolve(path, record.specifier);
      if (target && isSourceFile(target)) targets.push(target);
    }
    return targets;
  };

  // 1. Test candidates: named like tests, or in test folders (kept when they declare tests). A
  //    shard or a --changed-since run owns part of them; the rest are read only when owned tests
  //    import them, to tell helpers (support code) from other shards' tests.
  const include = options.include?.length ? globSet(options.include) : null;
  const candidates = files.filter((p) => isTestCandidate(p) && (!include || include.firstMatch(p) !== null));
  const candidateSet = new Set(candidates);
  let owned = options.shard ? candidates.filter((p) => shardOf(p, options.shard!.count) === options.shard!.index) : candidates;
  if (changed) owned = await selectChangedTests(root, owned, changed, packages, resolver);
  parseAll(owned);
  await settleDeepFiles();
  const testPaths = owned.filter(declaresTests);
  const testSet = new Set(testPaths);

  // 2. Support code tests rely on: helpers they import (and the helpers those import), config
  //    setup files, Jest root __mocks__.
  const localImports = new Map<string, string[]>();
  for (const path of testPaths) localImports.set(path, localImportsOf(path));
  parseAll([...new Set([...localImports.values()].flat())].filter((t) => candidateSet.has(t)).sort(comparePaths));
  await settleDeepFiles();
  const isTestFile = (p: string): boolean => testSet.has(p) || (candidateSet.has(p) && declaresTests(p));

  const usedBy = new Map<string, Set<string>>();
  const use = (path: string, user: string): void => {
    if (isTestFile(path)) return;
    const set = usedBy.get(path) ?? new Set<string>();
    set.add(user);
    usedBy.set(path, set);
  };
  const link = (path: string, targets: readonly string[]): void => {
    for (const target of targets) if (parsed.has(target) || looksLikeSupport(target)) use(target, path);
  };
  for (const [path, targets] of localImports) link(path, targets);
  // Setup files and automatic mocks apply to a whole package. A --changed-since run keeps those of
  // packages it audits tests of; a full or shard run keeps them all (a merge needs every one).
  const testPackages = new Set(testPaths.map((t) => packages.packageDirOf(t)));
  const packageInScope = (dir: string): boolean => !changed || testPackages.has(dir);
  for (const pkg of packages.all()) {
    if (!packageInScope(pkg.dir)) continue;
    for (const setup of pkg.runner.setupFiles) {
      const target = resolver.probe(setup);
      if (target) use(target, configUser(pkg));
    }
  }
  const automocks = new Map<string, string>();
  for (const path of files) {
    const automocked = automockedPackage(path, packages);
    if (automocked && packageInScope(packages.packageDirOf(path))) {
      automocks.set(path, automocked);
      use(path, AUTOMOCK_USER);
    }
  }
  const linked = new Set<string>();
  for (let depth = 0; depth < SUPPORT_DEPTH; depth++) {
    parseAll([...usedBy.keys()].filter((p) => !parsed.has(p) && isSourceFile(p)).sort(comparePaths));
    await settleDeepFiles();
    let grew = false;
    for (const path of [...usedBy.keys()].sort(comparePaths)) {
      if (linked.has(path) || !parsed.has(path)) continue;
      linked.add(path);
      const before = usedBy.size;
      link(path, localImportsOf(path));
      grew ||= usedBy.size > before;
    }
    if (!grew) break;
  }
  dropVagueServerSites(parsed, resolver);

  // 3. Analysis: test tiers first; support code takes the highest tier of the tests it serves;
  //    test files then see the doubles they inherit from support code.
  const summaries = new ModuleSummaries(root);
  const boundaryResolver = new BoundaryResolver(catalog, resolver, summaries);
  const tierGlobs: TierGlobSets = {};
  for (const [tier, patterns] of Object.entries(options.tiers ?? {}) as [Tier, readonly string[]][]) {
    if (patterns.length) tierGlobs[tier] = globSet(patterns);
  }
  const tierOf = new Map<string, { tier: Tier; reason: string }>();
  for (const path of testPaths) {
    const { model } = parsed.get(path)!;
    adoptPackageFramework(model, packages.contextOf(path));
    tierOf.set(path, tierFromGlobs(path, tierGlobs, configLabel) ?? classifyTier(path, model.framework, model.describes.map((d) => d.title)));
  }
  const supportEntries = [...usedBy.entries()].filter(([path]) => parsed.has(path)).sort(([a], [b]) => comparePaths(a, b));
  const verdicts = supportVerdicts(
    new Map(supportEntries.map(([path, users]) => [path, [...users].sort(comparePaths)])),
    testPaths.map((path) => ({ path, tier: tierOf.get(path)!.tier, framework: parsed.get(path)!.model.framework, package: packages.packageDirOf(path) })),
    (path) => packages.packageDirOf(path),
  );
  // A bug while analysing one file costs that file, not the report.
  const analyse = (path: string, run: () => AnalyzedFile): AnalyzedFile | null => {
    try {
      return run();
    } catch (error) {
      errors.push(internalError(path, 'analysis', error));
      return null;
    }
  };
  const supportFiles: AnalyzedFile[] = [];
  for (const [path, users] of supportEntries) {
    const { model } = parsed.get(path)!;
    const pkg = packages.contextOf(path);
    const automockOf = automocks.get(path) ?? null;
    adoptPackageFramework(model, pkg);
    const verdict = verdicts.get(path)!;
    if (automockOf) model.mocks.unshift(automockSite(automockOf));
    const support = analyse(path, () =>
      analyzeFile(
        {
          path,
          role: 'support',
          tier: verdict.tier,
          tierReason: verdict.reason,
          model,
          pkg,
          usedBy: [...users].sort(comparePaths),
          serves: verdict.serves,
          appliesTo: verdict.packageWide ? 'package' : 'importers',
          automockOf,
          inherited: [],
        },
        boundaryResolver,
        resolver,
      ),
    );
    if (support) supportFiles.push(support);
  }
  const analyzed: AnalyzedFile[] = [...supportFiles];
  for (const path of testPaths) {
    const { model } = parsed.get(path)!;
    const pkg = packages.contextOf(path);
    const { tier, reason } = tierOf.get(path)!;
    const file = analyse(path, () =>
      analyzeFile(
        {
          path,
          role: 'test',
          tier,
          tierReason: reason,
          model,
          pkg,
          usedBy: [],
          serves: [],
          appliesTo: 'importers',
          automockOf: null,
          inherited: inheritedDoubles(path, supportFiles),
          serving: supportFiles.filter((s) => s.serves.includes(path)),
        },
        boundaryResolver,
        resolver,
      ),
    );
    if (file) analyzed.push(file);
  }
  analyzed.sort((a, b) => comparePaths(a.path, b.path));

  // 4. Rules and the result.
  const rules = options.rules ?? builtinRules;
  const findings = runRules(analyzed, packages.all(), rules, {
    severity: options.severity ?? {},
    onFailure: (path, ruleId, error) => errors.push(internalError(path, `rule ${ruleId}`, error)),
  });
  const warnings = [...fileWarnings, ...packages.all().flatMap((p) => p.warnings), ...settingWarnings];
  const partial = options.shard !== undefined || changed !== null;
  const covered = new Set(analyzed.map((f) => f.path));
  return assembleResult({
    root: basename(root) || root,
    files: analyzed.map(fileFacts),
    findings,
    tests: testReports(analyzed),
    boundaries: boundaryCounts(analyzed),
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

const AUTOMOCK_USER = 'jest automatic mocks';

/** The user recorded for a setup file named by a runner config. */
function configUser(pkg: PackageContext): string {
  return pkg.runner.configPath ?? pkg.manifestPath ?? 'runner config';
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
 * Doubles a test file inherits: file-level mocks of the support files that serve it — helpers it
 * imports, directly or through other helpers, and setup files and root __mocks__ of its package.
 */
function inheritedDoubles(path: string, supportFiles: readonly AnalyzedFile[]): InheritedDouble[] {
  const out: InheritedDouble[] = [];
  for (const support of supportFiles) {
    if (!support.serves.includes(path)) continue;
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
  try {
    await access(root, constants.R_OK | constants.X_OK);
  } catch {
    // Otherwise the listing comes back empty and an unreadable repository would pass as clean.
    throw new UsageError(`cannot read folder: ${input} (permission denied)`);
  }
  return root;
}

function internalError(path: string, stage: string, error: unknown): FileError {
  // Exception messages can quote absolute paths (of the machine, of test-audit itself): no report shows them.
  const message = (error instanceof Error ? error.message : String(error)).replace(ABSOLUTE_PATH, '<path>');
  return { path, kind: 'internal-error', message: `${stage} failed: ${message} (a bug in test-audit: please report it)` };
}

const ABSOLUTE_PATH = /(?:[A-Za-z]:)?[\\/](?:[^\s'"`:,()[\]]+[\\/])+[^\s'"`:,()[\]]*/g;

type ReadFailure = { ok: false; kind: string; message: string };

function parseFile(root: string, path: string, catalog: Catalog, budgetMs: number, warn: (note: string) => void): ExtractOutcome | ReadFailure {
  const source = readSource(join(root, path));
  if (!source.ok) return { ok: false, kind: source.kind, message: source.message };
  // Audited, but the user should know (e.g. a Latin-1 file whose strings may read oddly).
  for (const note of source.notes) warn(note);
  return extractModel(path, source.text, (s) => catalog.fakeLibrary(s), budgetMs);
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
