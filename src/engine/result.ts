/** Assembles the audit result: per-file reports, the summary, sorted errors. Deterministic. */
import type { AnalyzedFile } from '../model/analysis.js';
import { exercisesOf } from '../analyze/exercise.js';
import type { AuditResult, BoundaryCount, FileError, FileReport, Finding, Honesty, Summary, TestReport } from '../model/finding.js';
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
    boundaries: [],
    honesty: { tests: 0, honest: 0, partial: 0, ceremony: 0, noBoundary: 0, unasserted: 0, share: 0 },
  };
  for (const r of reports) if (r.role === 'test') summary.tiers[r.tier]++;
  const tests = testReports(files);
  summary.boundaries = boundaryCounts(files);
  summary.honesty = honesty(tests);
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
    tests,
    errors: [...errors].sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.kind, b.kind)),
    warnings: [...new Set(warnings)].sort(compareStrings),
  };
}

function testReports(files: readonly AnalyzedFile[]): TestReport[] {
  const out: TestReport[] = [];
  for (const file of files) {
    for (const exercise of exercisesOf(file)) {
      const { test } = exercise;
      out.push({
        path: file.path,
        line: test.line,
        name: [...test.describePath, test.title].join(' › '),
        tier: file.tier,
        verdict: exercise.verdict,
        reason: exercise.reason,
        real: exercise.real.map((u) => u.system),
        faked: exercise.faked.map((u) => u.system),
      });
    }
  }
  return out.sort((a, b) => compareStrings(a.path, b.path) || a.line - b.line || compareStrings(a.name, b.name));
}

function boundaryCounts(files: readonly AnalyzedFile[]): BoundaryCount[] {
  const counts = new Map<string, BoundaryCount>();
  for (const file of files) {
    for (const exercise of exercisesOf(file)) {
      if (exercise.verdict === 'skipped') continue;
      for (const [uses, key] of [[exercise.real, 'real'], [exercise.faked, 'faked']] as const) {
        for (const use of uses) {
          const count = counts.get(use.system) ?? { system: use.system, kind: use.kind, real: 0, faked: 0 };
          count[key]++;
          counts.set(use.system, count);
        }
      }
    }
  }
  return [...counts.values()].sort((a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.system, b.system));
}

function honesty(tests: readonly TestReport[]): Honesty {
  const relevant = tests.filter((t) => t.tier !== 'unit' && t.verdict !== 'skipped');
  const count = (verdict: TestReport['verdict']): number => relevant.filter((t) => t.verdict === verdict).length;
  const honest = count('honest');
  return {
    tests: relevant.length,
    honest,
    partial: count('partial'),
    ceremony: count('ceremony'),
    noBoundary: count('no-boundary'),
    unasserted: count('unasserted'),
    share: relevant.length ? Math.round((honest / relevant.length) * 1000) / 1000 : 0,
  };
}
