/** Paths as CI systems want them: the audited folder's relative paths under an optional prefix. */

/** Joins a prefix (the audited folder relative to the repository root, '' for the root) and a path. */
export function withPrefix(prefix: string | undefined, path: string): string {
  const clean = (prefix ?? '').replace(/\\/g, '/').replace(/^\.\/?/, '').replace(/\/+$/, '');
  return clean ? `${clean}/${path}` : path;
}
