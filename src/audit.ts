/**
 * The library entry point: audit(options) runs the pipeline — discover, parse each file once,
 * analyse, run rules, assemble the result. It reads files and nothing else: no audited code runs.
 */
import { access, constants, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { rules as builtinRules } from '../rules/index.js';
import { Catalog } from './catalog/index.js';
import type { CatalogEntry } from './catalog/types.js';
import { comparePaths, DEFAULT_EXCLUDED, listFiles } from './discover/find-files.js';
import { PackageIndex } from './discover/package-context.js';
import { hasTestName, isSourceFile, isTestCandidate, looksLikeSupport } from './discover/test-files.js';
import { routeSkipped } from './discover/skipped.js';
import { classifyTier, higherTier } from './discover/tier.js';
import { runRules } from './engine/run-rules.js';
import { buildResult } from './engine/result.js';
import { UsageError } from './errors.js';
import { extractWithLargeStack } from './extract/deep-worker.js';
import { DEFAULT_FILE_BUDGET_MS, extractModel, type ExtractOutcome } from './extract/extract-file.js';
import { readSource } from './extract/read-source.js';
import type { AnalyzedFile } from './model/analysis.js';
import type { AuditResult, FileError } from './model/finding.js';
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

const READ_CONCURRENCY = 8;

export async function audit(options: AuditOptions): Promise<AuditResult> {
  const root = await checkedRoot(options.root);
  const { files, skipped } = await listFiles(root, options.exclude ?? DEFAULT_EXCLUDED);
  const fileSet = new Set(files);
  const packages = await PackageIndex.build(root, files);
  const catalog = new Catalog(undefined, options.catalogExtensions ?? []);
  const { errors, warnings: fileWarnings } = routeSkipped(skipped);
  const parsed = new Map<string, Parsed>();

  const parseAll = async (paths: readonly string[], total: number, offset: number): Promise<void> => {
    let done = offset;
    await forEachLimited(paths, READ_CONCURRENCY, async (path) => {
      const budget = options.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS;
      try {
        const outcome = await parseFile(root, path, catalog, options.catalogExtensions ?? [], budget, (note) => fileWarnings.push(`${path}: ${note}`));
        if (outcome.ok) parsed.set(path, { path, model: outcome.model });
        else errors.push({ path, kind: outcome.kind, message: outcome.message });
      } catch (error) {
        errors.push(internalError(path, 'reading', error));
      }
      options.onProgress?.(++done, total);
    });
  };

  // 1. Test candidates: named like tests, or in test folders (kept when they declare tests).
  const candidates = files.filter(isTestCandidate);
  await parseAll(candidates, candidates.length, 0);
  const testPaths = candidates.filter((p) => {
    const entry = parsed.get(p);
    return entry && (entry.model.tests.length > 0 || hasTestName(p));
  });
  const testSet = new Set(testPaths);

  // 2. Support code tests rely on: helpers they import, config setup files, Jest root __mocks__.
  const resolver = new ModuleResolver(fileSet);
  const usedBy = new Map<string, Set<string>>();
  const use = (path: string, user: string): void => {
    if (testSet.has(path)) return;
    const set = usedBy.get(path) ?? new Set<string>();
    set.add(user);
    usedBy.set(path, set);
  };
  for (const path of testPaths) {
    const pkg = packages.contextOf(path);
    for (const record of parsed.get(path)!.model.imports) {
      if (record.typeOnly) continue;
      const isLocal = isRelative(record.specifier) || pkg.aliases.some((a) => record.specifier.startsWith(a.prefix));
      if (!isLocal) continue;
      const target = resolver.resolve(path, record.specifier, pkg.aliases);
      if (target && isSourceFile(target) && (parsed.has(target) || looksLikeSupport(target))) use(target, path);
    }
  }
  for (const pkg of packages.all()) {
    for (const setup of pkg.runner.setupFiles) {
      const target = resolver.probe(setup);
      if (target) use(target, pkg.runner.configPath ?? pkg.manifestPath ?? 'runner config');
    }
  }
  const automocks = new Map<string, string>();
  for (const path of files) {
    const automocked = automockedPackage(path, packages);
    if (automocked) {
      automocks.set(path, automocked);
      use(path, 'jest automatic mocks');
    }
  }
  const supportPaths = [...usedBy.keys()].filter((p) => !parsed.has(p) && isSourceFile(p)).sort(comparePaths);
  await parseAll(supportPaths, candidates.length + supportPaths.length, candidates.length);

  // 3. Analysis: tiers, frameworks, what each mock stands in for.
  const summaries = new ModuleSummaries(root);
  const boundaryResolver = new BoundaryResolver(catalog, resolver, summaries);
  const analyzed: AnalyzedFile[] = [];
  // A bug while analysing one file costs that file, not the report.
  const analyse = (path: string, run: () => AnalyzedFile): void => {
    try {
      analyzed.push(run());
    } catch (error) {
      errors.push(internalError(path, 'analysis', error));
    }
  };
  const tierOf = new Map<string, Tier>();
  for (const path of testPaths) {
    const { model } = parsed.get(path)!;
    const pkg = packages.contextOf(path);
    if (model.framework === 'unknown' && pkg.runner.framework !== 'unknown') {
      model.framework = pkg.runner.framework;
      model.frameworkReason = `package uses ${pkg.runner.framework}`;
    }
    const verdict = classifyTier(path, model.framework, model.describes.map((d) => d.title));
    tierOf.set(path, verdict.tier);
    analyse(path, () => analyzeFile(path, 'test', verdict.tier, verdict.reason, model, pkg, [], null, boundaryResolver));
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
    let tier: Tier = 'unit';
    let reason = '';
    if (automockOf || [...users].some((u) => !testSet.has(u))) {
      // Automatic mocks and setup files apply to every test of their package.
      const packageTests = testPaths.filter((t) => packages.packageDirOf(t) === pkg.dir);
      for (const t of packageTests) tier = higherTier(tier, tierOf.get(t) ?? 'unit');
      reason = `applies to every test of its package (${packageTests.length} test files)`;
    } else {
      for (const u of userList) tier = higherTier(tier, tierOf.get(u) ?? 'unit');
      reason = `support code used by ${userList.length} test file${userList.length === 1 ? '' : 's'}`;
    }
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
    analyse(path, () => analyzeFile(path, 'support', tier, reason, model, pkg, userList, automockOf, boundaryResolver));
  }
  analyzed.sort((a, b) => comparePaths(a.path, b.path));

  // 4. Rules and the result.
  const rules = options.rules ?? builtinRules;
  const findings = runRules(analyzed, packages.all(), rules, (path, ruleId, error) => errors.push(internalError(path, `rule ${ruleId}`, error)));
  const warnings = [...fileWarnings, ...packages.all().flatMap((p) => p.warnings)];
  return buildResult(basename(root) || root, analyzed, findings, errors, warnings);
}

/** An unexpected exception as an error entry: the file (or rule) it cost, and that it is a bug. */
function internalError(path: string, stage: string, error: unknown): FileError {
  // Exception messages can quote absolute paths (of the machine, of test-audit itself): no report shows them.
  const message = (error instanceof Error ? error.message : String(error)).replace(ABSOLUTE_PATH, '<path>');
  return { path, kind: 'internal-error', message: `${stage} failed: ${message} (a bug in test-audit: please report it)` };
}

const ABSOLUTE_PATH = /(?:[A-Za-z]:)?[\\/](?:[^\s'"`:,()[\]]+[\\/])+[^\s'"`:,()[\]]*/g;

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
  try {
    await access(root, constants.R_OK | constants.X_OK);
  } catch {
    // Otherwise the listing comes back empty and an unreadable repository would pass as clean.
    throw new UsageError(`cannot read folder: ${input} (permission denied)`);
  }
  return root;
}

async function parseFile(
  root: string,
  path: string,
  catalog: Catalog,
  extensions: readonly CatalogEntry[],
  budgetMs: number,
  warn: (note: string) => void,
): Promise<ExtractOutcome | { ok: false; kind: string; message: string }> {
  const source = await readSource(join(root, path));
  if (!source.ok) return { ok: false, kind: source.kind, message: source.message };
  // Audited, but the user should know (e.g. a Latin-1 file whose strings may read oddly).
  for (const note of source.notes) warn(note);
  const outcome = extractModel(path, source.text, (s) => catalog.fakeLibrary(s), budgetMs);
  if (outcome.ok || outcome.kind !== 'too-complex') return outcome;
  return extractWithLargeStack({ path, text: source.text, extensions: [...extensions], budgetMs });
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
