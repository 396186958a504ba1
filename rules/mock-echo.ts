/**
 * mock-echo: the test asserts that the result equals the value a double was told to return, so it
 * only checks that the code passed the double's answer through.
 *
 * Precision first: analysis reads the code under test behind the asserted call (`calledCode`).
 * When it does anything with the value before returning it, there is no finding; when it returns
 * the double's call as is, the finding stands; when its code could not be found, the finding is
 * only info and says the code was not inspected.
 */
import type { CalledCode } from '../src/model/analysis.js';
import { assertionsOfTest, factsApplyingTo, isRunnable } from '../src/model/queries.js';
import type { RawFinding, RuleDefinition } from '../src/model/rule.js';
import type { MockBehaviour } from '../src/model/test-model.js';

const EQUALITY = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eql', 'deepEqual', 'strictEqual', 'deepStrictEqual', 'is', 'same', 'strictSame']);

/** Primitive literals are too common to say the value came from the double. */
function isDistinctive(value: string): boolean {
  return !/^(true|false|null|undefined|-?\d+(\.\d+)?|'[^']*'|"[^"]*"|`[^`]*`|\[\]|\{\})$/.test(value);
}

/** `repository.find` → 'find', `getRepositoryToken(User).findOneBy` → 'findOneBy'. */
function lastSegment(subject: string): string {
  const dot = subject.lastIndexOf('.');
  return dot < 0 ? subject : subject.slice(dot + 1);
}

const rule: RuleDefinition = {
  meta: {
    id: 'mock-echo',
    description: 'An assertion that the result equals the value a double was told to return: the code under test only passes the mocked value through.',
    rationale:
      'The double returns X and the test expects X: it passes whatever the real dependency would return, and it checks nothing the code does with the value.',
    severity: {
      default: { unit: 'warning', integration: 'error', e2e: 'error' },
      /** The code under test could not be found: that it passes the value through is not shown. */
      uninspected: { unit: 'info', integration: 'info', e2e: 'info' },
    },
    messages: {
      echo:
        "expect(…).{matcher}({value}) checks the value {double} was told to return ({method}, line {behaviourLine}), and {code} ({at}) returns the result of {calls} as is: the test holds whatever the real {double} would return. Assert on what the code does with the value, or run it against the real dependency.",
      echoUninspected:
        "expect(…).{matcher}({value}) checks the value {double} was told to return ({method}, line {behaviourLine}); the code under test was not inspected ({reason}). If it passes the double's answer through, the test holds whatever the real {double} would return: assert on what the code does with the value, or run it against the real dependency.",
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
        let echoed = given.filter((b) => b.value === assertion.expected && b.subjectRoot !== assertion.subjectRoot);
        if (echoed.length === 0) continue;
        const code: CalledCode = file.calledCode?.[model.assertions.indexOf(assertion)] ?? { verdict: 'not-inspected', reason: 'the call is not one the audit can follow' };
        // The code does something with the value: the test checks that, not an echo.
        if (code.verdict === 'transforms') continue;
        if (code.verdict === 'pass-through') {
          // It must hand back the echoed double's own answer, not another call's.
          echoed = echoed.filter((b) => code.calls.includes(lastSegment(b.subject)));
          if (echoed.length === 0) continue;
        }
        // The test's own configuration is the one in force when it overrides one made around it.
        const behaviour = echoed.find((b) => b.owner.kind === 'test') ?? echoed[0]!;
        // Several doubles may be told to return the same value (findUnique and findFirst both give oneCat): name them all.
        const doubles = [...new Set(echoed.map((b) => b.subject))];
        const double = doubles.length > 3 ? `${doubles.slice(0, 3).join(', ')}, …` : doubles.join(', ');
        const data = { matcher: assertion.matcher, value: assertion.expected, double, method: behaviour.method, behaviourLine: behaviour.line };
        findings.push({
          ...(code.verdict === 'pass-through'
            ? { messageId: 'echo', data: { ...data, code: code.code, at: code.at, calls: code.calls.map((c) => `${c}()`).join(', ') } }
            : { messageId: 'echoUninspected', data: { ...data, reason: code.reason }, variant: 'uninspected' }),
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
