/**
 * Every fixture mini-repo under fixtures/ is audited, through the library and through the real
 * binary, and its findings must equal expected-findings.json exactly: a new finding is a failure
 * until someone decides it is right.
 */
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import { runCli } from './support/cli.js';
import { project, scenarios, type ExpectedFinding } from './support/fixtures.js';

function sortExpected(list: ExpectedFinding[]): ExpectedFinding[] {
  return [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.ruleId.localeCompare(b.ruleId)));
}

const all = scenarios();

describe('fixture scenarios', () => {
  it('exist for every rule, flagged and clean', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  for (const scenario of all) {
    describe(`${scenario.group}/${scenario.name}`, () => {
      it('produces exactly the expected findings (library)', async () => {
        const result = await audit({ root: scenario.dir });
        expect(result.errors).toEqual([]);
        const byKey = new Map(scenario.expected.map((e) => [`${e.ruleId}:${e.path}:${e.line}`, e]));
        const actual = result.findings.map((f) => project(f, byKey.get(`${f.ruleId}:${f.path}:${f.line}`)));
        expect(sortExpected(actual)).toEqual(sortExpected(scenario.expected));
      });

      it('exits as its findings say (binary)', async () => {
        const run = await runCli([scenario.dir, '--format', 'json']);
        // Justified (suppressed) findings stay in the report but never fail the run.
        const hasErrors = scenario.expected.some((e) => e.severity === 'error' && e.suppressed === undefined);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(hasErrors ? 1 : 0);
        const report = JSON.parse(run.stdout) as { findings: unknown[] };
        expect(report.findings).toHaveLength(scenario.expected.length);
      });
    });
  }
});
