/**
 * Analysis of one extracted file: what each mock site stands in for, which real systems the file
 * exercises, what its own imports reach, and the doubles it inherits from support code.
 */
import { packageName } from '../catalog/index.js';
import { hasTestName, inTestFolder, looksLikeSupport } from '../discover/test-files.js';
import type { AnalyzedFile, FileRole, InheritedDouble, InheritedReset, ReachedBoundary } from '../model/analysis.js';
import type { PackageContext } from '../model/context.js';
import { callersOfHelper, helperClosure } from '../model/queries.js';
import type { MockSite, Owner, RealUsage, TestFileModel, Tier } from '../model/test-model.js';
import type { BoundaryResolver } from '../resolve/boundary-resolver.js';
import { isRelative, type ModuleResolver } from '../resolve/module-resolver.js';
import { calledCodeOf, type CalledCodeReader } from './called-code.js';
import { drivesRunningApp, fromUsage, realBoundariesOf } from './real-boundaries.js';
import { prismaEngineOf, withPrismaEngine } from './prisma-engine.js';

export interface AnalyzeInput {
  path: string;
  role: FileRole;
  tier: Tier;
  tierReason: string;
  model: TestFileModel;
  pkg: PackageContext;
  usedBy: string[];
  serves: string[];
  appliesTo: 'importers' | 'package';
  automockOf: string | null;
  /**
   * The support files that serve this file (setup files and `__mocks__` of its package, helpers it
   * imports and what they import), each with its `appliesTo`; empty for support files themselves.
   */
  support: readonly AnalyzedFile[];
}

export function analyzeFile(input: AnalyzeInput, boundaries: BoundaryResolver, modules: ModuleResolver, code?: CalledCodeReader): AnalyzedFile {
  const { support, ...given } = input;
  // Fake guards imported from helper files take that file's fact that they always allow.
  const facts = { ...given, model: withImportedAllows(given, support, modules) };
  const { path, model, pkg } = facts;
  const prisma = prismaEngineOf(pkg);
  const resolved = model.mocks.map((site) => withPrismaEngine(boundaries.resolveSite(site, path, pkg.aliases), prisma));
  const fakedPackages = new Set<string>();
  model.mocks.forEach((site, index) => {
    // proxyquire and esmock replace a dependency only inside the module they load, never in the test's own requires.
    const loaderOnly = site.mechanism === 'proxyquire' || site.mechanism === 'esmock';
    if (site.target.kind === 'module' && !isRelative(site.target.specifier) && !loaderOnly) fakedPackages.add(packageName(site.target.specifier));
    if (site.fakeLibrary && resolved[index]!.catalogMatch) fakedPackages.add(resolved[index]!.catalogMatch!);
  });
  const index = supportIndex(support);
  const reach: Reach =
    input.role === 'test' ? reachedThroughImports(input, index, boundaries, modules) : { external: [], matches: new Set<string>(), helperDoubles: [], helperReal: [] };
  // A package-wide double (setup file, root __mocks__) matters to this file only if its code reaches what it replaces.
  const inherited = [...support.flatMap(doublesOnLoad), ...reach.helperDoubles].filter(
    (d) => d.scope === 'import' || d.boundary.catalogMatch === null || reach.matches.has(d.boundary.catalogMatch),
  );
  for (const double of inherited) for (const via of double.boundary.via) fakedPackages.add(packageName(via));
  const context = {
    packageBoundary: (s: string) => {
      const boundary = boundaries.packageBoundary(s);
      return boundary && withPrismaEngine(boundary, prisma);
    },
    fakedPackages,
    browserApp: drivesRunningApp(model, pkg),
  };
  const realBoundaries = realBoundariesOf(model, context);
  for (const { usage, from, locals } of reach.helperReal) {
    if (usage.kind === 'browser-app' && !context.browserApp) continue;
    const real = fromUsage(usage, context);
    if (real) realBoundaries.push({ ...real, owner: { kind: 'file' }, line: usage.line, from: `${from}:${usage.line}`, locals });
  }
  const inheritedResets = input.role === 'test' ? resetsFromSupport(facts, support, modules) : [];
  const analysed: AnalyzedFile = { ...facts, inherited, inheritedResets, boundaries: resolved, realBoundaries, reached: reach.external.map((r) => withPrismaEngine(r, prisma)) };
  if (input.role === 'test' && code) analysed.calledCode = calledCodeOf(path, pkg, model, code);
  if (support.some((s) => s.appliesTo === 'package' && s.model.countsAssertions)) analysed.setupCountsAssertions = true;
  return analysed;
}

