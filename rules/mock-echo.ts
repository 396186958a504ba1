/**
 * mock-echo: the test asserts that the result equals the value a double was told to return, so it
 * only checks that the code passed the double's answer through.
 */
import { assertionsOfTest, factsApplyingTo, isRunnable } from '../src/model/queries.js';
import type { RawFinding, RuleDefinition } from '../src/model/rule.js';
import type { MockBehaviour } from '../src/model/test-model.js';

const EQUALITY = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eql', 'deepEqual', 'strictEqual', 'deepStrictEqual', 'is', 'same', 'strictSame']);

/** Primitive literals are too common to say the value came from the double. */
function isDistinctive(value: string): boolean {
  return !/^(true|false|null|undefined|-?\d+(\.\d+)?|'[^']*'|"[^"]*"|`[^`]*`|\[\]|\{\})$/.test(value);
}

const rule: RuleDefinition = {
  meta: {
    id: 'mock-echo',
    description: 'An assertion that the result equals the value a double was told to return: the code under test only passes the mocked value through.',
    rationale:
      'The double returns X and the test expects X: it passes whatever the real dependency would return, and it checks nothing the code does with the value.',
    severity: {
      default: { unit: 'warning', integration: 'error', e2e: 'error' },
    },
    messages: {
      echo:
        "expect(…).{matcher}({value}) checks the value {double} was told to return ({method}, line {behaviourLine}): the code under test passes the double's answer through, so the test holds whatever the real {double} would return. Assert on what the code does with the value, or run it against the real dependency.",
    },
  },
  check(file) {
    const { model } = file;
    const findings: RawFinding[] = [];
    for (const test of model.tests) {
      if (!isRunnable(test)) continue;
      const given = factsApplyingTo(model, model.mockBehaviours, test).filter(
        (b): b is MockBehaviour & { value: string } => !!b.value && isDistinctive(b.value),
      );
      if (given.length === 0) continue;
      for (const assertion of assertionsOfTest(model, test)) {
        if (assertion.kind !== 'value' || !EQUALITY.has(assertion.matcher) || !assertion.subjectFromCall || !assertion.expected) continue;
        const echoed = given.filter((b) => b.value === assertion.expected && b.subjectRoot !== assertion.subjectRoot);
        if (echoed.length === 0) continue;
        const behaviour = echoed[0]!;
        // Several doubles may be told to return the same value (findUnique and findFirst both give oneCat): name them all.
        const doubles = [...new Set(echoed.map((b) => b.subject))];
        const double = doubles.length > 3 ? `${doubles.slice(0, 3).join(', ')}, …` : doubles.join(', ');
        findings.push({
          messageId: 'echo',
          data: { matcher: assertion.matcher, value: assertion.expected, double, method: behaviour.method, behaviourLine: behaviour.line },
          line: assertion.line,
          column: assertion.column,
          testId: test.id,
        });
        break;
      }
    }
    return findings;
  },
};

export default rule;
