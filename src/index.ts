/** Public API: run an audit from code, and the types of what it returns. */
export { audit, type AuditOptions } from './audit.js';
export { UsageError } from './errors.js';
export type { AuditResult, FileError, FileReport, Finding, Summary } from './model/finding.js';
export type { RuleDefinition, RuleMeta, Severity } from './model/rule.js';
export { rules } from '../rules/index.js';
export { validateCatalogEntries, type CatalogValidation } from './catalog/validate.js';
export type { CatalogEntry, CatalogKind } from './catalog/types.js';
