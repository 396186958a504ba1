/**
 * Matches inline suppression comments to findings. A comment with a reason suppresses the findings
 * of its rule on the next line (next-line) or anywhere in its file (file); the findings stay in the
 * report, marked with the reason. Comments without a reason suppress nothing.
 */
import type { AnalyzedFile } from '../model/analysis.js';
import type { Finding } from '../model/finding.js';

export interface Candidate {
  finding: Finding;
  /** The analysed file the finding came from; null for package-level findings (never suppressible). */
  file: AnalyzedFile | null;
}

/** Marks suppressed findings; returns, per file path, which of its suppression comments were used. */
export function applySuppressions(candidates: readonly Candidate[]): Map<string, boolean[]> {
  const used = new Map<string, boolean[]>();
  for (const { finding, file } of candidates) {
    if (!file || finding.path !== file.path || file.model.suppressions.length === 0) continue;
    const flags = used.get(file.path) ?? file.model.suppressions.map(() => false);
    used.set(file.path, flags);
    let chosen: number | null = null;
    file.model.suppressions.forEach((s, index) => {
      if (s.reason === null || s.ruleId !== finding.ruleId) return;
      if (s.scope === 'next-line' && s.targetLine !== finding.line) return;
      flags[index] = true;
      // The comment nearest the finding gives the reason: next-line before file.
      if (chosen === null || (s.scope === 'next-line' && file.model.suppressions[chosen]!.scope === 'file')) chosen = index;
    });
    if (chosen !== null) {
      const s = file.model.suppressions[chosen]!;
      finding.suppressed = { reason: s.reason!, kind: s.scope, line: s.line };
    }
  }
  return used;
}
