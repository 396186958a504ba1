/**
 * Analysis of one extracted file: what each mock site stands in for, which real systems the file
 * exercises, what its own imports reach, and the doubles it inherits from support code.
 */
import { packageName } from '../catalog/index.js';
import type { AnalyzedFile, FileRole, InheritedDouble, InheritedReset, ReachedBoundary } from '../model/analysis.js';
import type { PackageContext } from '../model/context.js';
import type { TestFileModel, Tier } from '../model/test-model.js';
import type { BoundaryResolver } from '../resolve/boundary-resolver.js';
import { isRelative, type ModuleResolver } from '../resolve/module-resolver.js';
import { realBoundariesOf } from './real-boundaries.js';

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
  inherited: InheritedDouble[];
  /** For test files: the analysed support files that serve it (setup files of its package, helpers it imports). */
  serving?: readonly AnalyzedFile[];
}

export function analyzeFile(fullInput: AnalyzeInput, boundaries: BoundaryResolver, modules: ModuleResolver): AnalyzedFile {
  const { serving = [], ...given } = fullInput;
  const input = { ...given, model: withImportedAllows(given, serving, modules) };
  const { path, model, pkg } = input;
  const resolved = model.mocks.map((site) => boundaries.resolveSite(site, path, pkg.aliases));
  const fakedPackages = new Set<string>();
  model.mocks.forEach((site, index) => {
    if (site.target.kind === 'module' && !isRelative(site.target.specifier)) fakedPackages.add(packageName(site.target.specifier));
    if (site.fakeLibrary && resolved[index]!.catalogMatch) fakedPackages.add(resolved[index]!.catalogMatch!);
  });
  const reach = input.role === 'test' ? reachedThroughImports(input, boundaries, modules) : { external: [], matches: new Set<string>() };
  // A package-wide double (setup file, root __mocks__) matters to this file only if its code reaches what it replaces.
  const inherited = input.inherited.filter(
    (d) => d.scope === 'import' || d.boundary.catalogMatch === null || reach.matches.has(d.boundary.catalogMatch),
  );
  for (const double of inherited) for (const via of double.boundary.via) fakedPackages.add(packageName(via));
  const realBoundaries = realBoundariesOf(model, { packageBoundary: (s) => boundaries.packageBoundary(s), fakedPackages });
  const inheritedResets = input.role === 'test' ? resetsFromSupport(input, serving, modules) : [];
  return { ...input, inherited, inheritedResets, boundaries: resolved, realBoundaries, reached: reach.external };
}

/**
 * DI doubles provided by name from a helper file (`useClass: FakeJwtAuthGuard` imported from
 * test/fake-jwt-auth.guard.ts) take that file's fact that the class or object always allows.
 * Returns the model unchanged, or a copy whose affected sites carry `allows`.
 */
function withImportedAllows(input: Omit<AnalyzeInput, 'serving'>, serving: readonly AnalyzedFile[], modules: ModuleResolver): TestFileModel {
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
function resetsFromSupport(input: Omit<AnalyzeInput, 'serving'>, serving: readonly AnalyzedFile[], modules: ModuleResolver): InheritedReset[] {
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
}

/** What the code under test reaches: the file's own imports that no double replaces, and its package imports. */
function reachedThroughImports(input: AnalyzeInput, boundaries: BoundaryResolver, modules: ModuleResolver): Reach {
  const { path, model, pkg } = input;
  const mockedFiles = new Set<string>();
  for (const site of model.mocks) {
    if (site.target.kind !== 'module') continue;
    const file = modules.resolve(path, site.target.specifier, pkg.aliases);
    if (file) mockedFiles.add(file);
  }
  const external: ReachedBoundary[] = [];
  const matches = new Set<string>();
  for (const record of model.imports) {
    if (record.typeOnly) continue;
    const local = isRelative(record.specifier) || pkg.aliases.some((a) => record.specifier.startsWith(a.prefix));
    if (!local) {
      const direct = boundaries.packageBoundary(record.specifier);
      if (direct?.catalogMatch) matches.add(direct.catalogMatch);
      continue;
    }
    const file = modules.resolve(path, record.specifier, pkg.aliases);
    if (!file) continue;
    for (const match of boundaries.reachableMatches(file)) matches.add(match);
    if (mockedFiles.has(file)) continue;
    for (const boundary of boundaries.reachableBoundaries(file)) {
      const known = external.find((b) => b.system === boundary.system);
      if (known) known.locals.push(...record.locals.filter((l) => !known.locals.includes(l)));
      else external.push({ ...boundary, locals: [...record.locals] });
    }
  }
  return { external, matches };
}
