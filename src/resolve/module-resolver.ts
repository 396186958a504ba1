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

export class ModuleResolver {
  constructor(private readonly files: ReadonlySet<string>) {}

  /** The file a specifier names from `fromFile`, or null when it is not a file in the tree. */
  resolve(fromFile: string, specifier: string, aliases: readonly Alias[] = []): string | null {
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
