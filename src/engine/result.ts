/** Assembles the audit result: per-file reports, the summary, sorted errors. Deterministic. */
import type { AnalyzedFile } from '../model/analysis.js';
import type { AuditResult, FileError, FileReport, Finding, Summary } from '../model/finding.js';
import { toolVersion } from '../version.js';
import { compareStrings } from './run-rules.js';

export function buildResult(root: string, files: readonly AnalyzedFile[], findings: Finding[], errors: FileError[], warnings: string[]): AuditResult {
  const findingsByPath = new Map<string, number>();
  for (const f of findings) findingsByPath.set(f.path, (findingsByPath.get(f.path) ?? 0) + 1);
  const reports: FileReport[] = files.map((file) => ({
    path: file.path,
    role: file.role,
    tier: file.tier,
    tierReason: file.tierReason,
    framework: file.model.framework,
    tests: file.model.tests.length,
    mocks: file.model.mocks.length,
    findings: findingsByPath.get(file.path) ?? 0,
  }));
  const summary: Summary = {
    files: reports.length,
    testFiles: reports.filter((r) => r.role === 'test').length,
    supportFiles: reports.filter((r) => r.role === 'support').length,
    tests: reports.reduce((n, r) => n + (r.role === 'test' ? r.tests : 0), 0),
    tiers: { unit: 0, integration: 0, e2e: 0 },
    mocks: reports.reduce((n, r) => n + r.mocks, 0),
    findings: { error: 0, warning: 0, info: 0, total: findings.length },
    byRule: {},
    errors: errors.length,
  };
  for (const r of reports) if (r.role === 'test') summary.tiers[r.tier]++;
  for (const f of findings) {
    summary.findings[f.severity]++;
    summary.byRule[f.ruleId] = (summary.byRule[f.ruleId] ?? 0) + 1;
  }
  summary.byRule = Object.fromEntries(Object.entries(summary.byRule).sort(([a], [b]) => compareStrings(a, b)));
  return {
    schemaVersion: 1,
    tool: { name: 'test-audit', version: toolVersion() },
    root,
    summary,
    files: reports,
    findings,
    errors: [...errors].sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.kind, b.kind)),
    warnings: [...new Set(warnings)].sort(compareStrings),
  };
}
