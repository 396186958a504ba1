/**
 * Support code and the tests it serves. An edge says a file uses a support file: a test or helper
 * imports it, or a label (a runner config naming a setup file, Jest's automatic `__mocks__`) applies
 * it to a whole package. The same rules `supportVerdicts` judges tiers by, asked from the other
 * side: which support files serve this test.
 */
import { comparePaths } from './find-files.js';

export class SupportGraph {
  /** Support file → its users: test files, other support files, or labels. */
  readonly usedBy = new Map<string, Set<string>>();
  /** File (test or support) → the support files it uses. */
  private readonly uses = new Map<string, Set<string>>();
  /** Support files a label applies, by the package folder of the support file itself. */
  private readonly rootsByPackage = new Map<string, Set<string>>();
  private packageWide: Map<string, string[]> | null = null;

  constructor(private readonly packageOf: (path: string) => string) {}

  /** Records that `user` (a file, or a label when `label` is true) uses a support file. */
  use(support: string, user: string, label = false): void {
    let users = this.usedBy.get(support);
    if (!users) this.usedBy.set(support, (users = new Set()));
    users.add(user);
    if (label) {
      const dir = this.packageOf(support);
      let roots = this.rootsByPackage.get(dir);
      if (!roots) this.rootsByPackage.set(dir, (roots = new Set()));
      roots.add(support);
      this.packageWide = null;
    } else {
      let used = this.uses.get(user);
      if (!used) this.uses.set(user, (used = new Set()));
      used.add(support);
    }
  }

  /** Support files a file reaches through imports, itself excluded, sorted. */
  reachableFrom(path: string): string[] {
    const seen = new Set<string>();
    const stack = [...(this.uses.get(path) ?? [])];
    while (stack.length) {
      const next = stack.pop()!;
      if (next === path || seen.has(next)) continue;
      seen.add(next);
      for (const inner of this.uses.get(next) ?? []) stack.push(inner);
    }
    return [...seen].sort(comparePaths);
  }

  /**
   * The support files that serve a test: those it reaches through imports and, unless it is a
   * browser suite (setup files of Jest/Vitest/Mocha do not run there), those applied to every test
   * of its package and what they import. Sorted.
   */
  servers(test: string, packageDir: string, browser: boolean): string[] {
    const own = this.reachableFrom(test);
    if (browser) return own;
    const wide = this.packageWideFor(packageDir);
    if (wide.length === 0) return own;
    return [...new Set([...own, ...wide])].sort(comparePaths);
  }

  /** True when a label applies the file to a whole package, directly or through a support file that imports it. */
  isPackageWide(support: string): boolean {
    for (const list of this.packageWideLists().values()) if (list.includes(support)) return true;
    return false;
  }

  private packageWideFor(packageDir: string): string[] {
    return this.packageWideLists().get(packageDir) ?? [];
  }

  private packageWideLists(): Map<string, string[]> {
    if (!this.packageWide) {
      this.packageWide = new Map();
      for (const [dir, roots] of this.rootsByPackage) {
        const all = new Set<string>();
        for (const root of roots) {
          all.add(root);
          for (const inner of this.reachableFrom(root)) all.add(inner);
        }
        this.packageWide.set(dir, [...all].sort(comparePaths));
      }
    }
    return this.packageWide;
  }
}
