/**
 * sleep-in-test: fixed-duration waits instead of waiting for the condition itself.
 */
import { appliesTo } from '../src/model/queries.js';
import type { RawFinding, RuleDefinition } from '../src/model/rule.js';
import type { FixedWait, TestFileModel } from '../src/model/test-model.js';

/** Under fake timers a timeout is advanced by the test, not waited for. */
function underFakeTimers(model: TestFileModel, wait: FixedWait): boolean {
  const tests = model.tests.filter((t) => appliesTo(model, wait.owner, t));
  return model.mocks.some((site) => site.family === 'clock' && site.replacement === 'fake-timers' && tests.some((t) => appliesTo(model, site.owner, t)));
}

const rule: RuleDefinition = {
  meta: {
    id: 'sleep-in-test',
    description: 'A fixed-duration wait (sleep, delay, setTimeout in a promise, page.waitForTimeout, cy.wait(ms)) instead of waiting for a condition.',
    rationale:
      'A fixed wait is a guess about timing: too short on a loaded CI machine (flaky), too long everywhere else (slow), and it hides the event the test should be waiting for.',
    severity: {
      default: { unit: 'warning', integration: 'warning', e2e: 'warning' },
      // A wait that only lets the clock move on cannot be too short on a slow machine: it only costs time.
      timestamps: { unit: 'info', integration: 'info', e2e: 'info' },
    },
    messages: {
      sleep:
        'Fixed wait of {ms} ms ({call}): flaky when the machine is slow, wasted time when it is fast. Wait for the condition itself: poll an assertion (expect.poll, waitFor), await the event or response (page.waitForResponse, once(emitter, …)), or use fake timers.',
      sleepCypress:
        "Fixed wait of {ms} ms ({call}): flaky when the machine is slow, wasted time when it is fast. Wait for the condition itself: alias the request and wait for it (cy.intercept(…).as('save') then cy.wait('@save')), or let a retrying assertion wait (cy.get(…).should('be.visible')).",
      sleepAbsence:
        'Fixed wait of {ms} ms ({call}) before checking that something did not happen: when the code is slower than the wait, the check runs too early and passes anyway, so a slow machine hides the bug instead of failing. Control the time instead (fake timers, advanced past the moment it would happen), or wait for a sign that the code has decided (an event, a settled promise), then assert.',
      sleepTimestamps:
        'Fixed wait of {ms} ms ({call}) so that two timestamps differ, as its comment says: a slow machine cannot break it, but every run pays the wait, and a clock or column coarser than {ms} ms (a database that keeps seconds) still makes them equal. Give the records their timestamps explicitly, or control the clock (fake timers, an injected clock).',
    },
  },
  check(file) {
    const { model } = file;
    const findings: RawFinding[] = [];
    // Cypress commands retry on their own: the advice is the Cypress way, not Playwright's.
    const messageId = model.framework === 'cypress' ? 'sleepCypress' : 'sleep';
    for (const wait of model.fixedWaits) {
      // A wait inside a loop that repeats until a condition is polling: what this rule recommends.
      if (wait.polling || underFakeTimers(model, wait)) continue;
      const timestamps = wait.purpose === 'timestamps';
      findings.push({
        messageId: timestamps ? 'sleepTimestamps' : wait.purpose === 'absence' ? 'sleepAbsence' : messageId,
        ...(timestamps ? { variant: 'timestamps' } : {}),
        data: { ms: wait.ms, call: wait.call },
        line: wait.line,
        column: wait.column,
        testId: wait.owner.kind === 'test' ? wait.owner.id : null,
        describeId: wait.owner.kind === 'hook' ? model.hooks[wait.owner.id]!.describeId : null,
      });
    }
    return findings;
  },
};

export default rule;
