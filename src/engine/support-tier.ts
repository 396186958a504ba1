/**
 * Which tests a support file serves, and the tier that follows. Shared by the audit and by
 * `test-audit merge`, which recomputes both from all shards' users: one function, one answer.
 */
import { higherTier } from '../discover/tier.js';
import type { Framework, Tier } from '../model/test-model.js';

export interface SupportVerdict {
  tier: Tier;
  reason: string;
  /** Test files served, sorted. */
  serves: string[];
  /** True when it applies to a whole package (a runner's setup file, a Jest root `__mocks__`). */
  packageWide: boolean;
}

export interface TestFact {
  path: string;
  tier: Tier;
  framework: Framework;
  package: string;
}

/** Browser suites are not run by the Jest/Vitest/Mocha setup files of their package. */
const BROWSER = new Set<Framework>(['playwright', 'cypress']);

/**
 * Users are test files, other support files (followed transitively), or labels of what applies a
 * file to its whole package (a runner config, Jest automatic mocks): those make it serve every test
 * its package's runner runs.
 */
export function supportVerdicts(
  usedBy: ReadonlyMap<string, readonly string[]>,
  tests: readonly TestFact[],
  packageOf: (supportPath: string) => string,
): Map<string, SupportVerdict> {
  const byPath = new Map(tests.map((t) => [t.path, t]));
  const memo = new Map<string, { serves: Set<string>; packageWide: boolean }>();
  const visit = (path: string, seen: Set<string>): { serves: Set<string>; packageWide: boolean } => {
    const cached = memo.get(path);
    if (cached) return cached;
    const serves = new Set<string>();
    let packageWide = false;
    for (const user of usedBy.get(path) ?? []) {
      if (byPath.has(user)) serves.add(user);
      else if (usedBy.has(user)) {
        if (seen.has(user)) continue;
        seen.add(user);
        const inner = visit(user, seen);
        for (const t of inner.serves) serves.add(t);
        packageWide ||= inner.packageWide;
      } else {
        packageWide = true;
        const dir = packageOf(path);
        for (const t of tests) if (t.package === dir && !BROWSER.has(t.framework)) serves.add(t.path);
      }
    }
    const result = { serves, packageWide };
    memo.set(path, result);
    return result;
  };
  const out = new Map<string, SupportVerdict>();
  for (const path of [...usedBy.keys()].sort()) {
    const { serves, packageWide } = visit(path, new Set([path]));
    const list = [...serves].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const tier = highestTier(list.map((t) => byPath.get(t)!.tier));
    const reason = packageWide
      ? `applies to every test its runner runs in this package (${testFiles(list.length)})`
      : `support code used by ${testFiles(list.length)}`;
    out.set(path, { tier, reason, serves: list, packageWide });
  }
  return out;
}

function testFiles(count: number): string {
  return `${count} test file${count === 1 ? '' : 's'}`;
}

export function highestTier(tiers: readonly Tier[]): Tier {
  return tiers.reduce<Tier>((best, tier) => higherTier(best, tier), 'unit');
}
