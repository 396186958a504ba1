/**
 * The audit itself: test candidates, the support code they rely on, each file parsed once and
 * analysed, its rules run and its model released, support files judged last. Loaded only when an
 * audit has to look at files (a cached answer never loads the parser).
 */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { rules as builtinRules } from '../rules/index.js';
import { analyzeFile } from './analyze/analyze-file.js';
import type { AuditOptions, Prepared } from './audit.js';
import { Catalog } from './catalog/index.js';
import { selectChangedTests } from './discover/changed-tests.js';
import { comparePaths } from './discover/find-files.js';
import { globSet, type GlobSet } from './discover/globs.js';
import { dirOf, PackageIndex } from './discover/package-context.js';
import { applyPackageSettings } from './discover/package-settings.js';
import { shardOf } from './discover/shard.js';
import { routeSkipped } from './discover/skipped.js';
import { SupportGraph } from './discover/support-graph.js';
import { hasTestName, hasWeakTestName, inMocksFolder, isSourceFile, isTestCandidate, looksLikeSupport } from './discover/test-files.js';
import { classifyTier, nameMarksE2E, tierFromGlobs, type TierGlobSets } from './discover/tier.js';
import type { ReportCollector } from './engine/collector.js';
import { compareStrings, RuleBudgetExceeded, ruleSummaries, RuleEngine } from './engine/run-rules.js';
import type { SpillMeta } from './engine/spill.js';
import { highestTier, supportVerdicts, type TestFact } from './engine/support-tier.js';
import { DEFAULT_FILE_BUDGET_MS } from './extract/extract-file.js';
import { ExtractPool } from './extract/extract-pool.js';
import { ModelStore } from './extract/model-store.js';
import type { AnalyzedFile } from './model/analysis.js';
import type { PackageContext } from './model/context.js';
import type { FileError, Finding } from './model/finding.js';
import type { MockSite, TestFileModel, Tier } from './model/test-model.js';
import { BoundaryResolver } from './resolve/boundary-resolver.js';
import { ModuleResolver, isRelative } from './resolve/module-resolver.js';
import { ModuleSummaries } from './resolve/module-summary.js';
import { CalledCodeReader } from './analyze/called-code.js';

/** Browser suites are not run by the Jest/Vitest/Mocha setup files of their package. */
const BROWSER = new Set(['playwright', 'cypress']);

export interface Scanned {
  meta: Omit<SpillMeta, 'baseline'>;
  /** A shard or --changed-since run: it saw part of the tree. */
  partial: boolean;
}

