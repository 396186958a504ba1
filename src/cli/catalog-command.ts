/**
 * `test-audit catalog [path]`: the catalog in effect for a repository — the built-in entries plus
 * the extensions its configuration adds, so a team can check how its own clients will be named.
 */
import { rules } from '../../rules/index.js';
import { checkedRoot } from '../audit.js';
import { Catalog, builtinCatalog, catalogListing } from '../catalog/index.js';
import { loadConfig } from '../config/load-config.js';
import { formatCatalogJson, formatCatalogTable } from '../report/catalog-list.js';
import { EXIT_CLEAN, reportError } from './terminal.js';

export interface CatalogFlags {
  format: 'table' | 'json';
  color: boolean;
  config?: string;
  debug: boolean;
}

export async function listCatalog(path: string, flags: CatalogFlags): Promise<number> {
  try {
    const root = await checkedRoot(path);
    const loaded = await loadConfig(root, { knownRules: rules.map((r) => r.meta.id), ...(flags.config !== undefined ? { configPath: flags.config } : {}) });
    const extensions = loaded?.config.catalog ?? [];
    const listing = catalogListing(new Catalog(builtinCatalog, extensions));
    const fromConfig = new Set(extensions.map((e) => e.match));
    const text = flags.format === 'json' ? formatCatalogJson(listing, fromConfig) : formatCatalogTable(listing, { color: flags.color, fromConfig });
    process.stdout.write(text);
    return EXIT_CLEAN;
  } catch (error) {
    return reportError(error, flags.debug);
  }
}