interface SupportIndex {
  byPath: Map<string, AnalyzedFile>;
}

function supportIndex(support: readonly AnalyzedFile[]): SupportIndex {
  return { byPath: new Map(support.map((file) => [file.path, file])) };
}

const onLoadDoubles = new WeakMap<AnalyzedFile, InheritedDouble[]>();

/**
 * Doubles a support file makes as it is loaded, for every test it serves: at file level, in its
 * top-level hooks (a setup file's `beforeEach`), and in the helpers those hooks call.
 */
function doublesOnLoad(support: AnalyzedFile): InheritedDouble[] {
  const known = onLoadDoubles.get(support);
  if (known) return known;
  const { model } = support;
  const out: InheritedDouble[] = [];
  onLoadDoubles.set(support, out);
  const topLevelHook = (owner: Owner): boolean => {
    const hook = owner.kind === 'hook' ? model.hooks[owner.id] : undefined;
    return hook !== undefined && hook.describeId === null && hook.helper === undefined;
  };
  model.mocks.forEach((site, i) => {
    if (site.benign) return;
    const onLoad =
      site.owner.kind === 'file' ||
      topLevelHook(site.owner) ||
      (site.owner.kind === 'helper' && callersOfHelper(model, site.owner.name).some(topLevelHook));
    if (onLoad) out.push(inheritedDouble(support, site, support.boundaries[i]!, support.appliesTo === 'package' ? 'package' : 'import'));
  });
  return out;
}

function inheritedDouble(support: AnalyzedFile, site: MockSite, boundary: InheritedDouble['boundary'], scope: InheritedDouble['scope'], locals?: string[]): InheritedDouble {
  return {
    boundary,
    from: `${support.path}:${site.line}`,
    mechanism: site.mechanism,
    scope,
    ...(locals ? { locals } : {}),
    ...(site.fault ? { fault: true } : {}),
  };
}

/**
 * DI doubles provided by name from a helper file (`useClass: FakeJwtAuthGuard` imported from
 * test/fake-jwt-auth.guard.ts) take that file's fact that the class or object always allows.
 * Returns the model unchanged, or a copy whose affected sites carry `allows`.
 */
function withImportedAllows(input: Omit<AnalyzeInput, 'support'>, serving: readonly AnalyzedFile[], modules: ModuleResolver): TestFileModel {
  const { model } = input;
  if (serving.length === 0 || !model.mocks.some((m) => m.provided && !m.allows)) return model;
  const mocks = model.mocks.map((site) => {
    if (!site.provided || site.allows) return site;
    const file = modules.resolve(input.path, site.provided.module, input.pkg.aliases);
    const support = file ? serving.find((s) => s.path === file) : undefined;
    if (!support) return site;
    const { name, kind } = site.provided;
    const local = support.model.exports.find((e) => e.name === name)?.local;
    const allows = local ? support.model.alwaysAllows.find((a) => a.local === local && a.kind === kind)?.allows : undefined;
    return allows ? { ...site, allows } : site;
  });
  return { ...model, mocks };
}

/**
 * Resets that support code registers around every test: hooks at the top level of a setup file or
 * of a helper module register for every test of the files that load it. A reset of every double
 * applies as is; a reset of one double (`mockReset(prismaMock)`) applies to the names this file
 * imports that double by.
 */