/** Discovers, parses, analyses and judges every file, handing each over to the collector. */
export async function scan(options: AuditOptions, prepared: Prepared, collector: ReportCollector): Promise<Scanned> {
  const { root, changed, cache } = prepared;
  const { files, skipped } = prepared.listing;
  const configLabel = options.configLabel ?? 'configuration';
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
  const summaries = new ModuleSummaries(root);
  // The package's own source files, listed once per package when a test rebinds a DI token.
  const sourcesByPackage = new Map<string, string[]>();
  const packageSources = (path: string): readonly string[] => {
    const dir = packages.packageDirOf(path);
    let sources = sourcesByPackage.get(dir);
    if (!sources) {
      sources = files.filter((f) => isSourceFile(f) && !isTestCandidate(f) && packages.packageDirOf(f) === dir);
      sourcesByPackage.set(dir, sources);
    }
    return sources;
  };
  const boundaryResolver = new BoundaryResolver(catalog, resolver, summaries, packageSources);
  const calledCode = new CalledCodeReader(resolver, summaries);
  const rules = options.rules ?? builtinRules;
  const engine = new RuleEngine(rules, {
    severity: options.severity ?? {},
    onFailure: (path, ruleId, error) => errors.push(internalError(path, `rule ${ruleId}`, error)),
    budgetMs: options.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS,
  });
  /** A file's findings, or null when its rules ran out of time (the file is then listed under errors). */
  const findingsOf = (file: AnalyzedFile): Finding[] | null => {
    try {
      return engine.fileFindings(file);
    } catch (error) {
      if (!(error instanceof RuleBudgetExceeded)) throw error;
      errors.push({ path: file.path, kind: 'timeout', message: error.message });
      return null;
    }
  };
  const tierGlobs: TierGlobSets = {};
  for (const [tier, patterns] of Object.entries(options.tiers ?? {}) as [Tier, readonly string[]][]) {
    if (patterns.length) tierGlobs[tier] = globSet(patterns);
  }

  // 1. Test candidates: named like tests, or in test folders (kept when they declare tests). A
  //    shard or a --changed-since run owns part of them; the rest are read only when something
  //    imports them, to tell helpers (support code) from other shards' tests.
  const include = options.include?.length ? globSet(options.include) : null;
  const namedByRunner = runnerTestNames(packages);
  const candidates = files.filter((p) => (isTestCandidate(p) || namedByRunner(p)) && (!include || include.firstMatch(p) !== null));
  const candidateSet = new Set(candidates);
  // Folders where some test files are named e2e: there the name, not the folder, marks the tier.
  const e2eNamedFolders = new Set(candidates.filter((p) => nameMarksE2E(basename(p))).map(dirOf));
  let owned = options.shard ? candidates.filter((p) => shardOf(p, options.shard!.count) === options.shard!.index) : candidates;
  if (changed) owned = await selectChangedTests(root, owned, changed, packages, resolver);
  // In report order: a spilled report then writes test files as they come.
  owned = [...owned].sort(compareStrings);

  let done = 0;
  let total = owned.length;
  const jobs = workerCount(options.jobs ?? 'auto', owned.length);
  const pool = jobs > 0 ? new ExtractPool(jobs, { extensions: options.catalogExtensions ?? [], budgetMs: options.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS }) : null;
  const store = new ModelStore({
    pool,
    root,
    cache,
    catalog,
    catalogExtensions: options.catalogExtensions ?? [],
    budgetMs: options.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS,
    onNote: (path, note) => fileWarnings.push(`${path}: ${note}`),
    onProblem: (problem) => errors.push(problem),
    onInternalError: (path, stage, error) => errors.push(internalError(path, stage, error)),
    onRead: () => options.onProgress?.(++done, (total = Math.max(total, done))),
  });
  // With workers, the next test files are parsed while the main thread links support code and
  // analyses the file before them; the window bounds the memory they hold.
  const ahead = jobs * PREFETCH_PER_WORKER;
  let prefetched = 0;
  const prefetchUpTo = (end: number): void => {
    while (prefetched < Math.min(owned.length, end)) store.prefetch(owned[prefetched++]!);
  };
  prefetchUpTo(ahead);
  /** A file is a test when it parses and declares tests or is named like one. */
  const declaresTests = async (path: string): Promise<boolean> => {
    if (!store.has(path) && !(await store.get(path))) return false;
    const facts = store.facts(path);
    return facts !== null && (facts.declaresTests || hasTestName(path));
  };
  const isTestFile = async (path: string): Promise<boolean> => candidateSet.has(path) && (await declaresTests(path));

  // 2. Support code: helpers tests import (and what those import), setup files runner configs
  //    name, Jest root __mocks__. Each support file's imports are linked once, when it is first used.
  const graph = new SupportGraph((path) => packages.packageDirOf(path));
  const linked = new Set<string>();
  const link = async (start: string): Promise<void> => {
    const queue = [start];
    while (queue.length) {
      const path = queue.pop()!;
      if (linked.has(path)) continue;
      linked.add(path);
      const model = await store.get(path);
      if (!model) continue;
      for (const target of localImportsOf(path, model)) {
        // A file read only because its name is weakly test-like (`api-under-test.js`) and that
        // declares no tests is code under test, not support code, unless it looks like support.
        const candidate = candidateSet.has(target) && !hasWeakTestName(target);
        if (!candidate && !looksLikeSupport(target)) continue;
        if (await isTestFile(target)) continue;
        graph.use(target, path);
        queue.push(target);
      }
    }
  };
  const localImportsOf = (path: string, model: TestFileModel): string[] => {
    const targets: string[] = [];
    const pkg = packages.contextOf(path);
    for (const record of model.imports) {
      if (record.typeOnly) continue;
      if (!resolver.isLocal(path, record.specifier, pkg.aliases)) continue;
      const target = resolver.resolve(path, record.specifier);
      if (target && isSourceFile(target)) targets.push(target);
    }
    // A barrel's re-exports (`export * from './build-app'`) are the code its importers use.
    for (const reexport of model.reexports) {
      if (!resolver.isLocal(path, reexport.specifier, pkg.aliases)) continue;
      const target = resolver.resolve(path, reexport.specifier);
      if (target && isSourceFile(target) && !targets.includes(target)) targets.push(target);
    }
    return targets;
  };
  // Setup files and automatic mocks apply to a whole package. A --changed-since run keeps those of
  // packages it audits tests of; a full or shard run keeps them all (a merge needs every one).
  const ownedPackages = new Set(owned.map((t) => packages.packageDirOf(t)));
  const packageInScope = (dir: string): boolean => !changed || ownedPackages.has(dir);
  const automocks = new Map<string, string>();
  const packageSupport: string[] = [];
  for (const pkg of packages.all()) {
    if (!packageInScope(pkg.dir)) continue;
    for (const setup of pkg.runner.setupFiles) {
      const target = resolver.probe(setup);
      if (target && isSourceFile(target)) {
        graph.use(target, configUser(pkg), true);
        packageSupport.push(target);
      }
    }
  }
  for (const path of files) {
    const automocked = automockedPackage(path, packages);
    if (automocked && packageInScope(packages.packageDirOf(path))) {
      automocks.set(path, automocked);
      graph.use(path, AUTOMOCK_USER, true);
      packageSupport.push(path);
    }
  }
  total += packageSupport.length;
  for (const path of [...new Set(packageSupport)].sort(comparePaths)) await link(path);

  // Support files are analysed once (what their doubles stand in for does not depend on the tests
  // they serve), for the doubles tests inherit; their tier and findings come at the end.
  const supportAnalyses = new Map<string, AnalyzedFile | null>();
  const supportAnalysis = async (path: string): Promise<AnalyzedFile | null> => {
    if (supportAnalyses.has(path)) return supportAnalyses.get(path)!;
    const model = await store.get(path);
    let analysed: AnalyzedFile | null = null;
    if (model) {
      const pkg = packages.contextOf(path);
      adoptPackageFramework(model, pkg);
      await settleReexportedSites(path, model, store, resolver);
      dropVagueServerSites(path, model, store, resolver);
      const automockOf = automocks.get(path) ?? null;
      if (automockOf) model.mocks.unshift(automockSite(automockOf));
      analysed = analyse(errors, path, () =>
        analyzeFile(
          {
            path,
            role: 'support',
            tier: 'unit',
            tierReason: '',
            model,
            pkg,
            usedBy: [],
            serves: [],
            // Package-wide support is all linked before the first test (step 2), so this is final.
            appliesTo: graph.isPackageWide(path) ? 'package' : 'importers',
            automockOf,
            support: [],
          },
          boundaryResolver,
          resolver,
        ),
      );
    }
    supportAnalyses.set(path, analysed);
    return analysed;
  };

  // 3. Test files, one at a time: link its support, analyse it with the doubles it inherits, run
  //    the rules, report, and let its model go.
  const testFacts: TestFact[] = [];
  const packageTests = new Map<string, Tier[]>();
  for (const [index, path] of owned.entries()) {
    prefetchUpTo(index + 1 + ahead);
    const model = await store.get(path);
    if (!model || !(model.tests.length > 0 || hasTestName(path))) continue;
    await link(path);
    const pkg = packages.contextOf(path);
    adoptPackageFramework(model, pkg);
    await settleReexportedSites(path, model, store, resolver);
    dropVagueServerSites(path, model, store, resolver);
    const { tier, reason } = tierFromGlobs(path, tierGlobs, configLabel) ?? classifyTier(path, model.framework, fileLevelTitles(model), packages.packageDirOf(path), e2eNamedFolders.has(dirOf(path)));
    // The support files that serve this test; which of their doubles and real clients count for
    // which of its tests is decided from what the tests use (analyzeFile).
    const support: AnalyzedFile[] = [];
    for (const server of graph.servers(path, pkg.dir, BROWSER.has(model.framework))) {
      const analysed = await supportAnalysis(server);
      if (analysed) support.push(analysed);
    }
    const file = analyse(errors, path, () =>
      analyzeFile(
        { path, role: 'test', tier, tierReason: reason, model, pkg, usedBy: [], serves: [], appliesTo: 'importers', automockOf: null, support },
        boundaryResolver,
        resolver,
        calledCode,
      ),
    );
    const findings = file ? findingsOf(file) : null;
    if (file && findings) collector.addFile(file, findings);
    testFacts.push({ path, tier, framework: model.framework, package: pkg.dir });
    packageTests.set(pkg.dir, [...(packageTests.get(pkg.dir) ?? []), tier]);
    store.release(path);
  }

  // 4. Support files, now that every test they serve is known: their tier is the highest of those
  //    tests'; then the package-level rules.
  const usedBy = new Map([...graph.usedBy].map(([path, users]) => [path, [...users].sort(comparePaths)]));
  const verdicts = supportVerdicts(usedBy, testFacts, (path) => packages.packageDirOf(path));
  for (const path of [...graph.usedBy.keys()].sort(comparePaths)) {
    const support = await supportAnalysis(path);
    const verdict = verdicts.get(path)!;
    if (!support) continue;
    const file: AnalyzedFile = {
      ...support,
      tier: verdict.tier,
      tierReason: verdict.reason,
      usedBy: usedBy.get(path)!,
      serves: verdict.serves,
      appliesTo: verdict.packageWide ? 'package' : 'importers',
    };
    const findings = findingsOf(file);
    if (findings) collector.addFile(file, findings);
  }
  for (const pkg of packages.all()) {
    const tiers = packageTests.get(pkg.dir) ?? [];
    collector.addFindings(engine.packageFindings(pkg, { files: tiers.length, tier: highestTier(tiers) }));
  }

  await pool?.close();

  const warnings = [...fileWarnings, ...packages.all().flatMap((p) => p.warnings), ...settingWarnings];
  return {
    meta: {
      root: basename(root) || root,
      errors,
      warnings,
      rules: ruleSummaries(rules, { severity: options.severity ?? {} }),
      failOn: options.failOn ?? 'error',
      ...(options.changedSince !== undefined ? { changedSince: options.changedSince } : {}),
      ...(options.shard ? { shard: options.shard } : {}),
    },
    partial: options.shard !== undefined || changed !== null,
  };
}

