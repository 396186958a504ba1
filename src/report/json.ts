/** The JSON report: the AuditResult itself, pretty-printed, with a trailing newline. */
import type { AuditResult } from '../model/finding.js';
import { UNSAFE_BEYOND_C0 } from './text.js';

export function formatJson(result: AuditResult): string {
  // JSON.stringify escapes C0 controls but leaves C1 controls (U+009B is a CSI), separators and
  // bidi marks raw. They can only occur inside strings, so escaping them keeps the same values.
  const text = JSON.stringify(result, null, 2).replace(UNSAFE_BEYOND_C0, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}
