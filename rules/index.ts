/** The rule registry: every rule test-audit runs, in the order `test-audit rules` lists them. */
import type { RuleDefinition } from '../src/model/rule.js';
import allStubbedIntegration from './all-stubbed-integration.js';
import fixedStatePath from './fixed-state-path.js';
import mockEcho from './mock-echo.js';
import noAssertion from './no-assertion.js';
import sleepInTest from './sleep-in-test.js';
import statusOnlyAssertion from './status-only-assertion.js';
import stubbedAuth from './stubbed-auth.js';
import mockedDependency from './mocked-dependency.js';
import mockInvocationOnly from './mock-invocation-only.js';
import sharedTestState from './shared-test-state.js';
import sqliteForPostgres from './sqlite-for-postgres.js';
import unjustifiedSuppression from './unjustified-suppression.js';
import unusedSuppression from './unused-suppression.js';

export const rules: readonly RuleDefinition[] = [
  mockedDependency,
  mockInvocationOnly,
  sqliteForPostgres,
  sharedTestState,
  allStubbedIntegration,
  stubbedAuth,
  statusOnlyAssertion,
  mockEcho,
  noAssertion,
  sleepInTest,
  fixedStatePath,
  unjustifiedSuppression,
  unusedSuppression,
];

export function ruleById(id: string): RuleDefinition | undefined {
  return rules.find((rule) => rule.meta.id === id);
}
