/** The JSON report: the AuditResult itself, pretty-printed, with a trailing newline. */
import type { AuditResult } from '../model/finding.js';

export function formatJson(result: AuditResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
