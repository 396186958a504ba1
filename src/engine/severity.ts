/**
 * Effective severities: a rule's severity table per variant and tier, with the user's overrides
 * from configuration applied. The engine and `test-audit merge` both judge findings by it.
 */
import type { RuleMeta, SeveritySetting, TierSeverity } from '../model/rule.js';
import type { Tier } from '../model/test-model.js';

/** A severity (or 'off') for every tier, or severities for some tiers. */
export type SeverityOverride = SeveritySetting | Partial<TierSeverity>;
export type SeverityOverrides = Readonly<Record<string, SeverityOverride>>;
export type SeverityTable = Record<string, TierSeverity>;

const TIERS: readonly Tier[] = ['unit', 'integration', 'e2e'];

/** The rule's table with an override applied to every variant (an override names tiers, not variants). */
export function effectiveSeverities(meta: RuleMeta, override?: SeverityOverride): SeverityTable {
  const table: SeverityTable = {};
  for (const [variant, severities] of Object.entries(meta.severity)) {
    const next = { ...severities };
    if (typeof override === 'string') for (const tier of TIERS) next[tier] = override;
    else if (override) for (const tier of TIERS) next[tier] = override[tier] ?? next[tier];
    table[variant] = next;
  }
  return table;
}

export function severityIn(table: SeverityTable, variant: string | undefined, tier: Tier): SeveritySetting {
  return (table[variant ?? 'default'] ?? table['default']!)[tier];
}
