/**
 * Catalog look-ups: which boundary a module specifier, fake library or host stands for.
 * User extensions (from configuration) are consulted before the built-in data.
 */
import { CATALOG_KINDS, EXTERNAL_KINDS, type BoundaryKind, type CatalogEntry, type FakeLibrary, type HostEntry } from './types.js';
import { auth } from './data/auth.js';
import { cache } from './data/cache.js';
import { clock } from './data/clock.js';
import { cloud } from './data/cloud.js';
import { database } from './data/database.js';
import { email } from './data/email.js';
import { fakeLibraries, hosts } from './data/fakes.js';
import { filesystem } from './data/filesystem.js';
import { http } from './data/http.js';
import { childProcess } from './data/process.js';
import { queue } from './data/queue.js';

export type { BoundaryKind, CatalogEntry, CatalogKind, FakeLibrary, HostEntry } from './types.js';
export { CATALOG_KINDS, EXTERNAL_KINDS } from './types.js';
export { fakeLibraries, hosts } from './data/fakes.js';
export { validateCatalogEntries, type CatalogValidation } from './validate.js';

export const builtinCatalog: readonly CatalogEntry[] = [
  ...database,
  ...http,
  ...queue,
  ...cache,
  ...auth,
  ...cloud,
  ...email,
  ...filesystem,
  ...childProcess,
  ...clock,
];

/** The package part of a specifier: 'lodash/get' → 'lodash', '@a/b/c' → '@a/b', 'node:fs' → 'fs'. */
export function packageName(specifier: string): string {
  const bare = withoutNodePrefix(specifier);
  const parts = bare.split('/');
  if (bare.startsWith('@')) return parts.slice(0, 2).join('/');
  return parts[0]!;
}

export function isBareSpecifier(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('#');
}

/**
 * One name for a system and its NestJS integration module, which the catalog lists apart for their
 * own failures: 'database via TypeORM (NestJS)' is 'database via TypeORM', 'Bull (Redis, NestJS)'
 * is 'Bull (Redis)'.
 */
export function systemFamily(system: string): string {
  if (system.endsWith(' (NestJS)')) return system.slice(0, -' (NestJS)'.length);
  if (system.endsWith(', NestJS)')) return `${system.slice(0, -', NestJS)'.length)})`;
  return system;
}

/** True for a match written as a pattern: a scope ('@azure/*') or a prefix ('passport-*'). */
export function isPattern(match: string): boolean {
  return match.endsWith('*');
}

/** Catalog order: by kind as BOUNDARIES.md lists them, then by match (code-unit order, locale-free). */
export function compareEntries(a: CatalogEntry, b: CatalogEntry): number {
  return kindRank(a.kind) - kindRank(b.kind) || (a.match < b.match ? -1 : a.match > b.match ? 1 : 0);
}

function kindRank(kind: BoundaryKind): number {
  const index = (CATALOG_KINDS as readonly BoundaryKind[]).indexOf(kind);
  return index < 0 ? CATALOG_KINDS.length : index;
}

