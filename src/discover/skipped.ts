/**
 * What the report says about paths discovery could not list or follow. A folder or a would-be test
 * file is an error entry (something that may hold tests went unaudited); a context file is a
 * warning (the audit ran, with less context); other source files are never audited anyway.
 */
import type { FileError } from '../model/finding.js';
import type { SkippedPath } from './find-files.js';
import { isSourceFile, isTestCandidate, looksLikeSupport } from './test-files.js';

export function routeSkipped(skipped: readonly SkippedPath[]): { errors: FileError[]; warnings: string[] } {
  const errors: FileError[] = [];
  const warnings: string[] = [];
  for (const entry of skipped) {
    if (entry.path.endsWith('/') || isTestCandidate(entry.path) || (isSourceFile(entry.path) && looksLikeSupport(entry.path))) {
      errors.push({ path: entry.path, kind: entry.kind, message: entry.message });
    } else if (!isSourceFile(entry.path)) {
      warnings.push(`${entry.path}: ${entry.message}`);
    }
  }
  return { errors, warnings };
}
