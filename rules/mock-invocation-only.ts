/**
 * mock-invocation-only: a test whose every assertion is about doubles being called. It proves the
 * code called its mocks, not that anything happened.
 */
import { assertionsOfTest, checkedByImportedAfterEach, isRunnable, onlyInvocationAssertions } from '../src/model/queries.js';
import type { RawFinding, RuleDefinition } from '../src/model/rule.js';

const rule: RuleDefinition = {
  meta: {
    id: 'mock-invocation-only',
    description: 'A test whose only assertions are about doubles being called (toHaveBeenCalledWith, sinon.assert, nock scope.done()).',
    rationale:
      'Asserting that a double was called restates the implementation: the test passes as long as the code calls its mocks, whether or not the real dependency would accept the call or the result is right.',
    severity: {
      default: { unit: 'warning', integration: 'error', e2e: 'error' },
    },
    messages: {
      invocationOnly:
        "Test only asserts that doubles were called ({matchers}{subjects}): it proves the code calls its mocks, not that the result or the resulting state is right. Add an assertion on the returned value, the response, or the state the real dependency ends up in.",
    },
  },
  check(file) {
    const { model } = file;
    const findings: RawFinding[] = [];
    for (const test of model.tests) {
      if (!isRunnable(test) || !onlyInvocationAssertions(model, test)) continue;
      // An afterEach from your own modules may check the result where the file does not show.
      if (checkedByImportedAfterEach(model, test)) continue;
      const assertions = assertionsOfTest(model, test).filter((a) => a.kind !== 'implicit');
      const matchers = [...new Set(assertions.map((a) => a.matcher))].slice(0, 3).join(', ');
      const subjects = [...new Set(assertions.map((a) => a.subjectRoot).filter((s): s is string => !!s))].slice(0, 3);
      findings.push({
        messageId: 'invocationOnly',
        data: { matchers, subjects: subjects.length ? ` on ${subjects.join(', ')}` : '', count: assertions.length },
        line: test.line,
        column: test.column,
        testId: test.id,
      });
    }
    return findings;
  },
};

export default rule;