function withoutNodePrefix(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

/** One set of entries indexed for look-up: exact names and patterns, longest pattern first. */
class EntryIndex {
  readonly exact = new Map<string, CatalogEntry>();
  readonly patterns: CatalogEntry[] = [];

  constructor(entries: readonly CatalogEntry[]) {
    for (const entry of entries) {
      if (isPattern(entry.match)) {
        if (!this.patterns.some((p) => p.match === entry.match)) this.patterns.push(entry);
      } else if (!this.exact.has(entry.match)) this.exact.set(entry.match, entry);
    }
    // Longest prefix first, so '@aws-sdk/client-*' beats '@aws-sdk/*'.
    this.patterns.sort((a, b) => b.match.length - a.match.length);
  }

  lookup(bare: string): CatalogEntry | null {
    // The longest exact path wins: 'fs/promises' over 'fs', 'firebase-admin/auth' over
    // 'firebase-admin'; a deeper subpath ('pg/lib/client') falls back to its package.
    const parts = bare.split('/');
    const shortest = bare.startsWith('@') ? 2 : 1;
    for (let length = parts.length; length >= shortest; length--) {
      const entry = this.exact.get(parts.slice(0, length).join('/'));
      if (entry) return entry;
    }
    for (const entry of this.patterns) {
      if (bare.startsWith(entry.match.slice(0, -1))) return entry;
    }
    return null;
  }

  byMatch(match: string): CatalogEntry | null {
    return this.exact.get(match) ?? this.patterns.find((e) => e.match === match) ?? null;
  }

  all(): CatalogEntry[] {
    return [...this.exact.values(), ...this.patterns];
  }
}

const SOURCE_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

/** An extension that names your own code by a path relative to the audited folder ('./src/clients/billing'). */
export function isPathMatch(match: string): boolean {
  return match.startsWith('./');
}

/** An immutable index over catalog entries with the user's extensions in front. */
export class Catalog {
  // Extensions form their own layer, searched completely before the built-ins: a user's entry
  // wins even over a more specific built-in one.
  private readonly layers: EntryIndex[];
  private readonly fakes = new Map<string, FakeLibrary>();

  /** Extensions naming your own code by path ('./src/clients/billing'), longest first. */
  private readonly pathEntries: { path: string; entry: CatalogEntry }[];

  constructor(entries: readonly CatalogEntry[] = builtinCatalog, extensions: readonly CatalogEntry[] = []) {
    const byPath = extensions.filter((e) => isPathMatch(e.match));
    this.layers = [new EntryIndex(extensions.filter((e) => !isPathMatch(e.match))), new EntryIndex(entries)];
    this.pathEntries = byPath.map((entry) => ({ path: entry.match.slice(2).replace(/\/+$/, '').replace(SOURCE_EXTENSION, ''), entry })).sort((a, b) => b.path.length - a.path.length);
    for (const fake of fakeLibraries) this.fakes.set(fake.package, fake);
  }

  /**
   * The extension naming a file of the repository (a path relative to the audited folder, `/`
   * separated): the file itself with any source extension, its folder's index, or any file under a
   * folder entry.
   */
  entryForFile(path: string): CatalogEntry | null {
    if (this.pathEntries.length === 0) return null;
    const bare = path.replace(SOURCE_EXTENSION, '');
    for (const { path: own, entry } of this.pathEntries) {
      if (bare === own || bare === `${own}/index` || path.startsWith(`${own}/`)) return entry;
    }
    return null;
  }

  /** The entry for a module specifier (bare package, subpath, node: built-in), or null. */
  lookup(specifier: string): CatalogEntry | null {
    const bare = withoutNodePrefix(specifier);
    for (const layer of this.layers) {
      const entry = layer.lookup(bare);
      if (entry) return entry;
    }
    return null;
  }

  /** The entry a catalog match string names exactly (used by host and fake tables). */
  byMatch(match: string): CatalogEntry | null {
    for (const layer of this.layers) {
      const entry = layer.byMatch(match);
      if (entry) return entry;
    }
    return null;
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

  /** Every entry in effect (an extension hides the built-in entry with the same match), in catalog order. */
  entries(): CatalogEntry[] {
    const [extensions, builtins] = this.layers as [EntryIndex, EntryIndex];
    const own = [...extensions.all(), ...this.pathEntries.map((p) => p.entry)];
    const claimed = new Set(own.map((e) => e.match));
    return [...own, ...builtins.all().filter((e) => !claimed.has(e.match))].sort(compareEntries);
  }
}

/** What `test-audit catalog` prints: the entries in effect, and the fake libraries and hosts that point at them. */
export interface CatalogListing {
  entries: readonly CatalogEntry[];
  fakeLibraries: readonly FakeLibrary[];
  hosts: readonly HostEntry[];
}

export function catalogListing(catalog: Catalog = new Catalog()): CatalogListing {
  return { entries: catalog.entries(), fakeLibraries, hosts };
}

export function kindIsExternal(kind: BoundaryKind): boolean {
  return EXTERNAL_KINDS.has(kind);
}
