/** Severity ordering and the fail-level check (defined in the model; re-exported for reporters). */
export { atOrAbove, FAIL_LEVELS, type FailLevel } from '../model/severity.js';

/**
 * Findings that are rows of the audit table, one per double at a boundary: the general rule and the
 * one that replaces it for authentication (a stubbed guard is still a mock, with its own failures).
 */
export const MOCK_TABLE_RULES: ReadonlySet<string> = new Set(['mocked-dependency', 'stubbed-auth']);
