/**
 * The engine: runs every rule over the analysed files, turns raw findings into findings (severity
 * by tier and configuration, message from template, test label, fingerprint), matches inline
 * suppressions, runs the rules about suppressions, drops duplicates and sorts deterministically.
 */
import type { AnalyzedFile } from '../model/analysis.js';
import type { PackageContext } from '../model/context.js';
import type { Finding, RuleSummary } from '../model/finding.js';
import { testLabel } from '../model/queries.js';
import type { PackageTests, RawFinding, RuleContext, RuleDefinition, Severity, SeveritySetting } from '../model/rule.js';
import type { Tier } from '../model/test-model.js';
import { describeTarget } from '../model/describe-target.js';
import { fingerprints, type FingerprintFacts } from './fingerprint.js';
import { effectiveSeverities, severityIn, type SeverityOverrides, type SeverityTable } from './severity.js';
import { applySuppressions, type Candidate } from './suppressions.js';
import { highestTier } from './support-tier.js';
import { ruleDocsUrl } from '../docs/links.js';
import { toolVersion } from '../version.js';

export function renderMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

export function docsPath(ruleId: string): string {
  return `rules/${ruleId}.md`;
}

/** Called when a rule throws on one file or package: a bug in the rule, reported without losing the run. */
export type RuleFailure = (path: string, ruleId: string, error: unknown) => void;

export interface EngineOptions {
  /** Per-rule severity overrides from configuration. */
  severity?: SeverityOverrides;
  /** Without it a rule's exception propagates; with it, it costs only that file's (or package's) findings. */
  onFailure?: RuleFailure;
  /** Milliseconds a file's rules may take, checked between rules (Infinity or absent: no limit). */
  budgetMs?: number;
}

/** Thrown by fileFindings when a file's rules run past the budget: the file is reported, the run goes on. */
export class RuleBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`the rules took longer than the per-file time budget (${budgetMs} ms): skipped`);
  }
}

/** A finding before 'off' findings are dropped, with the facts its fingerprint is made of. */
interface Pending extends Candidate {
  setting: SeveritySetting;
  facts: FingerprintFacts;
  /** Further lines of the file where a superseded general finding is replaced (RawFinding.supersedesAt). */
  supersedesAt?: number[];
}

/** Each rule's effective severities, in registry order: what the report's `rules` section shows. */
export function ruleSummaries(rules: readonly RuleDefinition[], options: EngineOptions = {}): RuleSummary[] {
  return rules.map((rule) => ({
    id: rule.meta.id,
    description: rule.meta.description,
    docs: docsPath(rule.meta.id),
    docsUrl: ruleDocsUrl(toolVersion(), rule.meta.id),
    severity: effectiveSeverities(rule.meta, options.severity?.[rule.meta.id]),
  }));
}

/**
 * Runs the rules one file at a time, so an audit can drop a file's model as soon as its findings
 * are out. Every step after the rules (supersession, duplicates, suppressions, fingerprints) keys
 * on the finding's path, so findings of one file never depend on another file's.
 */
export class RuleEngine {
  private readonly tables: Map<string, SeverityTable>;

  constructor(
    private readonly rules: readonly RuleDefinition[],
    private readonly options: EngineOptions = {},
  ) {
    this.tables = new Map(ruleSummaries(rules, options).map((s) => [s.id, s.severity]));
  }

  /** A file's findings, sorted; 'off' findings dropped. */
  fileFindings(file: AnalyzedFile): Finding[] {
    const budget = this.options.budgetMs ?? Infinity;
    const deadline = Number.isFinite(budget) ? Date.now() + budget : Infinity;
    const main = this.settle(
      this.runAll(undefined, { options: {} }, (rule, context, table) => {
        // A rule cannot be stopped halfway; one that made the file overrun stops the rest.
        if (Date.now() > deadline) throw new RuleBudgetExceeded(budget);
        return this.checkFile(rule, context, table, file);
      }),
    );
    // Suppressions match findings of every severity, 'off' included: whether a comment is used must
    // not depend on the tier configuration (shards and merges judge support files at other tiers).
    const used = applySuppressions(main);
    const suppressionContext: RuleContext = {
      options: {},
      suppressions: {
        used: (target, index) => used.get(target.path)?.[index] ?? false,
        knownRule: (id) => this.tables.has(id),
      },
    };
    const late = this.runAll('suppressions', suppressionContext, (rule, context, table) => this.checkFile(rule, context, table, file));
    return finish([...main, ...dedupe(late)]);
  }

  /** Findings about a package as a whole (its config files), judged at its tests' highest tier. */
  packageFindings(pkg: PackageContext, tests: PackageTests): Finding[] {
    const pending = this.runAll(undefined, { options: {} }, (rule, context, table) => {
      if (!rule.checkPackage) return [];
      return this.guarded(pkg.manifestPath ?? 'package.json', rule.meta.id, () =>
        rule.checkPackage!(pkg, tests, context).map((raw) => toPending(rule, table, raw, null, pkg, raw.tier ?? tests.tier)),
      );
    });
    const main = this.settle(pending);
    applySuppressions(main);
    return finish(main);
  }

