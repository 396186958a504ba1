/**
 * Glob matching for configuration (include, tier globs), on paths relative to the audited folder.
 * minimatch: already in the dependency tree through ts-morph, typed, and its dialect matches what
 * users write in .gitignore-style configs (`**`, `*`, braces, dotfiles when asked).
 */
import { Minimatch } from 'minimatch';

export interface GlobSet {
  /** The first pattern that matches the path, or null. */
  firstMatch(path: string): string | null;
}

export function globSet(patterns: readonly string[]): GlobSet {
  const compiled = patterns.map((pattern) => ({ pattern, matcher: new Minimatch(pattern.replace(/^\.\//, ''), { dot: true }) }));
  return {
    firstMatch(path) {
      return compiled.find((c) => c.matcher.match(path))?.pattern ?? null;
    },
  };
}