/** Files parsed ahead of the one being analysed, per worker. */
const PREFETCH_PER_WORKER = 8;

/**
 * Worker threads for extraction. 'auto' uses them only where they were measured to pay (2 cores:
 * see the README's Performance section): two workers from 10,000 test files, where they save a
 * sixth to a third of the time at 20,000 files for about 150 MB more memory; none below, where
 * starting them and copying models back costs about what they save.
 */
export function workerCount(jobs: number | 'auto', testFiles: number): number {
  if (jobs !== 'auto') return Math.max(0, Math.floor(jobs));
  return testFiles >= AUTO_JOBS_MIN_FILES && availableParallelism() >= 2 ? AUTO_JOBS : 0;
}
const AUTO_JOBS_MIN_FILES = 10_000;
const AUTO_JOBS = 2;

/** A bug while analysing one file costs that file, not the report. */
function analyse(errors: FileError[], path: string, run: () => AnalyzedFile): AnalyzedFile | null {
  try {
    return run();
  } catch (error) {
    errors.push(internalError(path, 'analysis', error));
    return null;
  }
}

const AUTOMOCK_USER = 'jest automatic mocks';

/** The user recorded for a setup file named by a runner config. */
function configUser(pkg: PackageContext): string {
  return pkg.runner.configPath ?? pkg.manifestPath ?? 'runner config';
}

