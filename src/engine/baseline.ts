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
 * Marks each counted finding 'new' or 'existing', in report order, one at a time (a streamed report
 * marks them as it writes them). Entries left unmatched are fixed when `inScope` says this run
 * looked at their file (a shard or --changed-since run sees only part of the tree).
 */
export class BaselineMarker {
  private readonly remaining = new Map<string, number>();
  private readonly counts = { new: 0, existing: 0 };

  constructor(private readonly baseline: Baseline) {
    for (const entry of baseline.findings) this.remaining.set(entry.fingerprint, (this.remaining.get(entry.fingerprint) ?? 0) + 1);
  }

  mark(finding: Finding): void {
    if (finding.suppressed) return;
    const left = this.remaining.get(finding.fingerprint) ?? 0;
    if (left > 0) {
      this.remaining.set(finding.fingerprint, left - 1);
      finding.baseline = 'existing';
      this.counts.existing++;
    } else {
      finding.baseline = 'new';
      this.counts.new++;
    }
  }

  /** Call once, after every finding was marked. */
  summary(inScope: (path: string) => boolean): BaselineSummary {
    let fixed = 0;
    for (const entry of this.baseline.findings) {
      const left = this.remaining.get(entry.fingerprint) ?? 0;
      if (left > 0 && inScope(entry.path)) {
        fixed++;
        this.remaining.set(entry.fingerprint, left - 1);
      }
    }
    return { new: this.counts.new, existing: this.counts.existing, fixed };
  }
}

export function compareWithBaseline(findings: readonly Finding[], baseline: Baseline, inScope: (path: string) => boolean): BaselineSummary {
  const marker = new BaselineMarker(baseline);
  for (const finding of findings) marker.mark(finding);
  return marker.summary(inScope);
}