function resetsFromSupport(input: Omit<AnalyzeInput, 'support'>, serving: readonly AnalyzedFile[], modules: ModuleResolver): InheritedReset[] {
  const out: InheritedReset[] = [];
  for (const support of serving) {
    const { model } = support;
    for (const reset of model.mockResets) {
      if (reset.owner.kind !== 'hook') continue;
      const hook = model.hooks[reset.owner.id]!;
      if (hook.describeId !== null || (hook.kind !== 'beforeEach' && hook.kind !== 'afterEach')) continue;
      const from = `${support.path}:${reset.line}`;
      if (reset.all) {
        out.push({ kind: reset.kind, locals: null, from });
        continue;
      }
      if (reset.subjectRoot === null) continue;
      const exported = new Set(model.exports.filter((e) => e.local === reset.subjectRoot).map((e) => e.name));
      if (exported.size === 0) continue;
      const locals: string[] = [];
      for (const record of input.model.imports) {
        if (record.typeOnly || modules.resolve(input.path, record.specifier, input.pkg.aliases) !== support.path) continue;
        record.locals.forEach((local, i) => {
          if (exported.has(record.imported[i] ?? '')) locals.push(local);
        });
      }
      if (locals.length) out.push({ kind: reset.kind, locals, from });
    }
  }
  return out;
}

interface Reach {
  /** External systems reached through the file's own, unmocked imports. */
  external: ReachedBoundary[];
  /** Catalog entries the file reaches at all: imported directly or through its own modules. */
  matches: Set<string>;
  /** Doubles made by helper functions of support files that this file's tests call. */
  helperDoubles: InheritedDouble[];
  /** Real clients, containers and temp dirs those helper functions open. */
  helperReal: { usage: RealUsage; from: string; locals: string[] }[];
}

/** How many support modules deep a used helper is followed (test → helper → helper → code). */
const HELPER_DEPTH = 3;

/**
 * What the code under test reaches: the file's own imports that no double replaces, and its
 * package imports. Support code (helpers, fixtures, mocks) is not code under test: importing a
 * constant from a helper reaches nothing. Through a support module, only what the test uses counts:
 * the helpers it calls, what those use in turn, and the doubles they make.
 */
