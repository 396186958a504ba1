/** Every report format by name: one pure function each, from the result to a string. */
import type { AuditResult } from '../model/finding.js';
import type { RuleDefinition } from '../model/rule.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import type { FailLevel } from './severity.js';
import { formatTable } from './table.js';

export const FORMATS = ['table', 'json', 'sarif', 'github', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  failOn: FailLevel;
  /** Rule definitions, for SARIF descriptors. */
  rules: readonly RuleDefinition[];
  color: boolean;
  quiet: boolean;
  width?: number;
  /** For SARIF and GitHub annotations: the audited folder relative to the repository root. */
  pathPrefix?: string;
}

export function render(format: Format, result: AuditResult, options: RenderOptions): string {
  switch (format) {
    case 'table':
      return formatTable(result, { color: options.color, quiet: options.quiet, failOn: options.failOn, ...(options.width ? { width: options.width } : {}) });
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result, { rules: options.rules, ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}) });
    case 'github':
      return formatGithub(result, options.pathPrefix ? { pathPrefix: options.pathPrefix } : {});
    case 'markdown':
      return formatMarkdown(result, { failOn: options.failOn });
  }
}
