/**
 * unused-suppression: a justified test-audit-ignore comment that matches no finding, or names a
 * rule that does not exist. The exception it records is gone; the comment would only mislead.
 */
import type { RawFinding, RuleDefinition } from '../src/model/rule.js';

const rule: RuleDefinition = {
  meta: {
    id: 'unused-suppression',
    description: 'A justified test-audit-ignore comment that matches no finding, or names an unknown rule: the exception it records is gone.',
    rationale:
      'A stale exception tells readers a double is still there and accepted when it is not, and it would silently swallow the next finding of its rule on that line or in that file.',
    severity: {
      default: { unit: 'warning', integration: 'warning', e2e: 'warning' },
    },
    messages: {
      unused: 'This {directive} comment for {ruleId} matches no finding {where}: remove it, the exception it justified no longer exists.',
      unknownRule: "This {directive} comment names '{ruleId}', which is not a test-audit rule, so it suppresses nothing. Use an id from 'test-audit rules'.",
    },
    phase: 'suppressions',
  },
  check(file, context) {
    const facts = context.suppressions;
    if (!facts) return [];
    const findings: RawFinding[] = [];
    file.model.suppressions.forEach((s, index) => {
      if (s.ruleId === '' || s.reason === null) return; // unjustified-suppression reports those
      const known = facts.knownRule(s.ruleId);
      if (known && facts.used(file, index)) return;
      findings.push({
        messageId: known ? 'unused' : 'unknownRule',
        data: {
          directive: `test-audit-ignore-${s.scope}`,
          ruleId: s.ruleId,
          where: s.scope === 'file' ? 'in this file' : `on line ${s.targetLine}`,
        },
        line: s.line,
        column: s.column,
        subject: `${s.scope} ${s.ruleId}`,
      });
    });
    return findings;
  },
};

export default rule;
