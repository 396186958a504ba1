/** Severity ordering and the fail-level check shared by the CLI and reporters. */
import type { Severity } from '../model/rule.js';

export type FailLevel = Severity | 'none';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** True when a finding of this severity fails a run at the given level. */
export function atOrAbove(severity: Severity, level: FailLevel): boolean {
  return level !== 'none' && RANK[severity] >= RANK[level];
}