  private runAll(phase: RuleDefinition['meta']['phase'], context: RuleContext, produce: (rule: RuleDefinition, context: RuleContext, table: SeverityTable) => Pending[]): Pending[] {
    const out: Pending[] = [];
    for (const rule of this.rules) if (rule.meta.phase === phase) out.push(...produce(rule, context, this.tables.get(rule.meta.id)!));
    return out;
  }

  private checkFile(rule: RuleDefinition, context: RuleContext, table: SeverityTable, file: AnalyzedFile): Pending[] {
    return this.guarded(file.path, rule.meta.id, () => rule.check(file, context).map((raw) => toPending(rule, table, raw, file, file.pkg, raw.tier ?? file.tier)));
  }

  /** Without onFailure a rule's exception propagates; with it, it costs only that file's (or package's) findings of that rule. */
  private guarded(path: string, ruleId: string, produce: () => Pending[]): Pending[] {
    if (!this.options.onFailure) return produce();
    try {
      return produce();
    } catch (error) {
      this.options.onFailure(path, ruleId, error);
      return [];
    }
  }

  private settle(pending: Pending[]): Pending[] {
    return dedupe(dropSuperseded(pending, this.rules));
  }
}

/** Fingerprints the findings, drops 'off' ones, sorts. */
function finish(all: Pending[]): Finding[] {
  const prints = fingerprints(all.map((p) => p.facts));
  const findings: Finding[] = [];
  all.forEach((p, index) => {
    p.finding.fingerprint = prints[index]!;
    if (p.setting !== 'off') findings.push(p.finding);
  });
  return sortFindings(findings);
}

/** Every rule over every file and package at once: for callers that hold all analysed files. */
export function runRules(
  files: readonly AnalyzedFile[],
  packages: readonly PackageContext[],
  rules: readonly RuleDefinition[],
  options: EngineOptions = {},
): Finding[] {
  const engine = new RuleEngine(rules, options);
  const findings = files.flatMap((file) => engine.fileFindings(file));
  for (const pkg of packages) {
    const own = files.filter((f) => f.pkg === pkg && f.role === 'test');
    findings.push(...engine.packageFindings(pkg, { files: own.length, tier: highestTier(own.map((f) => f.tier)) }));
  }
  return sortFindings(findings);
}

function toPending(rule: RuleDefinition, table: SeverityTable, raw: RawFinding, file: AnalyzedFile | null, pkg: PackageContext, tier: Tier): Pending {
  const setting = severityIn(table, raw.variant, tier);
  const template = rule.meta.messages[raw.messageId];
  if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message '${raw.messageId}'`);
  const finding: Finding = {
    ruleId: rule.meta.id,
    // 'off' findings are dropped after fingerprinting; the placeholder never reaches a report.
    severity: (setting === 'off' ? 'info' : setting) as Severity,
    path: raw.path ?? file!.path,
    line: raw.line,
    column: raw.column,
    tier,
    test: file ? testLabel(file.model, raw.testId, raw.describeId) : null,
    message: renderMessage(template, raw.data),
    messageId: raw.messageId,
    docs: docsPath(rule.meta.id),
    docsUrl: ruleDocsUrl(toolVersion(), rule.meta.id),
    fingerprint: '',
    package: pkg.dir,
  };
  if (raw.variant !== undefined && raw.variant !== 'default') finding.variant = raw.variant;
  let subject = raw.subject ?? '';
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
    subject = raw.subject ?? `${site.mechanism} ${finding.target}`;
  }
  const facts: FingerprintFacts = {
    ruleId: rule.meta.id,
    path: finding.path,
    messageId: raw.messageId,
    subject,
    owner: file ? ownerTitle(file, raw) : '',
    line: raw.line,
    column: raw.column,
  };
  return { finding, file, setting, facts, ...(raw.supersedesAt?.length ? { supersedesAt: raw.supersedesAt } : {}) };
}

/** The owning test's own title (or the describe's), not the whole path: renaming an outer describe keeps it. */
function ownerTitle(file: AnalyzedFile, raw: RawFinding): string {
  if (raw.testId !== null && raw.testId !== undefined) return file.model.tests[raw.testId]?.title ?? '';
  if (raw.describeId !== null && raw.describeId !== undefined) return file.model.describes[raw.describeId]?.title ?? '';
  return '';
}

/** One site, one finding: a more specific rule's finding replaces the general one at the same place. */
function dropSuperseded(items: Pending[], rules: readonly RuleDefinition[]): Pending[] {
  const superseding = new Set<string>();
  for (const rule of rules) {
    for (const general of rule.meta.supersedes ?? []) {
      for (const { finding: f, supersedesAt } of items) {
        if (f.ruleId !== rule.meta.id) continue;
        for (const line of [f.line, ...(supersedesAt ?? [])]) superseding.add(`${general}\u0000${f.path}\u0000${line}`);
      }
    }
  }
  if (superseding.size === 0) return items;
  return items.filter(({ finding: f }) => !superseding.has(`${f.ruleId}\u0000${f.path}\u0000${f.line}`));
}

function dedupe(items: Pending[]): Pending[] {
  const seen = new Set<string>();
  return items.filter(({ finding: f }) => {
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
  return findings.sort(compareFindings);
}

/** Report order: by path, position, rule, severity, message, fingerprint. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.path, b.path) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareStrings(a.message, b.message) ||
    compareStrings(a.fingerprint, b.fingerprint)
  );
}
