/** Turns a loaded configuration into audit options: what the library's `audit()` takes. */
import type { AuditOptions } from '../audit.js';
import { DEFAULT_EXCLUDED } from '../discover/find-files.js';
import type { LoadedConfig } from './types.js';

export type ConfiguredOptions = Omit<AuditOptions, 'root'>;

export function auditOptionsFromConfig(loaded: LoadedConfig | null): ConfiguredOptions {
  if (!loaded) return {};
  const { config, label } = loaded;
  const options: ConfiguredOptions = { configLabel: label };
  if (config.include?.length) options.include = config.include;
  // Configured excludes add to the defaults (fixture folders stay excluded).
  if (config.exclude?.length) options.exclude = [...DEFAULT_EXCLUDED, ...config.exclude];
  if (config.tiers) options.tiers = config.tiers;
  if (config.rules) options.severity = config.rules;
  if (config.catalog?.length) options.catalogExtensions = config.catalog;
  if (config.packages) options.packages = config.packages;
  if (config.failOn) options.failOn = config.failOn;
  return options;
}
