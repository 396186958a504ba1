/**
 * unjustified-suppression: a test-audit-ignore comment without a reason or without a rule id. It
 * suppresses nothing: an exception counts only when it says why the team accepts it.
 */
import type { RawFinding, RuleDefinition } from '../src/model/rule.js';

const rule: RuleDefinition = {
  meta: {
    id: 'unjustified-suppression',
    description: 'A test-audit-ignore comment without a reason or a rule id: it suppresses nothing until it says which rule and why.',
    rationale:
      'An exception is honest only when it says what the double hides and why the team accepts that; a bare ignore comment would hide a finding without a decision anyone can review.',
    severity: {
      default: { unit: 'warning', integration: 'warning', e2e: 'warning' },
    },
    messages: {
      noReason:
        "This {directive} comment for {ruleId} gives no reason, so it suppresses nothing. Say why the exception is acceptable after '--': {example}.",
      noRule: "This {directive} comment names no rule, so it suppresses nothing. Name the rule and the reason: {example} ('test-audit rules' lists the ids).",
    },
    phase: 'suppressions',
  },
  check(file) {
    const findings: RawFinding[] = [];
    for (const s of file.model.suppressions) {
      if (s.ruleId !== '' && s.reason !== null) continue;
      const directive = `test-audit-ignore-${s.scope}`;
      const rule = s.ruleId || '<rule-id>';
      const example = s.scope === 'file' ? `/* ${directive} ${rule} -- <reason> */` : `// ${directive} ${rule} -- <reason>`;
      findings.push({
        messageId: s.ruleId === '' ? 'noRule' : 'noReason',
        data: { directive, ruleId: s.ruleId, example },
        line: s.line,
        column: s.column,
        subject: `${s.scope} ${s.ruleId}`,
      });
    }
    return findings;
  },
};

export default rule;
