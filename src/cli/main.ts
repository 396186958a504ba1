/**
 * The command line: argv → options → audit() → reporter → stdout or file → exit code.
 * The only module that writes to the terminal or decides the process's exit code.
 */
import { writeFile } from 'node:fs/promises';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { rules } from '../../rules/index.js';
import { audit } from '../audit.js';
import { UsageError } from '../errors.js';
import { formatJson } from '../report/json.js';
import { createProgress } from '../report/progress.js';
import { formatRulesJson, formatRulesTable } from '../report/rules-list.js';
import { atOrAbove, type FailLevel } from '../report/severity.js';
import { formatTable } from '../report/table.js';
import { toolVersion } from '../version.js';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

interface AuditFlags {
  format: 'table' | 'json';
  output?: string;
  failOn: FailLevel;
  color: boolean;
  quiet: boolean;
  debug: boolean;
  fileBudget?: number;
}

/** `--file-budget <ms>`: a whole number of milliseconds; 0 lifts the limit. */
function parseFileBudget(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of milliseconds (0 for no limit)');
  const ms = Number(value);
  return ms === 0 ? Infinity : ms;
}

function useColor(flags: { color: boolean }, stream: NodeJS.WriteStream): boolean {
  if (!flags.color) return false;
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}

const EXAMPLES = `
Examples:
  $ test-audit                          audit the current folder, print the audit table
  $ test-audit ./repo --format json     the JSON report (schemaVersion 1) on stdout
  $ test-audit ./repo -o report.json --format json
  $ test-audit ./repo --fail-on warning fail on warnings too (exit 1)
  $ test-audit rules                    list the rules and their severities per tier

Exit codes:
  0  nothing at or above the fail level
  1  findings at or above the fail level
  2  usage error, unreadable path, or internal error`;

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_CLEAN;
  const program = new Command();
  program
    .name('test-audit')
    .description("Audit a repository's tests for ceremony: doubles standing in for the real things the tests claim to test.")
    .version(toolVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .argument('[path]', 'folder to audit', '.')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['table', 'json']).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <level>', 'lowest severity that fails the run').choices(['error', 'warning', 'info', 'none']).default('error'))
    .option('--no-color', 'never colour the output (colour is used only on a terminal, never with NO_COLOR)')
    .option('-q, --quiet', 'only the summary and findings at or above the fail level', false)
    .option('--debug', 'print stack traces for internal errors', false)
    .option('--file-budget <ms>', 'time one file may take before it is skipped and listed as not audited (default 10000; 0: no limit)', parseFileBudget)
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run test-audit --help for usage)')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
    })
    .action(async (path: string, flags: AuditFlags) => {
      exitCode = await runAudit(path, flags);
    });

  program
    .command('rules')
    .description('list every rule: id, default severity per tier, description')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--no-color', 'never colour the output')
    .action((flags: { format: 'table' | 'json'; color: boolean }) => {
      const text = flags.format === 'json' ? formatRulesJson(rules) : formatRulesTable(rules, { color: useColor(flags, process.stdout) });
      process.stdout.write(text);
    });

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_CLEAN;
      return EXIT_USAGE;
    }
    throw error;
  }
  return exitCode;
}

async function runAudit(path: string, flags: AuditFlags): Promise<number> {
  const progress = createProgress(process.stderr, { enabled: !flags.quiet && process.stderr.isTTY === true && !process.env['CI'] });
  try {
    const result = await audit({ root: path, onProgress: progress.update, ...(flags.fileBudget !== undefined ? { fileBudgetMs: flags.fileBudget } : {}) });
    progress.done();
    const toFile = flags.output !== undefined;
    const text =
      flags.format === 'json'
        ? formatJson(result)
        : formatTable(result, {
            color: !toFile && useColor(flags, process.stdout),
            quiet: flags.quiet,
            failOn: flags.failOn,
            width: process.stdout.columns,
          });
    if (toFile) await writeFile(flags.output!, text);
    else process.stdout.write(text);
    return result.findings.some((f) => atOrAbove(f.severity, flags.failOn)) ? EXIT_FINDINGS : EXIT_CLEAN;
  } catch (error) {
    progress.done();
    return reportError(error, flags.debug);
  }
}

export function reportError(error: unknown, debug: boolean): number {
  if (error instanceof UsageError) {
    process.stderr.write(`test-audit: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`test-audit: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT_USAGE;
}
