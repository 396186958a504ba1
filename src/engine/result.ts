/**
 * Assembles the audit result from file facts and findings: baseline states, per-file and summary
 * counts, the verdict, sorted errors. Deterministic. The single run and `test-audit merge` both end
 * here, which is what makes a merge of shards equal a single run.
 */
import type {
  AuditResult,
  BoundaryCount,
  FileError,
  FileFacts,
  FileReport,
  Finding,
  RuleSummary,
  ShardInfo,
  Summary,
  TestReport,
} from '../model/finding.js';
import { honesty, sortTests } from './exercise-report.js';
import { atOrAbove, type FailLevel } from '../model/severity.js';
import type { Severity } from '../model/rule.js';
import { toolVersion } from '../version.js';
import { compareWithBaseline, type Baseline } from './baseline.js';
import { compareStrings, sortFindings } from './run-rules.js';

export interface ResultInput {
  /** Name of the audited folder. */
  root: string;
  files: FileFacts[];
  findings: Finding[];
  /** What each test exercises, and the counts per boundary system. */
  tests: TestReport[];
  boundaries: BoundaryCount[];
  errors: FileError[];
  warnings: string[];
  rules: RuleSummary[];
  failOn: FailLevel;
  baseline?: { baseline: Baseline; inScope: (path: string) => boolean };
  changedSince?: string;
  shard?: ShardInfo;
}

/** True when the finding fails the run: counted, new (with a baseline), at or above the fail level. */
export function isFailing(finding: Finding, failOn: FailLevel): boolean {
  return !finding.suppressed && finding.baseline !== 'existing' && atOrAbove(finding.severity, failOn);
}

export function assembleResult(input: ResultInput): AuditResult {
  const findings = sortFindings([...input.findings]);
  const baseline = input.baseline ? compareWithBaseline(findings, input.baseline.baseline, input.baseline.inScope) : undefined;
  const files = [...input.files].sort((a, b) => compareStrings(a.path, b.path));
  const byPath = new Map<string, Finding[]>();
  for (const f of findings) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
  const reports = files.map((file) => fileReport(file, byPath.get(file.path) ?? []));
  const failing = findings.filter((f) => isFailing(f, input.failOn)).length;
  const result: AuditResult = {
    schemaVersion: 1,
    tool: { name: 'test-audit', version: toolVersion() },
    root: input.root,
    summary: summarize(reports, findings, input.errors.length),
    files: reports,
    findings,
    tests: sortTests([...input.tests]),
    errors: dedupeErrors(input.errors),
    warnings: [...new Set(input.warnings)].sort(compareStrings),
    verdict: { failOn: input.failOn, failing, passed: failing === 0 },
    rules: input.rules,
  };
  result.summary.errors = result.errors.length;
  result.summary.boundaries = [...input.boundaries];
  result.summary.honesty = honesty(result.tests);
  if (baseline) result.baseline = baseline;
  if (input.changedSince !== undefined) result.changedSince = input.changedSince;
  if (input.shard) result.shard = input.shard;
  return result;
}

function fileReport(file: FileFacts, own: readonly Finding[]): FileReport {
  const counted = own.filter((f) => !f.suppressed);
  const severities: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of counted) severities[f.severity]++;
  // Keys in a fixed order, whatever order the facts came in (a merge reads them from JSON).
  return {
    path: file.path,
    role: file.role,
    tier: file.tier,
    tierReason: file.tierReason,
    framework: file.framework,
    tests: file.tests,
    mocks: file.mocks,
    package: file.package,
    findings: counted.length,
    severities,
    suppressed: own.length - counted.length,
    ...(file.usedBy ? { usedBy: file.usedBy } : {}),
  };
}

function summarize(reports: readonly FileReport[], findings: readonly Finding[], errors: number): Summary {
  const counted = findings.filter((f) => !f.suppressed);
  const summary: Summary = {
    files: reports.length,
    testFiles: reports.filter((r) => r.role === 'test').length,
    supportFiles: reports.filter((r) => r.role === 'support').length,
    tests: reports.reduce((n, r) => n + (r.role === 'test' ? r.tests : 0), 0),
    tiers: { unit: 0, integration: 0, e2e: 0 },
    mocks: reports.reduce((n, r) => n + r.mocks, 0),
    findings: { error: 0, warning: 0, info: 0, total: counted.length },
    byRule: {},
    errors,
    suppressed: findings.length - counted.length,
    byBoundary: {},
    boundaries: [],
    honesty: { tests: 0, honest: 0, partial: 0, ceremony: 0, noBoundary: 0, unasserted: 0, share: 0 },
  };
  for (const r of reports) if (r.role === 'test') summary.tiers[r.tier]++;
  for (const f of counted) {
    summary.findings[f.severity]++;
    summary.byRule[f.ruleId] = (summary.byRule[f.ruleId] ?? 0) + 1;
  }
  summary.byRule = Object.fromEntries(Object.entries(summary.byRule).sort(([a], [b]) => compareStrings(a, b)));
  // An inventory of what the suite fakes: every mock finding, justified ones included.
  for (const f of findings) {
    if (!f.boundary) continue;
    const counts = (summary.byBoundary[f.boundary] ??= { unit: 0, integration: 0, e2e: 0, total: 0 });
    counts[f.tier]++;
    counts.total++;
  }
  summary.byBoundary = Object.fromEntries(Object.entries(summary.byBoundary).sort(([a], [b]) => compareStrings(a, b)));
  return summary;
}

function dedupeErrors(errors: readonly FileError[]): FileError[] {
  const seen = new Set<string>();
  return [...errors]
    .filter((e) => {
      const key = `${e.path}\u0000${e.kind}\u0000${e.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.kind, b.kind) || compareStrings(a.message, b.message));
}

/** A file's facts without its counts (which assembly recomputes). */
export function factsOf(file: FileReport): FileFacts {
  return {
    path: file.path,
    role: file.role,
    tier: file.tier,
    tierReason: file.tierReason,
    framework: file.framework,
    tests: file.tests,
    mocks: file.mocks,
    package: file.package,
    ...(file.usedBy ? { usedBy: [...file.usedBy] } : {}),
  };
}

/** The same result compared with another baseline (after --write-baseline, with the one just written). */
export function withBaseline(result: AuditResult, baseline: Baseline): AuditResult {
  const partial = result.shard !== undefined || result.changedSince !== undefined;
  const covered = new Set(result.files.map((f) => f.path));
  return assembleResult({
    root: result.root,
    files: result.files.map(factsOf),
    findings: result.findings.map((f) => {
      const copy = structuredClone(f);
      delete copy.baseline;
      return copy;
    }),
    tests: result.tests,
    boundaries: result.summary.boundaries,
    errors: result.errors,
    warnings: result.warnings,
    rules: result.rules,
    failOn: result.verdict.failOn,
    baseline: { baseline, inScope: (p) => !partial || covered.has(p) },
    ...(result.changedSince !== undefined ? { changedSince: result.changedSince } : {}),
    ...(result.shard ? { shard: result.shard } : {}),
  });
}
