/** `test-audit rules`: every rule with its default severity per tier and its one-line description. */
import { Chalk } from 'chalk';
import type { RuleDefinition, TierSeverity } from '../model/rule.js';
import { docsPath } from '../engine/run-rules.js';
import { ruleDocsUrl } from '../docs/links.js';
import { toolVersion } from '../version.js';
import { block, escapeJsonText } from './text.js';

function tiers(severity: TierSeverity): string {
  return `unit ${severity.unit} · integration ${severity.integration} · e2e ${severity.e2e}`;
}

export function formatRulesTable(rules: readonly RuleDefinition[], options: { color: boolean }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  for (const rule of rules) {
    lines.push(c.bold(rule.meta.id));
    lines.push(block(rule.meta.description, 100, '  '));
    const variants = Object.entries(rule.meta.severity);
    for (const [variant, severity] of variants) {
      // A default that only repeats a named variant says nothing new.
      if (variant === 'default' && variants.some(([v, s]) => v !== 'default' && tiers(s) === tiers(severity))) continue;
      const label = variants.length === 1 ? 'severity' : variant;
      lines.push(`  ${c.dim(label.padEnd(10))} ${tiers(severity)}`);
    }
    lines.push(`  ${c.dim('docs'.padEnd(10))} ${ruleDocsUrl(toolVersion(), rule.meta.id)} (test-audit explain ${rule.meta.id})`, '');
  }
  return lines.join('\n');
}

export function formatRulesJson(rules: readonly RuleDefinition[]): string {
  const list = rules.map((rule) => ({
    id: rule.meta.id,
    description: rule.meta.description,
    rationale: rule.meta.rationale,
    severity: rule.meta.severity,
    docs: docsPath(rule.meta.id),
    docsUrl: ruleDocsUrl(toolVersion(), rule.meta.id),
  }));
  return `${escapeJsonText(JSON.stringify({ schemaVersion: 1, rules: list }, null, 2))}\n`;
}
