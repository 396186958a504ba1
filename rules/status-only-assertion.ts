/**
 * status-only-assertion: a test that calls an HTTP endpoint and checks only that it answered with a
 * success status.
 */
import { assertionsOfTest, isRunnable, testLabel } from '../src/model/queries.js';
import type { RawFinding, RuleDefinition } from '../src/model/rule.js';

/** Endpoints whose contract really is their status; still worth a look, at a lower severity. */
const HEALTH = /health|healthz|ping|alive|liveness|readiness|ready\b|heartbeat|status endpoint/i;
/** What a status alone lets through, and what to assert instead: for most answers, the body and the state. */
const WITH_BODY = {
  slips: 'a handler that returns the wrong body, an empty list or writes nothing',
  advice: 'Assert on the body, the headers that matter, or the state the request changed.',
};
/** 204 No Content has no body to check: only the state the request was meant to change. */
const NO_CONTENT = {
  slips: 'a handler that answers 204 without changing anything',
  advice: 'Check the state the request changed: fetch the resource again or query the store.',
};

const rule: RuleDefinition = {
  meta: {
    id: 'status-only-assertion',
    description: 'A test that calls an HTTP endpoint and asserts only a success status (2xx/3xx): nothing about the body, headers or resulting state.',
    rationale:
      '"It answered 200" proves the server answered, not that it worked: a handler that returns an empty body, the wrong record or writes nothing passes just the same.',
    severity: {
      default: { unit: 'info', integration: 'warning', e2e: 'warning' },
      health: { unit: 'info', integration: 'info', e2e: 'info' },
    },
    messages: {
      statusOnly: 'Test only checks that the response status is {codes}: {slips} passes too. {advice}',
      healthOnly:
        'Health check asserts only status {codes}: it proves the server answers, not that what it depends on works. Consider asserting what the endpoint reports (database and queue connectivity, version).',
    },
  },
  check(file) {
    const { model } = file;
    const findings: RawFinding[] = [];
    for (const test of model.tests) {
      if (!isRunnable(test)) continue;
      const assertions = assertionsOfTest(model, test);
      if (assertions.length === 0) continue;
      const codes: number[] = [];
      const labels: string[] = [];
      let statusOnly = true;
      for (const a of assertions) {
        if (a.http?.part === 'status') {
          codes.push(a.http.code);
          // `response.ok` and `toBeOK()` accept any 2xx.
          labels.push(a.http.anySuccess ? '2xx' : String(a.http.code));
        } else statusOnly = false;
      }
      // Error statuses asserted alone are the contract of an error path.
      if (!statusOnly || codes.length === 0 || codes.some((c) => c >= 400)) continue;
      const health = HEALTH.test(testLabel(model, test.id) ?? test.title);
      const distinct = [...new Set(labels)];
      findings.push({
        messageId: health ? 'healthOnly' : 'statusOnly',
        data: { codes: distinct.join(', '), ...(distinct.every((c) => c === '204') ? NO_CONTENT : WITH_BODY) },
        line: test.line,
        column: test.column,
        testId: test.id,
        variant: health ? 'health' : 'default',
      });
    }
    return findings;
  },
};

export default rule;
