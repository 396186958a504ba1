/**
 * The engine: runs every rule over the analysed files, turns raw findings into findings (severity
 * by tier, message from template, test label), drops duplicates and sorts deterministically.
 */
import type { AnalyzedFile } from '../model/analysis.js';
import type { PackageContext } from '../model/context.js';
import type { Finding } from '../model/finding.js';
import { testLabel } from '../model/queries.js';
import type { RawFinding, RuleDefinition, Severity } from '../model/rule.js';
import type { Tier } from '../model/test-model.js';
import { describeTarget } from '../model/describe-target.js';

export function renderMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

export function docsPath(ruleId: string): string {
  return `rules/${ruleId}.md`;
}

/** Called when a rule throws on one file or package: a bug in the rule, reported without losing the run. */
export type RuleFailure = (path: string, ruleId: string, error: unknown) => void;

export function runRules(
  files: readonly AnalyzedFile[],
  packages: readonly PackageContext[],
  rules: readonly RuleDefinition[],
  onFailure?: RuleFailure,
): Finding[] {
  const findings: Finding[] = [];
  const context = { options: {} };
  const guarded = (path: string, ruleId: string, run: () => void): void => {
    if (!onFailure) return run();
    try {
      run();
    } catch (error) {
      onFailure(path, ruleId, error);
    }
  };
  for (const rule of rules) {
    for (const file of files) {
      guarded(file.path, rule.meta.id, () => {
        const own: Finding[] = [];
        for (const raw of rule.check(file, context)) {
          const finding = toFinding(rule, raw, file, raw.tier ?? file.tier);
          if (finding) own.push(finding);
        }
        findings.push(...own);
      });
    }
    if (!rule.checkPackage) continue;
    for (const pkg of packages) {
      guarded(pkg.manifestPath ?? 'package.json', rule.meta.id, () => {
        const own: Finding[] = [];
        for (const raw of rule.checkPackage!(pkg, files.filter((f) => f.pkg === pkg), context)) {
          const finding = toFinding(rule, raw, null, raw.tier ?? 'unit');
          if (finding) own.push(finding);
        }
        findings.push(...own);
      });
    }
  }
  return sortFindings(dedupe(findings));
}

function toFinding(rule: RuleDefinition, raw: RawFinding, file: AnalyzedFile | null, tier: Tier): Finding | null {
  const severities = rule.meta.severity[raw.variant ?? 'default'] ?? rule.meta.severity.default;
  const severity = severities[tier];
  if (severity === 'off') return null;
  const template = rule.meta.messages[raw.messageId];
  if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message '${raw.messageId}'`);
  const finding: Finding = {
    ruleId: rule.meta.id,
    severity: severity as Severity,
    path: raw.path ?? file!.path,
    line: raw.line,
    column: raw.column,
    tier,
    test: file ? testLabel(file.model, raw.testId, raw.describeId) : null,
    message: renderMessage(template, raw.data),
    messageId: raw.messageId,
    docs: docsPath(rule.meta.id),
  };
  if (file && raw.mockIndex !== undefined) {
    const site = file.model.mocks[raw.mockIndex]!;
    const boundary = file.boundaries[raw.mockIndex]!;
    finding.mechanism = site.mechanism;
    finding.target = describeTarget(site.target);
    finding.boundary = boundary.kind;
    finding.system = boundary.system;
    finding.hides = [...boundary.hides];
    finding.alternative = boundary.alternative;
    finding.via = [...boundary.via];
  }
  return finding;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\u0000${f.path}\u0000${f.line}\u0000${f.column}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      compareStrings(a.path, b.path) ||
      a.line - b.line ||
      a.column - b.column ||
      compareStrings(a.ruleId, b.ruleId) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareStrings(a.message, b.message),
  );
}
