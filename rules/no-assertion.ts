/**
 * no-assertion: a test case that asserts nothing. It passes as long as nothing throws.
 */
import { appliesTo, assertionsOfTest, checkedByImportedAfterEach, isRunnable, ownImports } from '../src/model/queries.js';
import type { RawFinding, RuleDefinition } from '../src/model/rule.js';
import type { TestCase, TestFileModel } from '../src/model/test-model.js';

/** Imports whose functions may well assert: test helpers, fixtures, custom checks. */
const HELPER_MODULE = /(^|[/._-])(test|tests|testing|spec|helpers?|utils?|support|fixtures?|assert\w*|expect\w*|check\w*|verify\w*|matchers?|harness|setup)([/._-]|$)/i;

/** The test uses something that may assert where we cannot see it. */
function mayAssertElsewhere(model: TestFileModel, test: TestCase): boolean {
  // An afterEach that asserts applies to every test in its scope.
  const hookAsserts = model.assertions.some(
    (a) => a.owner.kind === 'hook' && model.hooks[a.owner.id]!.kind === 'afterEach' && appliesTo(model, a.owner, test),
  );
  if (hookAsserts) return true;
  const own = ownImports(model);
  // afterEach(nockAfterEach): a function handed over by name runs after every test in scope; one
  // that asserts in this file, or any from your own modules (which the file does not show), may check it.
  if (checkedByImportedAfterEach(model, test, own)) return true;
  const namedHookAsserts = model.hooks.some(
    (h) =>
      h.kind === 'afterEach' &&
      h.bodyName !== undefined &&
      model.assertions.some((a) => a.owner.kind === 'helper' && a.owner.name === h.bodyName) &&
      appliesTo(model, { kind: 'hook', id: h.id }, test),
  );
  if (namedHookAsserts) return true;
  const helperLocals = new Set(own.filter((i) => HELPER_MODULE.test(i.specifier)).flatMap((i) => i.locals));
  // Reading data from a fixtures module (`const user = fixtures.admin`) runs no check.
  return model.importUses.some((u) => helperLocals.has(u.local) && !u.valueOnly && appliesTo(model, u.owner, test) && u.owner.kind !== 'file');
}

const rule: RuleDefinition = {
  meta: {
    id: 'no-assertion',
    description: 'A test case with no assertion at all: it passes as long as nothing throws.',
    rationale:
      'A test that asserts nothing reports green for any result: a wrong value, an empty response, a write that never happened.',
    severity: {
      default: { unit: 'warning', integration: 'warning', e2e: 'warning' },
      browser: { unit: 'info', integration: 'info', e2e: 'info' },
    },
    messages: {
      caughtOnly:
        "Test's only checks are on an error it catches (in a catch clause or a .catch callback): they run only when the code throws, so the test passes when it does not throw at all. Check the rejection itself (await expect(promise).rejects.toThrow(…), expect(() => fn()).toThrow(…)), or add expect.assertions(n) / a fail() after the call.",
      floatingOnly:
        "Test's only checks are expect(…).resolves / .rejects that nothing awaits: the test ends before they settle, so its result does not depend on them (a failure shows up, if at all, as an unhandled rejection somewhere else). Await them (await expect(p).resolves.toEqual(…)) or return them.",
      noAssertion:
        'Test has no assertion: it passes whenever nothing throws, whatever the result. Assert on the outcome (a returned value, a response, the resulting state); if not throwing is the point, say so (expect(fn).not.toThrow()).',
      noAssertionBrowser:
        'Browser test has no explicit assertion: its actions fail only when an element is missing. Assert on what the user should see (await expect(locator).toHaveText(…)).',
      noAssertionCypress:
        "Browser test has no explicit assertion: its commands fail only when an element is missing. Assert on what the user should see (cy.contains('…').should('be.visible'), cy.get(…).should('have.text', …)).",
    },
  },
  check(file) {
    const { model } = file;
    const browser = model.framework === 'playwright' || model.framework === 'cypress';
    const findings: RawFinding[] = [];
    for (const test of model.tests) {
      // A test only a later callback ends fails by timeout when the event never comes: it checks something.
      if (!isRunnable(test) || test.bodyByReference || test.endsOnEvent || test.compileOnly) continue;
      const assertions = assertionsOfTest(model, test);
      const caughtOnly = assertions.length > 0 && assertions.every((a) => a.caught) && !file.setupCountsAssertions;
      if ((!caughtOnly && assertions.some((a) => !a.floating)) || mayAssertElsewhere(model, test)) continue;
      // Only unawaited `expect(p).resolves/rejects` checks: they settle after the test has passed.
      const floating = assertions.length > 0 && !caughtOnly;
      findings.push({
        messageId: caughtOnly ? 'caughtOnly' : floating ? 'floatingOnly' : model.framework === 'cypress' ? 'noAssertionCypress' : browser ? 'noAssertionBrowser' : 'noAssertion',
        data: {},
        line: test.line,
        column: test.column,
        testId: test.id,
        variant: browser ? 'browser' : 'default',
      });
    }
    return findings;
  },
};

export default rule;
