/**
 * A report as reporters read it: the head (summary) and tail (errors, verdict, rules) in memory,
 * the long lists — files, findings, tests — read in order, once per output. An in-memory result is
 * one; a report spilled to disk on a huge repository is another.
 */
import type { AuditResult, FileReport, Finding, Summary, TestReport } from '../model/finding.js';

export type ReportTail = Pick<AuditResult, 'errors' | 'warnings' | 'verdict' | 'rules' | 'baseline' | 'changedSince' | 'shard'>;

export interface ReportSource {
  tool: AuditResult['tool'];
  root: string;
  summary: Summary;
  files(): Iterable<FileReport>;
  findings(): Iterable<Finding>;
  tests(): Iterable<TestReport>;
  /** Known once the lists were read (a streamed report counts failing findings as it goes). */
  tail(): ReportTail;
}

export function sourceOf(result: AuditResult): ReportSource {
  return {
    tool: result.tool,
    root: result.root,
    summary: result.summary,
    files: () => result.files,
    findings: () => result.findings,
    tests: () => result.tests,
    tail: () => ({
      errors: result.errors,
      warnings: result.warnings,
      verdict: result.verdict,
      rules: result.rules,
      ...(result.baseline ? { baseline: result.baseline } : {}),
      ...(result.changedSince !== undefined ? { changedSince: result.changedSince } : {}),
      ...(result.shard ? { shard: result.shard } : {}),
    }),
  };
}
