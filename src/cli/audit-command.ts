/**
 * The audit itself: argv flags → configuration → audit() → reports → exit code. Flags override the
 * configuration; the configuration overrides defaults.
 */
import { relative, resolve, sep } from 'node:path';
import { rules } from '../../rules/index.js';
import { audit, auditSpilled, checkedRoot, type AuditOptions } from '../audit.js';
import { loadConfig } from '../config/load-config.js';
import { readBaseline } from '../config/read-inputs.js';
import { auditOptionsFromConfig } from '../config/to-audit-options.js';
import { parseShard } from '../discover/shard.js';
import { withBaseline } from '../engine/result.js';
import { UsageError } from '../errors.js';
import { createProgress } from '../report/progress.js';
import { outputTargets, writeBaselineFile, writeJsonReport, writeReports, type OutputFlags } from './outputs.js';
import { EXIT_CLEAN, EXIT_FINDINGS, reportError } from './terminal.js';

export interface AuditFlags extends OutputFlags {
  config?: string;
  baseline?: string;
  writeBaseline?: string;
  changedSince?: string;
  shard?: string;
  /** Milliseconds one file may take (Infinity: no limit). */
  fileBudget?: number;
  /** Worker threads for parsing (--jobs). */
  jobs?: number | 'auto';
  cache?: boolean;
  cacheLocation?: string;
}

export async function runAudit(path: string, flags: AuditFlags): Promise<number> {
  const progress = createProgress(process.stderr, { enabled: !flags.quiet && process.stderr.isTTY === true && !process.env['CI'] });
  try {
    const targets = outputTargets(flags);
    if (flags.writeBaseline !== undefined && (flags.baseline !== undefined || flags.shard !== undefined || flags.changedSince !== undefined)) {
      throw new UsageError('--write-baseline records a full run: use it without --baseline, --shard and --changed-since');
    }
    const root = await checkedRoot(path);
    const loaded = await loadConfig(root, { knownRules: rules.map((r) => r.meta.id), ...(flags.config !== undefined ? { configPath: flags.config } : {}) });
    const configured = auditOptionsFromConfig(loaded);
    const failOn = flags.failOn ?? configured.failOn ?? 'error';
    const options: AuditOptions = {
      ...configured,
      root: path,
      failOn,
      onProgress: progress.update,
      ...(flags.baseline !== undefined ? { baseline: await readBaseline(flags.baseline) } : {}),
      ...(flags.changedSince !== undefined ? { changedSince: flags.changedSince } : {}),
      ...(flags.shard !== undefined ? { shard: parseShard(flags.shard) } : {}),
      ...(flags.fileBudget !== undefined ? { fileBudgetMs: flags.fileBudget } : {}),
      ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
      ...(flags.cache || flags.cacheLocation !== undefined ? { cache: flags.cacheLocation !== undefined ? { location: resolve(flags.cacheLocation) } : {} } : {}),
    };
    // JSON only (the dashboard and CI-artifact case): the report streams from disk, so memory stays
    // flat on the largest repositories. Other formats need the whole result to lay it out.
    if (flags.writeBaseline === undefined && targets.every((t) => t.format === 'json')) {
      const report = await auditSpilled(options);
      progress.done();
      try {
        for (const target of targets) await writeJsonReport(report, target);
        return report.passed() ? EXIT_CLEAN : EXIT_FINDINGS;
      } finally {
        report.dispose();
      }
    }
    let result = await audit(options);
    progress.done();
    // Against the baseline it just wrote, the run has nothing new: it exits 0.
    if (flags.writeBaseline !== undefined) result = withBaseline(result, await writeBaselineFile(result, flags.writeBaseline));
    await writeReports(result, targets, { failOn, rules, quiet: flags.quiet, ...prefix(flags, root) }, flags);
    return result.verdict.passed ? EXIT_CLEAN : EXIT_FINDINGS;
  } catch (error) {
    progress.done();
    return reportError(error, flags.debug);
  }
}

/** CI tools resolve paths from the repository root: by default the audited folder's place below the current one. */
function prefix(flags: AuditFlags, root: string): { pathPrefix?: string } {
  if (flags.pathPrefix !== undefined) return { pathPrefix: flags.pathPrefix };
  const rel = relative(process.cwd(), root);
  if (!rel || rel.startsWith('..') || rel.includes(':')) return {};
  return { pathPrefix: rel.split(sep).join('/') };
}
