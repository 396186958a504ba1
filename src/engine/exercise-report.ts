/**
 * The exercise part of the report: one entry per test (what it exercises for real, what it fakes,
 * its verdict), counts per boundary system, and integration honesty. Shards sum exactly: each test
 * file belongs to one shard.
 */
import { exercisesOf } from '../analyze/exercise.js';
import type { AnalyzedFile } from '../model/analysis.js';
import type { BoundaryCount, TestReport } from '../model/finding.js';

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function testReports(files: readonly AnalyzedFile[]): TestReport[] {
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
  return sortTests(out);
}

export function sortTests(tests: TestReport[]): TestReport[] {
  return tests.sort((a, b) => compare(a.path, b.path) || a.line - b.line || compare(a.name, b.name));
}

export function boundaryCounts(files: readonly AnalyzedFile[]): BoundaryCount[] {
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
  return sortBoundaries([...counts.values()]);
}

/** Shard reports' counts added up per system. */
export function sumBoundaries(lists: readonly (readonly BoundaryCount[])[]): BoundaryCount[] {
  const counts = new Map<string, BoundaryCount>();
  for (const list of lists) {
    for (const c of list) {
      const sum = counts.get(c.system) ?? { system: c.system, kind: c.kind, real: 0, faked: 0 };
      sum.real += c.real;
      sum.faked += c.faked;
      counts.set(c.system, sum);
    }
  }
  return sortBoundaries([...counts.values()]);
}

function sortBoundaries(list: BoundaryCount[]): BoundaryCount[] {
  return list.sort((a, b) => compare(a.kind, b.kind) || compare(a.system, b.system));
}
