/**
 * Merges the JSON reports of shard runs into the report one run over all files gives. Test files
 * belong to exactly one shard; support files appear in every shard whose tests use them, each
 * judged at the tier of that shard's users — so their tier, reason and the severities of their
 * findings (and of package-level findings) are recomputed here from all shards, with the same
 * functions the audit uses. The rest is assembled by the same code as a single run.
 */
import { UsageError } from '../errors.js';
import type { AuditResult, FileError, FileFacts, Finding, ShardInfo } from '../model/finding.js';
import type { Severity } from '../model/rule.js';
import type { FailLevel } from '../model/severity.js';
import type { Tier } from '../model/test-model.js';
import type { Baseline } from './baseline.js';
import { assembleResult, factsOf } from './result.js';
import { compareStrings } from './run-rules.js';
import { severityIn } from './severity.js';
import { highestTier, supportVerdicts } from './support-tier.js';
import { sortTests, sumBoundaries } from './exercise-report.js';

export interface MergeOptions {
  /** Fail level of the merged report (default: the shards'). */
  failOn?: FailLevel;
  baseline?: Baseline;
}

/** A shard report with the name it was read from, for messages. */
export interface NamedReport {
  name: string;
  report: AuditResult;
}

export function mergeReports(inputs: readonly NamedReport[], options: MergeOptions = {}): AuditResult {
  checkShards(inputs);
  const reports = inputs.map((i) => i.report);
  const first = reports[0]!;

  const files = new Map<string, FileFacts>();
  for (const { name, report } of inputs) {
    for (const file of report.files) {
      const facts = factsOf(file);
      const known = files.get(file.path);
      if (!known) files.set(file.path, facts);
      else if (known.role === 'test' || facts.role === 'test') {
        throw new UsageError(`${name}: ${file.path} is a test file of two shards: were the shards run on the same files?`);
      } else {
        known.usedBy = [...new Set([...(known.usedBy ?? []), ...(facts.usedBy ?? [])])].sort(compareStrings);
      }
    }
  }
  const tests = [...files.values()].filter((f) => f.role === 'test');
  const packageTiers = (dir: string): Tier[] => tests.filter((t) => t.package === dir).map((t) => t.tier);
  const support = [...files.values()].filter((f) => f.role === 'support');
  const verdicts = supportVerdicts(
    new Map(support.map((f) => [f.path, f.usedBy ?? []])),
    tests.map((t) => ({ path: t.path, tier: t.tier, framework: t.framework, package: t.package })),
    (path) => files.get(path)!.package,
  );
  for (const file of support) {
    const verdict = verdicts.get(file.path)!;
    file.tier = verdict.tier;
    file.tierReason = verdict.reason;
  }

  const tables = new Map(first.rules.map((r) => [r.id, r.severity]));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const report of reports) {
    for (const original of report.findings) {
      const key = `${original.path}\u0000${original.fingerprint}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const finding = structuredClone(original);
      delete finding.baseline;
      const file = files.get(finding.path);
      if (file?.role === 'test') {
        findings.push(finding);
        continue;
      }
      // Support files and package-level findings: judged at the tier all shards together give.
      const tier = file ? file.tier : highestTier(packageTiers(finding.package));
      const table = tables.get(finding.ruleId);
      const setting = table ? severityIn(table, finding.variant, tier) : finding.severity;
      if (setting === 'off') continue;
      finding.tier = tier;
      finding.severity = setting as Severity;
      findings.push(finding);
    }
  }

  const errors: FileError[] = reports.flatMap((r) => r.errors);
  const covered = new Set(files.keys());
  return assembleResult({
    root: first.root,
    files: [...files.values()],
    findings,
    tests: sortTests(reports.flatMap((r) => r.tests)),
    boundaries: sumBoundaries(reports.map((r) => r.summary.boundaries)),
    errors,
    warnings: reports.flatMap((r) => r.warnings),
    rules: first.rules,
    failOn: options.failOn ?? first.verdict.failOn,
    ...(options.baseline
      ? { baseline: { baseline: options.baseline, inScope: (p: string) => first.changedSince === undefined || covered.has(p) } }
      : {}),
    ...(first.changedSince !== undefined ? { changedSince: first.changedSince } : {}),
  });
}

/** Every shard of one run, each once, from the same version, folder, options and rules. */
function checkShards(inputs: readonly NamedReport[]): void {
  if (inputs.length === 0) throw new UsageError('merge needs the JSON reports of the shards');
  const first = inputs[0]!;
  const shardOf = (input: NamedReport): ShardInfo => {
    if (!input.report.shard) throw new UsageError(`${input.name}: not a shard report (made without --shard i/n); merge combines shard reports`);
    return input.report.shard;
  };
  const count = shardOf(first).count;
  const same = (what: string, value: (r: AuditResult) => unknown): void => {
    const expected = JSON.stringify(value(first.report));
    const other = inputs.find((i) => JSON.stringify(value(i.report)) !== expected);
    if (other) throw new UsageError(`${other.name}: ${what} differs from ${first.name}; shards of one run must agree`);
  };
  same('the test-audit version', (r) => r.tool.version);
  same('the audited folder', (r) => r.root);
  same('the shard count', (r) => shardOf({ name: '', report: r }).count);
  same('--changed-since', (r) => r.changedSince ?? null);
  same('the rule configuration', (r) => r.rules);
  const seen = new Map<number, string>();
  for (const input of inputs) {
    const { index } = shardOf(input);
    const earlier = seen.get(index);
    if (earlier) throw new UsageError(`${input.name}: shard ${index}/${count} is also ${earlier}`);
    seen.set(index, input.name);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) throw new UsageError(`shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: merge needs every shard`);
}
