/** The rule registry: every rule test-audit runs, in the order `test-audit rules` lists them. */
import type { RuleDefinition } from '../src/model/rule.js';
import allStubbedIntegration from './all-stubbed-integration.js';
import mockedDependency from './mocked-dependency.js';
import mockInvocationOnly from './mock-invocation-only.js';
import sharedTestState from './shared-test-state.js';
import sqliteForPostgres from './sqlite-for-postgres.js';

export const rules: readonly RuleDefinition[] = [
  mockedDependency,
  mockInvocationOnly,
  sqliteForPostgres,
  sharedTestState,
  allStubbedIntegration,
];

export function ruleById(id: string): RuleDefinition | undefined {
  return rules.find((rule) => rule.meta.id === id);
}
