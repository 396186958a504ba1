/**
 * Per-package settings from configuration, applied to the package contexts read from disk: a
 * production engine override replaces whatever the manifests and configs suggested.
 */
import type { PackageContext } from '../model/context.js';
import type { DatabaseEngine } from '../model/test-model.js';

/** An engine production runs on, or 'none' for a package without a database. */
export type ProductionEngine = Exclude<DatabaseEngine, 'pg-mem' | 'unknown'> | 'none';

export interface PackageSettings {
  /** What the package runs on in production, overriding detection (dependencies, Prisma, compose, .env). */
  productionEngine?: ProductionEngine;
}

/**
 * Keys name a package by folder relative to the audited folder ('.' for the root) or by its
 * package.json name. Returns warnings for keys that match no package.
 */
export function applyPackageSettings(packages: readonly PackageContext[], settings: Readonly<Record<string, PackageSettings>>, source: string): string[] {
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const folder = key === '.' || key === './' ? '' : key.replace(/^\.\//, '').replace(/\/+$/, '');
    const matching = packages.filter((p) => p.dir === folder || (p.name !== null && p.name === key));
    if (matching.length === 0) {
      warnings.push(`${source}: packages['${key}'] matches no package (name a package by its folder relative to the audited folder, '.' for the root, or by its package.json name)`);
      continue;
    }
    const engine = value.productionEngine;
    if (engine === undefined) continue;
    for (const pkg of matching) {
      pkg.productionEngines =
        engine === 'none'
          ? []
          : [{ engine, source: 'config', path: source, line: 1, column: 1, evidence: `productionEngine '${engine}' set for package '${key}'` }];
    }
  }
  return warnings;
}
