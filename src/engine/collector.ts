/**
 * Collects what an audit reports, one file at a time: the file's facts, its findings, what each of
 * its tests exercises. The audit hands a file over as soon as its rules have run and then drops the
 * file's model; what is kept is only what the report shows.
 */
import type { AnalyzedFile } from '../model/analysis.js';
import type { BoundaryCount, FileFacts, Finding, TestReport } from '../model/finding.js';
import { boundaryCounts, sumBoundaries, testReports } from './exercise-report.js';

/** Where an audit hands over each analysed file with its findings, and findings of no file. */
export interface ReportCollector {
  addFile(file: AnalyzedFile, findings: readonly Finding[]): void;
  addFindings(findings: readonly Finding[]): void;
}

/** Keeps everything in memory, for a result the caller holds whole. */
export class ResultCollector implements ReportCollector {
  readonly files: FileFacts[] = [];
  readonly findings: Finding[] = [];
  readonly tests: TestReport[] = [];
  private readonly boundaryTotals = new Map<string, BoundaryCount>();

  /** An analysed file and its findings. */
  addFile(file: AnalyzedFile, findings: readonly Finding[]): void {
    this.files.push(fileFacts(file));
    for (const finding of findings) this.findings.push(finding);
    for (const test of testReports([file])) this.tests.push(test);
    for (const count of boundaryCounts([file])) {
      const total = this.boundaryTotals.get(count.system);
      if (total) {
        total.real += count.real;
        total.faked += count.faked;
      } else this.boundaryTotals.set(count.system, { ...count });
    }
  }

  /** Findings that belong to no analysed file (a package's config files). */
  addFindings(findings: readonly Finding[]): void {
    for (const finding of findings) this.findings.push(finding);
  }

  boundaries(): BoundaryCount[] {
    return sumBoundaries([[...this.boundaryTotals.values()]]);
  }
}

export function fileFacts(file: AnalyzedFile): FileFacts {
  return {
    path: file.path,
    role: file.role,
    tier: file.tier,
    tierReason: file.tierReason,
    framework: file.model.framework,
    tests: file.model.tests.length,
    mocks: file.model.mocks.length,
    package: file.pkg.dir,
    ...(file.role === 'support' ? { usedBy: file.usedBy } : {}),
  };
}
