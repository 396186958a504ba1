/**
 * The command line: argv → configuration → audit() → reporters → stdout and files → exit code.
 * The only module tree that writes to the terminal or decides the process's exit code. Each
 * subcommand is one block below (or one module under ./, registered with a single line).
 * A subcommand loads its modules when it runs: `--version` or `rules` never pay for the parser.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { toolVersion } from '../version.js';
import type { AuditFlags } from './audit-command.js';
import { defineMergeCommand } from './merge-command.js';
import { addOutputOptions } from './outputs.js';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, reportError, useColor } from './terminal.js';

// Subcommand blocks below may use these; other modules import them from here as before.
export { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, reportError, useColor };

const EXAMPLES = `
Examples:
  $ test-audit                          audit the current folder, print the audit table
  $ test-audit ./repo --format json     the JSON report (schemaVersion 1) on stdout
  $ test-audit --output-json report.json --output-sarif report.sarif
                                        the table on stdout, JSON and SARIF files from the same run
  $ test-audit --format github          GitHub Actions annotations, one per finding
  $ test-audit --write-baseline .test-audit-baseline.json
  $ test-audit --baseline .test-audit-baseline.json   fail only on new findings
  $ test-audit --changed-since origin/main            only tests changed since the branch point
  $ test-audit --shard 1/4 -f json -o shard-1.json    then: test-audit merge shard-*.json
  $ test-audit --cache                  re-runs answer from node_modules/.cache/test-audit
  $ test-audit rules                    list the rules and their severities per tier
  $ test-audit explain mock-echo        what a rule flags, what slips through, examples

Configuration: test-audit.config.json, .test-auditrc.json or "testAudit" in package.json, nearest
to the audited folder (or --config <file>). JSON only; see the README.

Exit codes:
  0  nothing at or above the fail level (with --baseline: nothing new)
  1  findings at or above the fail level
  2  usage or configuration error, unreadable path, or internal error`;

/** `--file-budget <ms>`: a whole number of milliseconds; 0 lifts the limit. */
function parseFileBudget(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of milliseconds (0 for no limit)');
  const ms = Number(value);
  return ms === 0 ? Infinity : ms;
}

/** `--jobs <n|auto>`: how many worker threads parse files; 0 keeps everything on one thread. */
function parseJobs(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  if (!/^\d+$/.test(value) || Number(value) > MAX_JOBS) throw new InvalidArgumentError(`expected a whole number from 0 to ${MAX_JOBS}, or auto`);
  return Number(value);
}
const MAX_JOBS = 64;

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_CLEAN;
  const program = new Command();
  program
    .name('test-audit')
    .description("Audit a repository's tests for ceremony: doubles standing in for the real things the tests claim to test.")
    .version(toolVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .argument('[path]', 'folder to audit', '.')
    .option('-c, --config <file>', 'configuration file (default: the nearest test-audit.config.json, .test-auditrc.json or package.json "testAudit")')
    .option('--baseline <file>', 'fail only on findings not recorded in this baseline; reports how many entries are fixed')
    .option('--write-baseline <file>', "record every current finding in a baseline file (the run then exits 0)")
    .option('--changed-since <ref>', 'audit only test files changed since a git ref, and tests whose support code changed')
    .option('--shard <i/n>', 'audit a deterministic 1/n of the test files (merge the JSON reports with test-audit merge)')
    .option('--cache', 'reuse results of earlier runs on unchanged files (stored in node_modules/.cache/test-audit)')
    .option('--cache-location <dir>', 'where --cache keeps its files')
    .option('--file-budget <ms>', 'time one file may take before it is skipped and listed as not audited (default 10000; 0: no limit)', parseFileBudget)
    .option('--jobs <n>', 'worker threads that read and parse files while the audit runs (default auto: 2 from 10,000 test files on 2+ cores, else none; 0: none)', parseJobs);
  addOutputOptions(program)
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run test-audit --help for usage)')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
    })
    .action(async (path: string, flags: AuditFlags) => {
      const { runAudit } = await import('./audit-command.js');
      exitCode = await runAudit(path, flags);
    });

  defineMergeCommand(program.command('merge'), (code) => (exitCode = code));

  program
    .command('rules')
    .description('list every rule: id, default severity per tier, description')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--no-color', 'never colour the output')
    .action(async (flags: { format: 'table' | 'json'; color: boolean }) => {
      const [{ rules }, { formatRulesJson, formatRulesTable }] = await Promise.all([import('../../rules/index.js'), import('../report/rules-list.js')]);
      const text = flags.format === 'json' ? formatRulesJson(rules) : formatRulesTable(rules, { color: useColor(flags, process.stdout) });
      process.stdout.write(text);
    });

  program
    .command('catalog')
    .description("list the boundary catalog in effect: each package, what a double of it hides, the honest alternative (with the configuration's own entries)")
    .argument('[path]', "folder whose configuration's catalog entries are listed too", '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('-c, --config <file>', 'configuration file (default: the nearest to the folder, as for an audit)')
    .option('--no-color', 'never colour the output')
    .option('--debug', 'print stack traces of internal errors')
    .action(async (path: string, flags: { format: 'table' | 'json'; color: boolean; config?: string; debug?: boolean }) => {
      const { listCatalog } = await import('./catalog-command.js');
      exitCode = await listCatalog(path, { format: flags.format, color: useColor(flags, process.stdout), debug: flags.debug === true, ...(flags.config !== undefined ? { config: flags.config } : {}) });
    });

  program
    .command('explain')
    .description("print a rule's documentation: what it flags, what slips through, examples")
    .argument('<rule-id>', 'the rule to explain (see test-audit rules)')
    .option('--no-color', 'never colour the output')
    .action(async (id: string, flags: { color: boolean }) => {
      const { explainRule } = await import('./explain-command.js');
      exitCode = await explainRule(id, useColor(flags, process.stdout));
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