/**
 * The describe titles that speak for the whole file: those at file scope. A nested
 * `describe('Integration scenarios')` inside `describe('UserService')` names a group of that
 * suite's tests, not the tier of the file.
 */
function fileLevelTitles(model: TestFileModel): string[] {
  const titles: string[] = [];
  for (const d of model.describes) if (d.parentId === null) titles.push(d.title);
  return titles;
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
 * Sites recognised through a name imported from another module (`rest` from 'test/server') stand
 * only when that module, a file of the repository, re-exports the name from the library.
 */
async function settleReexportedSites(path: string, model: TestFileModel, store: ModelStore, resolver: ModuleResolver): Promise<void> {
  if (!model.mocks.some((m) => m.reexport)) return;
  const verdicts = new Map<string, boolean>();
  const reexports = async (specifier: string, name: string, module: string): Promise<boolean> => {
    const key = `${specifier}\u0000${name}\u0000${module}`;
    if (verdicts.has(key)) return verdicts.get(key)!;
    const target = resolver.resolve(path, specifier);
    let facts = target ? store.facts(target) : null;
    if (target && !facts && !store.has(target)) facts = (await store.get(target)) ? store.facts(target) : null;
    const yes = facts?.reexports?.some((r) => r.specifier === module && (r.names === null || r.names.includes(name))) === true;
    verdicts.set(key, yes);
    return yes;
  };
  const kept: MockSite[] = [];
  for (const site of model.mocks) {
    if (!site.reexport || (await reexports(site.reexport.specifier, site.reexport.name, site.reexport.module))) kept.push(site);
  }
  model.mocks = kept;
}

/**
 * msw: `setupServer(...handlers)` whose handlers are imported from a file where each handler is
 * already a site (one per host) is not a second, vaguer double.
 */
function dropVagueServerSites(path: string, model: TestFileModel, store: ModelStore, resolver: ModuleResolver): void {
  if (!model.mocks.some((m) => m.mechanism === 'msw setupServer')) return;
  const definesHandlers = model.imports.some((i) => {
    if (!isRelative(i.specifier) && i.specifier.includes('msw')) return false;
    const target = resolver.resolve(path, i.specifier);
    return target !== null && store.facts(target)?.hasMswHandlers === true;
  });
  if (definesHandlers) model.mocks = model.mocks.filter((m) => m.mechanism !== 'msw setupServer');
}

function internalError(path: string, stage: string, error: unknown): FileError {
  // Exception messages can quote absolute paths (of the machine, of test-audit itself): no report shows them.
  const message = (error instanceof Error ? error.message : String(error)).replace(ABSOLUTE_PATH, '<path>');
  return { path, kind: 'internal-error', message: `${stage} failed: ${message} (a bug in test-audit: please report it)` };
}

const ABSOLUTE_PATH = /(?:[A-Za-z]:)?[\\/](?:[^\s'"`:,()[\]]+[\\/])+[^\s'"`:,()[\]]*/g;

/**
 * A Jest manual mock of a node module: `__mocks__/<pkg>.ts` beside the package's package.json
 * (or in a configured root). Jest uses it for every test of the package without any call.
 * Jest registers every `__mocks__` folder under its roots, so `test/__mocks__/@aws-sdk/client-s3.ts`
 * applies too; deeper in, a file is taken for a package's mock only when the package is a
 * dependency (`src/lib/__mocks__/config.ts` is more likely the mock of `src/lib/config.ts`).
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
  if (!roots.includes(folder)) {
    if (!roots.some((root) => root === '' || folder.startsWith(`${root}/`))) return null;
    if (!pkg.dependencies.includes(specifier) && !pkg.devDependencies.includes(specifier) && !pkg.peerDependencies.includes(specifier)) return null;
  }
  // Node built-ins are not mocked automatically; they need an explicit jest.mock call.
  if (/^(fs|path|os|child_process|http|https|net|crypto|events|stream|util|url|zlib|dns|tls)$/.test(specifier)) return null;
  return specifier;
}

/**
 * Files a package's runner config names as tests beyond the default names (vitest `include`
 * naming `x.vitest.ts` files, jest `testMatch`). Like files in test folders, they are tests only when they
 * declare tests.
 */
function runnerTestNames(packages: PackageIndex): (path: string) => boolean {
  const sets = new Map<string, GlobSet | null>();
  return (path) => {
    if (!isSourceFile(path) || inMocksFolder(path)) return false;
    const pkg = packages.contextOf(path);
    let set = sets.get(pkg.dir);
    if (set === undefined) {
      set = pkg.runner.testGlobs.length ? globSet(pkg.runner.testGlobs) : null;
      sets.set(pkg.dir, set);
    }
    return set !== null && set.firstMatch(path) !== null;
  };
}
