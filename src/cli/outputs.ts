/**
 * Where reports go: the --format report to stdout (or --output), and any number of other formats
 * to files from the same result (--output-json, --output-sarif, --output-markdown, --output-file).
 * Shared by the audit and by `test-audit merge`.
 */
import { once } from 'node:events';
import { closeSync, openSync, writeSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { baselineOf, formatBaseline, type Baseline } from '../engine/baseline.js';
import { UsageError } from '../errors.js';
import type { AuditResult } from '../model/finding.js';
import { FAIL_LEVELS, type FailLevel } from '../model/severity.js';
import type { StreamedReport } from '../engine/streamed-report.js';
import { FORMATS, render, type Format, type RenderOptions } from '../report/formats.js';
import { useColor } from './terminal.js';

export interface OutputFlags {
  format: Format;
  output?: string;
  outputJson?: string;
  outputSarif?: string;
  outputMarkdown?: string;
  outputFile: string[];
  failOn?: FailLevel;
  pathPrefix?: string;
  color: boolean;
  quiet: boolean;
  debug: boolean;
}

export interface Target {
  format: Format;
  /** null: stdout. */
  path: string | null;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The report options every command that prints a result takes. */
export function addOutputOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'report format on stdout (or in --output)').choices([...FORMATS]).default('table'))
    .option('-o, --output <file>', 'write the --format report to a file instead of stdout')
    .option('--output-json <file>', 'also write the JSON report to a file (same run)')
    .option('--output-sarif <file>', 'also write SARIF 2.1.0 to a file, for code scanning')
    .option('--output-markdown <file>', 'also write Markdown to a file, for PR comments and step summaries')
    .option('--output-file <format=file>', 'also write any format to a file; repeatable', collect, [])
    .addOption(new Option('--fail-on <level>', 'lowest severity that fails the run (default: error)').choices([...FAIL_LEVELS]))
    .option('--path-prefix <dir>', 'prefix for file paths in sarif and github output (the audited folder relative to the repository root)')
    .option('--no-color', 'never colour the output (colour is used only on a terminal, never with NO_COLOR)')
    .option('-q, --quiet', 'only the summary and findings that fail the run', false)
    .option('--debug', 'print stack traces for internal errors', false);
}

export function outputTargets(flags: OutputFlags): Target[] {
  const targets: Target[] = [{ format: flags.format, path: flags.output ?? null }];
  if (flags.outputJson) targets.push({ format: 'json', path: flags.outputJson });
  if (flags.outputSarif) targets.push({ format: 'sarif', path: flags.outputSarif });
  if (flags.outputMarkdown) targets.push({ format: 'markdown', path: flags.outputMarkdown });
  for (const entry of flags.outputFile) {
    const match = /^([a-z]+)=(.+)$/.exec(entry);
    if (!match || !(FORMATS as readonly string[]).includes(match[1]!)) {
      throw new UsageError(`--output-file expects <format>=<file> with a format among ${FORMATS.join(', ')}, got '${entry}'`);
    }
    targets.push({ format: match[1] as Format, path: match[2]! });
  }
  const files = targets.flatMap((t) => (t.path === null ? [] : [t.path]));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice) throw new UsageError(`two reports would be written to ${twice}`);
  return targets;
}

/** Renders the result once per target and writes it. */
export async function writeReports(result: AuditResult, targets: readonly Target[], options: Omit<RenderOptions, 'color' | 'width'>, flags: OutputFlags): Promise<void> {
  for (const target of targets) {
    const toStdout = target.path === null;
    const text = render(target.format, result, {
      ...options,
      color: toStdout && useColor(flags, process.stdout),
      ...(toStdout && process.stdout.columns ? { width: process.stdout.columns } : {}),
    });
    if (toStdout) {
      process.stdout.write(text);
      continue;
    }
    try {
      await writeFile(target.path!, text);
    } catch (error) {
      throw new UsageError(`cannot write ${target.path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }
}

/** Writes a JSON report chunk by chunk: a report spilled to disk never becomes one string. */
export async function writeJsonReport(source: StreamedReport, target: Target): Promise<void> {
  if (target.path === null) {
    for (const chunk of source.chunks()) {
      // Honour back-pressure: a slow reader must not make the whole report pile up in memory.
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    }
    return;
  }
  let fd: number | null = null;
  try {
    fd = openSync(target.path, 'w');
    for (const chunk of source.chunks()) writeSync(fd, chunk);
  } catch (error) {
    throw new UsageError(`cannot write ${target.path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** --write-baseline: records the result's findings, says so on stderr, returns the baseline. */
export async function writeBaselineFile(result: AuditResult, path: string): Promise<Baseline> {
  const baseline = baselineOf(result);
  try {
    await writeFile(path, formatBaseline(baseline));
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const count = baseline.findings.length;
  process.stderr.write(`test-audit: baseline of ${count} finding${count === 1 ? '' : 's'} written to ${path}\n`);
  return baseline;
}
