/** Severity ordering and the fail-level check (defined in the model; re-exported for reporters). */
export { atOrAbove, FAIL_LEVELS, type FailLevel } from '../model/severity.js';
