/**
 * The report's summary, counted as files, findings and tests go by: the same counts whether the
 * whole result is in memory or streamed from disk.
 */
import type { BoundaryCount, FileFacts, Finding, Honesty, Summary, TestReport } from '../model/finding.js';
import { compareStrings } from './run-rules.js';

export class SummaryCounter {
  private readonly summary: Summary = {
    files: 0,
    testFiles: 0,
    supportFiles: 0,
    tests: 0,
    tiers: { unit: 0, integration: 0, e2e: 0 },
    mocks: 0,
    findings: { error: 0, warning: 0, info: 0, total: 0 },
    byRule: {},
    errors: 0,
    suppressed: 0,
    byBoundary: {},
    boundaries: [],
    honesty: { tests: 0, honest: 0, partial: 0, ceremony: 0, noBoundary: 0, unasserted: 0, share: 0 },
  };
  private readonly honesty = new HonestyCounter();

  addFile(file: FileFacts): void {
    const s = this.summary;
    s.files++;
    s.mocks += file.mocks;
    if (file.role === 'support') {
      s.supportFiles++;
      return;
    }
    s.testFiles++;
    s.tests += file.tests;
    s.tiers[file.tier]++;
  }

  addFinding(finding: Finding): void {
    const s = this.summary;
    if (finding.suppressed) s.suppressed++;
    else {
      s.findings[finding.severity]++;
      s.findings.total++;
      s.byRule[finding.ruleId] = (s.byRule[finding.ruleId] ?? 0) + 1;
    }
    // An inventory of what the suite fakes: every mock finding, justified ones included.
    if (finding.boundary) {
      const counts = (s.byBoundary[finding.boundary] ??= { unit: 0, integration: 0, e2e: 0, total: 0 });
      counts[finding.tier]++;
      counts.total++;
    }
  }

  addTest(test: TestReport): void {
    this.honesty.add(test);
  }

  /** The summary; key order fixed, whatever order things were counted in. */
  result(errors: number, boundaries: readonly BoundaryCount[]): Summary {
    const s = this.summary;
    return {
      ...s,
      tiers: { ...s.tiers },
      findings: { ...s.findings },
      byRule: sortedRecord(s.byRule),
      errors,
      byBoundary: sortedRecord(s.byBoundary),
      boundaries: [...boundaries],
      honesty: this.honesty.result(),
    };
  }
}

/** Integration honesty: the verdicts of runnable integration and e2e tests. */
export class HonestyCounter {
  private readonly counts: Omit<Honesty, 'share'> = { tests: 0, honest: 0, partial: 0, ceremony: 0, noBoundary: 0, unasserted: 0 };

  add(test: TestReport): void {
    if (test.tier === 'unit' || test.verdict === 'skipped') return;
    const c = this.counts;
    c.tests++;
    if (test.verdict === 'honest') c.honest++;
    else if (test.verdict === 'partial') c.partial++;
    else if (test.verdict === 'ceremony') c.ceremony++;
    else if (test.verdict === 'no-boundary') c.noBoundary++;
    else if (test.verdict === 'unasserted') c.unasserted++;
  }

  result(): Honesty {
    const c = this.counts;
    return { ...c, share: c.tests ? Math.round((c.honest / c.tests) * 1000) / 1000 : 0 };
  }
}

function sortedRecord<V>(record: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b)));
}
