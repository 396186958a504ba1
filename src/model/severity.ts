/** Severity ordering and the fail-level check, shared by the engine, the CLI and reporters. */
import type { Severity } from './rule.js';

export type FailLevel = Severity | 'none';

export const FAIL_LEVELS: readonly FailLevel[] = ['error', 'warning', 'info', 'none'];

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** True when a finding of this severity fails a run at the given level. */
export function atOrAbove(severity: Severity, level: FailLevel): boolean {
  return level !== 'none' && RANK[severity] >= RANK[level];
}
