/** Public API: run an audit from code, configure it, merge shards, render reports, and the types. */
export { audit, type AuditOptions } from './audit.js';
export { UsageError } from './errors.js';
export type {
  AuditResult,
  BaselineSummary,
  FileError,
  FileFacts,
  FileReport,
  Finding,
  RuleSummary,
  ShardInfo,
  Summary,
  Suppression,
  Verdict,
} from './model/finding.js';
export type { RuleDefinition, RuleMeta, Severity } from './model/rule.js';
export type { FailLevel } from './model/severity.js';
export { rules } from '../rules/index.js';
export { validateCatalogEntries, type CatalogValidation } from './catalog/validate.js';
export type { CatalogEntry, CatalogKind } from './catalog/types.js';
export { loadConfig } from './config/load-config.js';
export { auditOptionsFromConfig } from './config/to-audit-options.js';
export type { LoadedConfig, TestAuditConfig } from './config/types.js';
export { baselineOf, compareWithBaseline, formatBaseline, type Baseline, type BaselineEntry } from './engine/baseline.js';
export { mergeReports, type NamedReport } from './engine/merge.js';
export { FORMATS, render, type Format, type RenderOptions } from './report/formats.js';
export { formatGithub } from './report/github.js';
export { formatJson } from './report/json.js';
export { formatMarkdown } from './report/markdown.js';
export { formatSarif } from './report/sarif.js';
export { formatTable } from './report/table.js';
