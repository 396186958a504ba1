/** test-audit practises what it preaches: its own suite has no ceremony. */
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

describe('self-audit', () => {
  it('reports no error or warning on test-audit\'s own tests', async () => {
    const run = await runCli(['.', '--format', 'json', '--fail-on', 'warning']);
    const report = JSON.parse(run.stdout) as { findings: { severity: string; path: string; message: string }[]; summary: { testFiles: number } };
    const serious = report.findings.filter((f) => f.severity !== 'info');
    expect(serious).toEqual([]);
    expect(report.summary.testFiles).toBeGreaterThan(3);
    expect(run.code).toBe(0);
  });
});
