/**
 * `test-audit merge a.json b.json …`: the JSON reports of shard runs in, the report of a single run
 * out — in any format, with the same exit code a single run would give.
 */
import type { Command } from 'commander';
import { rules } from '../../rules/index.js';
import { readBaseline, readShardReport } from '../config/read-inputs.js';
import { mergeReports } from '../engine/merge.js';
import { withBaseline } from '../engine/result.js';
import { UsageError } from '../errors.js';
import { addOutputOptions, outputTargets, writeBaselineFile, writeReports, type OutputFlags } from './outputs.js';
import { EXIT_CLEAN, EXIT_FINDINGS, reportError } from './terminal.js';

interface MergeFlags extends OutputFlags {
  baseline?: string;
  writeBaseline?: string;
}

/** Defines the subcommand on `program.command('merge')`, which inherits the program's settings. */
export function defineMergeCommand(command: Command, setExitCode: (code: number) => void): Command {
  command
    .description('merge the JSON reports of shard runs (--shard i/n) into the report of a single run')
    .argument('<reports...>', 'the JSON report of every shard')
    .option('--baseline <file>', 'fail only on findings not in this baseline')
    .option('--write-baseline <file>', 'record every finding of the merged report in a baseline file (exits 0)');
  return addOutputOptions(command).action(async (files: string[], flags: MergeFlags) => {
    setExitCode(await runMerge(files, flags));
  });
}

async function runMerge(files: readonly string[], flags: MergeFlags): Promise<number> {
  try {
    const targets = outputTargets(flags);
    if (flags.writeBaseline !== undefined && flags.baseline !== undefined) throw new UsageError('use either --baseline or --write-baseline');
    const inputs = [];
    for (const name of files) inputs.push({ name, report: await readShardReport(name) });
    let result = mergeReports(inputs, {
      ...(flags.failOn !== undefined ? { failOn: flags.failOn } : {}),
      ...(flags.baseline !== undefined ? { baseline: await readBaseline(flags.baseline) } : {}),
    });
    // Against the baseline it just wrote, the run has nothing new: it exits 0.
    if (flags.writeBaseline !== undefined) result = withBaseline(result, await writeBaselineFile(result, flags.writeBaseline));
    const pathPrefix = flags.pathPrefix;
    await writeReports(result, targets, { failOn: result.verdict.failOn, rules, quiet: flags.quiet, ...(pathPrefix ? { pathPrefix } : {}) }, flags);
    return result.verdict.passed ? EXIT_CLEAN : EXIT_FINDINGS;
  } catch (error) {
    return reportError(error, flags.debug);
  }
}