function reachedThroughImports(input: AnalyzeInput, index: SupportIndex, boundaries: BoundaryResolver, modules: ModuleResolver): Reach {
  const { path, model, pkg } = input;
  const mockedFiles = new Set<string>();
  for (const site of model.mocks) {
    if (site.target.kind !== 'module') continue;
    const file = modules.resolve(path, site.target.specifier, pkg.aliases) ?? modules.resolveWorkspace(site.target.specifier);
    if (file) mockedFiles.add(file);
  }
  const reach: Reach = { external: [], matches: new Set<string>(), helperDoubles: [], helperReal: [] };
  const usedLocals = new Set(model.importUses.map((u) => u.local));
  const isLocal = (specifier: string, aliases: PackageContext['aliases'], from = path): boolean => modules.isLocal(from, specifier, aliases);

  /** Code under test reached from `file`, through the test's imported names `locals`. */
  const reachCode = (file: string, locals: readonly string[]): void => {
    for (const match of boundaries.reachableMatches(file)) reach.matches.add(match);
    if (mockedFiles.has(file)) return;
    for (const boundary of boundaries.reachableBoundaries(file)) {
      const known = reach.external.find((b) => b.system === boundary.system);
      if (known) known.locals.push(...locals.filter((l) => !known.locals.includes(l)));
      else reach.external.push({ ...boundary, locals: [...locals] });
    }
  };

  /** A package a used helper function works with itself (`mongoose.connection` in its hook). */
  const reachPackage = (specifier: string, locals: readonly string[]): void => {
    const boundary = boundaries.packageBoundary(specifier);
    if (!boundary?.external) return;
    const known = reach.external.find((b) => b.system === boundary.system);
    if (known) known.locals.push(...locals.filter((l) => !known.locals.includes(l)));
    else reach.external.push({ ...boundary, locals: [...locals] });
  };

  /**
   * A support module, entered through the names `names` it exports, for the test's names `locals`.
   * A function counts with the helpers it calls and the hooks it registers; a value (a constant, a
   * client made at load) with the module's top-level code, and only with the code and clients that
   * code uses: a fixture object built with a library's id generator reaches nothing.
   */
  const followSupport = (helper: AnalyzedFile, names: readonly string[], locals: readonly string[], depth: number): void => {
    const helperModel = helper.model;
    const functions = names.filter((n) => helperModel.helpers.some((h) => h.name === n));
    const closure = helperClosure(helperModel, functions);
    const hooks = new Set(helperModel.hooks.filter((h) => h.helper !== undefined && closure.has(h.helper)).map((h) => h.id));
    const values = functions.length < names.length;
    const inFunctions = (owner: Owner): boolean => (owner.kind === 'helper' && closure.has(owner.name)) || (owner.kind === 'hook' && hooks.has(owner.id));
    const atLoad = (owner: Owner): boolean => values && owner.kind === 'file';
    helperModel.mocks.forEach((site, i) => {
      if (!site.benign && inFunctions(site.owner)) reach.helperDoubles.push(inheritedDouble(helper, site, helper.boundaries[i]!, 'import', [...locals]));
    });
    for (const usage of helperModel.realUsages) {
      if (inFunctions(usage.owner) || atLoad(usage.owner)) reach.helperReal.push({ usage, from: helper.path, locals: [...locals] });
    }
    const inFunction = new Set<string>();
    const inValues = new Set<string>();
    for (const use of helperModel.importUses) {
      if (inFunctions(use.owner)) inFunction.add(use.local);
      else if (atLoad(use.owner)) inValues.add(use.local);
    }
    // A barrel (`export * from './build-app'`, `export { buildApp } from './build-app'`): the names
    // it passes on come from the module it names.
    const ownNames = new Set(helperModel.helpers.map((h) => h.name));
    for (const reexport of helperModel.reexports) {
      const passed = names.filter((n) => !ownNames.has(n) && (reexport.names === null || reexport.names.includes(n)));
      if (passed.length && isLocal(reexport.specifier, helper.pkg.aliases, helper.path)) enter(helper.path, helper.pkg, reexport.specifier, passed, locals, depth + 1);
    }
    for (const record of helperModel.imports) {
      if (record.typeOnly) continue;
      const through = record.locals.filter((l) => inFunction.has(l) || inValues.has(l));
      if (through.length === 0) continue;
      if (isLocal(record.specifier, helper.pkg.aliases, helper.path)) enter(helper.path, helper.pkg, record.specifier, through, locals, depth + 1);
      else if (through.some((l) => inFunction.has(l))) reachPackage(record.specifier, locals);
      else enter(helper.path, helper.pkg, record.specifier, through, locals, depth + 1);
    }
  };

  /** One import of `from`: a package, code under test, or more support code. */
  const enter = (from: string, fromPkg: PackageContext, specifier: string, names: readonly string[], locals: readonly string[], depth: number): void => {
    // A package of this repository (`@acme/db`) is code under test, like a relative import.
    const local = isLocal(specifier, fromPkg.aliases, from);
    const workspace = local ? null : modules.resolveWorkspace(specifier);
    if (!local && !workspace) {
      const direct = boundaries.packageBoundary(specifier);
      if (direct?.catalogMatch) reach.matches.add(direct.catalogMatch);
      return;
    }
    const file = workspace ?? modules.resolve(from, specifier, fromPkg.aliases);
    if (!file) return;
    const helper = index.byPath.get(file);
    if (helper) {
      if (depth < HELPER_DEPTH) followSupport(helper, names, locals, depth);
      return;
    }
    // Support code that was not analysed (or another test file) reaches nothing here.
    if (looksLikeSupport(file) || inTestFolder(file) || hasTestName(file)) return;
    reachCode(file, locals);
  };

  for (const record of model.imports) {
    if (record.typeOnly) continue;
    const file = isLocal(record.specifier, pkg.aliases) ? modules.resolve(path, record.specifier, pkg.aliases) : modules.resolveWorkspace(record.specifier);
    if (file && index.byPath.has(file)) {
      // Each used name on its own, so a constant imported beside a helper does not reach what the helper does.
      for (const local of record.locals) if (usedLocals.has(local)) enter(path, pkg, record.specifier, [local], [local], 0);
    } else {
      enter(path, pkg, record.specifier, record.locals, record.locals, 0);
    }
  }
  return reach;
}
