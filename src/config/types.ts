/**
 * The configuration file's contract (see config.schema.json beside this file, which validates it).
 * JSON only: configuration is data and is never executed.
 */
import type { CatalogEntry } from '../catalog/types.js';
import type { PackageSettings } from '../discover/package-settings.js';
import type { SeverityOverride } from '../engine/severity.js';
import type { FailLevel } from '../model/severity.js';

export interface TestAuditConfig {
  /** Only test files matching one of these globs are audited (default: every file named or placed like a test). */
  include?: string[];
  /** Files and folders never read, in addition to the defaults (node_modules, build output, fixture folders). */
  exclude?: string[];
  /** Globs that give test files their tier, overriding the naming heuristics (e2e, then integration, then unit). */
  tiers?: { unit?: string[]; integration?: string[]; e2e?: string[] };
  /** Severity per rule id: a severity or 'off' for every tier, or per tier. */
  rules?: Record<string, SeverityOverride>;
  /** Your own clients and services, consulted before the built-in catalog. */
  catalog?: CatalogEntry[];
  /** Settings per package, keyed by folder relative to the audited folder ('.' for the root) or package name. */
  packages?: Record<string, PackageSettings>;
  /** Lowest severity that fails the run; --fail-on overrides it. */
  failOn?: FailLevel;
}

/** A configuration read from disk. */
export interface LoadedConfig {
  config: TestAuditConfig;
  /** The file, absolute (for messages on the terminal only). */
  path: string;
  /** How reports name it: relative to the audited folder when inside it, else its file name. */
  label: string;
}
