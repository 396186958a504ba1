/**
 * Checks on catalog extensions beyond their shape (which the schema checks): what would make an
 * entry silently never match, or two entries fight over the same modules.
 */
import type { CatalogEntry } from '../catalog/types.js';

export interface CatalogProblem {
  /** Index of the entry in the list. */
  index: number;
  /** The entry's key at fault. */
  key: keyof CatalogEntry;
  message: string;
}

export function validateCatalogEntries(entries: readonly CatalogEntry[]): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const match = entry.match;
    if (match.includes('*') && (!match.endsWith('*') || match.indexOf('*') !== match.length - 1)) {
      problems.push({ index, key: 'match', message: `'${match}': a '*' is allowed only at the end (a prefix such as '@acme/*')` });
    }
    if (match.startsWith('./')) {
      // Your own code, by path: a file or folder inside the audited folder.
      const rest = match.slice(2);
      if (rest === '' || rest.split('/').some((part) => part === '..' || part === '.') || match.includes('*') || match.includes('\\')) {
        problems.push({ index, key: 'match', message: `'${match}': a path names a file or folder inside the audited folder ('./src/clients/billing'), without '..', '*' or '\\'` });
      }
    } else if (match.startsWith('.') || match.startsWith('/')) {
      problems.push({ index, key: 'match', message: `'${match}': name a package ('@acme/billing'), or your own code by a path relative to the audited folder that starts with './'` });
    }
    const earlier = seen.get(match);
    if (earlier !== undefined) problems.push({ index, key: 'match', message: `'${match}' is already described by catalog[${earlier}]` });
    else seen.set(match, index);
  });
  return problems;
}
