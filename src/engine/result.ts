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
import { sortTests } from './exercise-report.js';
import { SummaryCounter } from './summary.js';
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
  const tests = sortTests([...input.tests]);
  const errors = dedupeErrors(input.errors);
  const result: AuditResult = {
    schemaVersion: 1,
    tool: { name: 'test-audit', version: toolVersion() },
    root: input.root,
    summary: summarize(reports, findings, tests, errors.length, input.boundaries),
    files: reports,
    findings,
    tests,
    errors,
    warnings: [...new Set(input.warnings)].sort(compareStrings),
    verdict: { failOn: input.failOn, failing, passed: failing === 0 },
    rules: input.rules,
  };
  if (baseline) result.baseline = baseline;
  if (input.changedSince !== undefined) result.changedSince = input.changedSince;
  if (input.shard) result.shard = input.shard;
  return result;
}

export function fileReport(file: FileFacts, own: readonly Finding[]): FileReport {
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

function summarize(reports: readonly FileReport[], findings: readonly Finding[], tests: readonly TestReport[], errors: number, boundaries: readonly BoundaryCount[]): Summary {
  const counter = new SummaryCounter();
  for (const r of reports) counter.addFile(r);
  for (const f of findings) counter.addFinding(f);
  for (const t of tests) counter.addTest(t);
  return counter.result(errors, boundaries);
}

export function dedupeErrors(errors: readonly FileError[]): FileError[] {
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
