/** The README's rule table, generated from rule metadata so the two never drift apart. */
import type { RuleDefinition, TierSeverity } from '../model/rule.js';

function severities(rule: RuleDefinition): string {
  const variants = Object.entries(rule.meta.severity);
  const show = (s: TierSeverity): string => `${s.unit} / ${s.integration} / ${s.e2e}`;
  if (variants.length === 1) return show(rule.meta.severity.default);
  return variants
    .filter(([name, s]) => name !== 'default' || !variants.some(([other, o]) => other !== 'default' && show(o) === show(s)))
    .map(([name, s]) => `${name}: ${show(s)}`)
    .join('<br>');
}

export function ruleTableMarkdown(rules: readonly RuleDefinition[]): string {
  const rows = rules.map((rule) => `| [\`${rule.meta.id}\`](rules/${rule.meta.id}.md) | ${rule.meta.description} | ${severities(rule)} |`);
  return ['| rule | what it flags | severity (unit / integration / e2e) |', '|---|---|---|', ...rows, ''].join('\n');
}
