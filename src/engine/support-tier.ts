/**
 * The tier of a support file, from the tests that use it. Shared by the audit and by
 * `test-audit merge`, which recomputes it from all shards' users: one function, one answer.
 */
import { higherTier } from '../discover/tier.js';
import type { Tier } from '../model/test-model.js';

export interface SupportVerdict {
  tier: Tier;
  reason: string;
}

/**
 * Setup files and Jest automatic mocks (users that are not test files: configs, 'jest automatic
 * mocks') apply to every test of their package; helpers take the highest tier of their users.
 */
export function supportTier(users: readonly string[], isTest: (path: string) => boolean, tierOf: (path: string) => Tier, packageTestTiers: readonly Tier[]): SupportVerdict {
  if (users.some((u) => !isTest(u))) {
    return { tier: highestTier(packageTestTiers), reason: `applies to every test of its package (${packageTestTiers.length} test files)` };
  }
  return {
    tier: highestTier(users.map(tierOf)),
    reason: `support code used by ${users.length} test file${users.length === 1 ? '' : 's'}`,
  };
}

export function highestTier(tiers: readonly Tier[]): Tier {
  return tiers.reduce<Tier>((best, tier) => higherTier(best, tier), 'unit');
}
