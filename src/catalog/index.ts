/**
 * Catalog look-ups: which boundary a module specifier, fake library or host stands for.
 * User extensions (from configuration) are consulted before the built-in data.
 */
import type { BoundaryKind, CatalogEntry, FakeLibrary } from './types.js';
import { auth } from './data/auth.js';
import { cache } from './data/cache.js';
import { cloud } from './data/cloud.js';
import { database } from './data/database.js';
import { email } from './data/email.js';
import { fakeLibraries, hosts } from './data/fakes.js';
import { http } from './data/http.js';
import { local } from './data/local.js';
import { queue } from './data/queue.js';

export type { BoundaryKind, CatalogEntry, FakeLibrary, HostEntry } from './types.js';
export { EXTERNAL_KINDS } from './types.js';

export const builtinCatalog: readonly CatalogEntry[] = [
  ...database,
  ...http,
  ...queue,
  ...cache,
  ...auth,
  ...cloud,
  ...email,
  ...local,
];

/** The package part of a specifier: 'lodash/get' → 'lodash', '@a/b/c' → '@a/b', 'node:fs' → 'fs'. */
export function packageName(specifier: string): string {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  const parts = bare.split('/');
  if (bare.startsWith('@')) return parts.slice(0, 2).join('/');
  return parts[0]!;
}

export function isBareSpecifier(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('#');
}

/** An immutable index over catalog entries with the user's extensions in front. */
export class Catalog {
  private readonly exact = new Map<string, CatalogEntry>();
  private readonly prefixes: CatalogEntry[] = [];
  private readonly fakes = new Map<string, FakeLibrary>();

  constructor(entries: readonly CatalogEntry[] = builtinCatalog, extensions: readonly CatalogEntry[] = []) {
    for (const entry of [...extensions, ...entries]) {
      if (entry.match.endsWith('*')) this.prefixes.push(entry);
      else if (!this.exact.has(entry.match)) this.exact.set(entry.match, entry);
    }
    // Longest prefix first, so '@aws-sdk/client-s3' beats '@aws-sdk/client-*' beats '@aws-sdk/*'.
    this.prefixes.sort((a, b) => b.match.length - a.match.length);
    for (const fake of fakeLibraries) this.fakes.set(fake.package, fake);
  }

  /** The entry for a module specifier (bare package, subpath, node: built-in), or null. */
  lookup(specifier: string): CatalogEntry | null {
    const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
    const direct = this.exact.get(bare);
    if (direct) return direct;
    const pkg = packageName(bare);
    const byPackage = this.exact.get(pkg);
    if (byPackage) return byPackage;
    for (const entry of this.prefixes) {
      const prefix = entry.match.slice(0, -1);
      if (bare.startsWith(prefix) || pkg.startsWith(prefix)) return entry;
    }
    return null;
  }

  /** The entry a catalog match string names exactly (used by host and fake tables). */
  byMatch(match: string): CatalogEntry | null {
    return this.exact.get(match) ?? this.prefixes.find((e) => e.match === match) ?? null;
  }

  fakeLibrary(specifier: string): FakeLibrary | null {
    return this.fakes.get(packageName(specifier)) ?? null;
  }

  /** The catalog entry for a host (longest matching suffix), or null for unknown hosts. */
  lookupHost(host: string): CatalogEntry | null {
    const lower = host.toLowerCase();
    let best: { length: number; entry: string } | null = null;
    for (const h of hosts) {
      if ((lower === h.host || lower.endsWith(`.${h.host}`)) && (!best || h.host.length > best.length)) {
        best = { length: h.host.length, entry: h.entry };
      }
    }
    return best ? this.byMatch(best.entry) : null;
  }

  entries(): CatalogEntry[] {
    return [...this.exact.values(), ...this.prefixes].sort((a, b) => a.kind.localeCompare(b.kind) || a.match.localeCompare(b.match));
  }
}

export function kindIsExternal(kind: BoundaryKind): boolean {
  return kind === 'database' || kind === 'http' || kind === 'queue' || kind === 'cache' || kind === 'auth' || kind === 'cloud' || kind === 'email';
}
