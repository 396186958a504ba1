/**
 * Baselines for adopting test-audit on a large codebase: record today's findings, then fail only on
 * new ones. Entries are matched by fingerprint (see fingerprint.ts), as a multiset.
 */
import type { AuditResult, BaselineSummary, Finding } from '../model/finding.js';
import { compareStrings } from './run-rules.js';

/** One recorded finding. Only `fingerprint` matches; the rest is there for people reading diffs. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  path: string;
  test: string | null;
  target?: string;
}

export interface Baseline {
  schemaVersion: 1;
  tool: 'test-audit';
  findings: BaselineEntry[];
}

/** The baseline of a result: every finding that counts (suppressed ones are already justified). */
export function baselineOf(result: Pick<AuditResult, 'findings'>): Baseline {
  const findings = result.findings
    .filter((f) => !f.suppressed)
    .map((f): BaselineEntry => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, path: f.path, test: f.test, ...(f.target ? { target: f.target } : {}) }))
    .sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.fingerprint, b.fingerprint));
  return { schemaVersion: 1, tool: 'test-audit', findings };
}

export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/**
 * Marks each counted finding 'new' or 'existing'. Entries left unmatched are fixed when `inScope`
 * says this run looked at their file (a shard or --changed-since run sees only part of the tree).
 */
export function compareWithBaseline(findings: readonly Finding[], baseline: Baseline, inScope: (path: string) => boolean): BaselineSummary {
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + 1);
  const summary: BaselineSummary = { new: 0, existing: 0, fixed: 0 };
  for (const finding of findings) {
    if (finding.suppressed) continue;
    const left = remaining.get(finding.fingerprint) ?? 0;
    if (left > 0) {
      remaining.set(finding.fingerprint, left - 1);
      finding.baseline = 'existing';
      summary.existing++;
    } else {
      finding.baseline = 'new';
      summary.new++;
    }
  }
  for (const entry of baseline.findings) {
    const left = remaining.get(entry.fingerprint) ?? 0;
    if (left > 0 && inScope(entry.path)) {
      summary.fixed++;
      remaining.set(entry.fingerprint, left - 1);
    }
  }
  return summary;
}
