/**
 * Resolves import specifiers to files in the audited tree, the way Node and TypeScript would for
 * relative paths: extensions, index files, and `.js` written for a `.ts` source.
 */
import { posix } from 'node:path';
import type { PathAlias as Alias } from '../model/context.js';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/** A package of the audited repository, importable by name from its siblings. */
export interface WorkspacePackage {
  name: string;
  dir: string;
  entries: Record<string, string>;
}

export class ModuleResolver {
  private readonly workspaces = new Map<string, WorkspacePackage>();

  constructor(
    private readonly files: ReadonlySet<string>,
    workspaces: readonly WorkspacePackage[] = [],
    /** The path aliases in force for a file (its package's tsconfig `paths`). */
    private readonly aliasesFor: (path: string) => readonly Alias[] = () => [],
  ) {
    for (const pkg of workspaces) this.workspaces.set(pkg.name, pkg);
  }

  /**
   * A bare specifier naming a package of this repository (`@acme/db`, `@acme/db/client`) resolved
   * to its source: the entry its package.json names, or the source file a built entry comes from.
   */
  resolveWorkspace(specifier: string): string | null {
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const pkg = this.workspaces.get(name);
    if (!pkg) return null;
    const rest = parts.slice(specifier.startsWith('@') ? 2 : 1).join('/');
    const subpath = rest ? `./${rest}` : '.';
    const declared = pkg.entries[subpath];
    const candidates: string[] = [];
    if (declared) candidates.push(declared, ...sourceCandidates(declared, pkg.dir));
    const base = pkg.dir ? `${pkg.dir}/` : '';
    if (rest) candidates.push(`${base}${rest}`, `${base}src/${rest}`);
    else candidates.push(`${base}src/index`, `${base}index`, `${base}lib/index`);
    for (const candidate of candidates) {
      const found = this.probe(candidate);
      if (found) return found;
    }
    return null;
  }

  /** Whether a bare specifier names a package of this repository (`@acme/db/missing/file` included). */
  isWorkspacePackage(specifier: string): boolean {
    const parts = specifier.split('/');
    return this.workspaces.has(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
  }

  /**
   * True when a specifier names the repository's own code rather than a package: relative, under a
   * `paths` alias, or naming a file under `baseUrl`.
   */
  isLocal(fromFile: string, specifier: string, aliases: readonly Alias[] = this.aliasesFor(fromFile)): boolean {
    if (isRelative(specifier)) return true;
    if (aliases.some((a) => !a.baseUrl && specifier.startsWith(a.prefix))) return true;
    return aliases.some((a) => a.baseUrl) && this.resolve(fromFile, specifier, aliases) !== null;
  }

  /** The file a specifier names from `fromFile`, or null when it is not a file in the tree. */
  resolve(fromFile: string, specifier: string, aliases: readonly Alias[] = this.aliasesFor(fromFile)): string | null {
    if (isRelative(specifier)) {
      const base = posix.normalize(posix.join(posix.dirname(fromFile), specifier));
      return base.startsWith('..') ? null : this.probe(base === '.' ? '' : base);
    }
    for (const alias of aliases) {
      if (!specifier.startsWith(alias.prefix)) continue;
      for (const target of alias.targets) {
        const candidate = posix.normalize(target + specifier.slice(alias.prefix.length));
        const found = this.probe(candidate);
        if (found) return found;
      }
    }
    return null;
  }

  /** Tries a path as a file, with source extensions, with `.js` mapped to TS sources, and as a folder index. */
  probe(path: string): string | null {
    if (this.files.has(path)) return path;
    const jsMatch = /\.(m|c)?jsx?$/.exec(path);
    if (jsMatch) {
      const stem = path.slice(0, -jsMatch[0].length);
      for (const ext of jsMatch[1] === 'm' ? ['.mts'] : jsMatch[1] === 'c' ? ['.cts'] : ['.ts', '.tsx']) {
        if (this.files.has(stem + ext)) return stem + ext;
      }
    }
    for (const ext of EXTENSIONS) if (this.files.has(path + ext)) return path + ext;
    const prefix = path === '' ? '' : `${path}/`;
    for (const ext of EXTENSIONS) if (this.files.has(`${prefix}index${ext}`)) return `${prefix}index${ext}`;
    return null;
  }
}

export type { PathAlias as Alias } from '../model/context.js';

/** The source a built entry is made from: dist/index.js → src/index.ts, lib/x.js → src/x.ts. */
function sourceCandidates(entry: string, dir: string): string[] {
  const base = dir ? `${dir}/` : '';
  const inside = entry.startsWith(base) ? entry.slice(base.length) : entry;
  const stem = inside.replace(/\.d\.[cm]?ts$/, '').replace(/\.[cm]?jsx?$/, '');
  const withoutOut = stem.replace(/^(dist|build|lib|out|esm|cjs)\//, '');
  return [`${base}src/${withoutOut}`, `${base}${withoutOut}`];
}
