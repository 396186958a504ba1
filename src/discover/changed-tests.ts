/**
 * Which test candidates a `--changed-since` run audits: those changed themselves, those that import
 * changed support code (helpers, test utilities), and every test of a package whose manifest, runner
 * config, setup files or Jest `__mocks__` changed. Imports of unchanged candidates are read with
 * TypeScript's import pre-scanner, not a full parse: that is what keeps a PR check fast.
 */
import { ts } from '../typescript.js';
import { join } from 'node:path';
import { readSource } from '../extract/read-source.js';
import { isRelative, type ModuleResolver } from '../resolve/module-resolver.js';
import type { PackageIndex } from './package-context.js';
import { inMocksFolder, isSourceFile, isTestCandidate, looksLikeSupport } from './test-files.js';

export async function selectChangedTests(
  root: string,
  candidates: readonly string[],
  changed: ReadonlySet<string>,
  packages: PackageIndex,
  resolver: ModuleResolver,
): Promise<string[]> {
  const touchedPackages = new Set<string>();
  for (const pkg of packages.all()) {
    const context = [pkg.manifestPath, pkg.runner.configPath, ...pkg.runner.setupFiles.map((s) => resolver.probe(s) ?? s)];
    if (context.some((p) => p !== null && changed.has(p))) touchedPackages.add(pkg.dir);
  }
  for (const path of changed) if (inMocksFolder(path) && isSourceFile(path)) touchedPackages.add(packages.packageDirOf(path));

  // Support code as the audit defines it: test-folder files and files named or placed like helpers.
  const changedSupport = new Set([...changed].filter((p) => isSourceFile(p) && (isTestCandidate(p) || looksLikeSupport(p))));
  const selected: string[] = [];
  for (const path of candidates) {
    if (changed.has(path) || touchedPackages.has(packages.packageDirOf(path))) {
      selected.push(path);
      continue;
    }
    if (changedSupport.size === 0) continue;
    const source = readSource(join(root, path));
    if (!source.ok) continue;
    const aliases = packages.contextOf(path).aliases;
    const imports = ts.preProcessFile(source.text, true, true).importedFiles.map((f) => f.fileName);
    const usesChanged = imports.some((specifier) => {
      const target = resolver.isLocal(path, specifier, aliases) ? resolver.resolve(path, specifier, aliases) : null;
      return target !== null && changedSupport.has(target);
    });
    if (usesChanged) selected.push(path);
  }
  return selected;
}
