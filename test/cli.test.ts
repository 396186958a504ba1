/** The real binary, end to end, on the demo repository and on bad input. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';
import { runCli, type CliRun } from './support/cli.js';

const demo = 'fixtures/ceremony-shop';

describe('test-audit on the demo repository', () => {
  let table: CliRun;
  let json: CliRun;

  beforeAll(async () => {
    [table, json] = await Promise.all([runCli([demo]), runCli([demo, '--format', 'json'])]);
  });

  it('prints the audit table and fails with exit code 1', () => {
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('Audit table: what each mock hides');
    expect(table.stdout).toContain('What it hides');
    expect(table.stdout).toContain('Honest alternative');
    expect(table.stdout).toContain('test/integration/orders.integration.test.ts');
    expect(table.stdout).toMatch(/at or above 'error': the audit fails \(exit code 1\)/);
  });

  it('shows every rule firing', () => {
    const byRule = JSON.parse(json.stdout).summary.byRule as Record<string, number>;
    // The rules about suppression comments fire only on misused comments; the demo has none.
    for (const rule of rules.filter((r) => r.meta.phase === undefined)) expect(byRule[rule.meta.id], rule.meta.id).toBeGreaterThan(0);
    for (const rule of ['mock-invocation-only', 'sqlite-for-postgres', 'shared-test-state']) expect(table.stdout).toContain(rule);
  });

  it('keeps lines within 100 columns and writes no colour when not on a terminal', () => {
    const widest = Math.max(...table.stdout.split('\n').map((line) => [...line].length));
    expect(widest).toBeLessThanOrEqual(100);
    expect(table.stdout).not.toMatch(/\u001b\[/);
  });

  it('writes the same JSON twice (deterministic, no timestamps, no absolute paths)', async () => {
    const again = await runCli([demo, '--format', 'json']);
    expect(again.stdout).toBe(json.stdout);
    expect(json.stdout).not.toContain(process.cwd());
    const report = JSON.parse(json.stdout);
    expect(report.root).toBe('ceremony-shop');
    expect(report.schemaVersion).toBe(1);
  });
});

describe('options', () => {
  it('--fail-on none exits 0 even with errors', async () => {
    const run = await runCli([demo, '--fail-on', 'none', '--quiet']);
    expect(run.code).toBe(0);
  });

  it('--fail-on info fails a repository that has only info findings', async () => {
    const run = await runCli(['fixtures/mocked-dependency/unit-tier', '--fail-on', 'info']);
    expect(run.code).toBe(1);
    const lenient = await runCli(['fixtures/mocked-dependency/unit-tier']);
    expect(lenient.code).toBe(0);
  });

  it('--quiet leaves out findings below the fail level', async () => {
    const run = await runCli([demo, '--quiet']);
    expect(run.stdout).not.toContain('service.test.ts');
    expect(run.stdout).toContain('orders.integration.test.ts');
  });

  it('colours only when asked by the terminal, never with NO_COLOR or --no-color', async () => {
    const forced = await runCli([demo], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[/);
    const noColor = await runCli([demo], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
    const flag = await runCli([demo, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(flag.stdout).not.toMatch(/\u001b\[/);
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'test-audit-out-'));
    try {
      const file = join(dir, 'report.json');
      const run = await runCli([demo, '--format', 'json', '--output', file]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(JSON.parse(await readFile(file, 'utf8')).tool.name).toBe('test-audit');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('--version and --help exit 0; --help shows examples and exit codes', async () => {
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('Exit codes:');
  });
});

describe('usage errors exit 2 with one clear line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'test-audit-usage-'));
    await writeFile(join(dir, 'a-file.txt'), 'not a folder');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a path that does not exist', async () => {
    const run = await runCli([join(dir, 'missing')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('path does not exist');
    expect(run.stdout).toBe('');
  });

  it('a file instead of a folder', async () => {
    const run = await runCli([join(dir, 'a-file.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a folder');
  });

  it('an unknown option or a bad choice', async () => {
    const unknown = await runCli(['--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--frobnicate'");
    const choice = await runCli(['.', '--format', 'xml']);
    expect(choice.code).toBe(2);
  });

  it('an empty folder is clean, not an error', async () => {
    const run = await runCli([dir, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary.files).toBe(0);
  });
});

describe('test-audit rules', () => {
  it('lists every rule with severities per tier', async () => {
    const run = await runCli(['rules']);
    expect(run.code).toBe(0);
    for (const rule of ['mocked-dependency', 'mock-invocation-only', 'sqlite-for-postgres', 'shared-test-state']) {
      expect(run.stdout).toContain(rule);
    }
    expect(run.stdout).toContain('integration error');
  });

  it('prints JSON for machines', async () => {
    const run = await runCli(['rules', '--format', 'json']);
    const parsed = JSON.parse(run.stdout) as { rules: { id: string; severity: Record<string, unknown> }[] };
    expect(parsed.rules.map((r) => r.id)).toEqual([
      'mocked-dependency',
      'mock-invocation-only',
      'sqlite-for-postgres',
      'shared-test-state',
      'all-stubbed-integration',
      'stubbed-auth',
      'status-only-assertion',
      'mock-echo',
      'no-assertion',
      'sleep-in-test',
      'fixed-state-path',
      'unjustified-suppression',
      'unused-suppression',
    ]);
    expect(parsed.rules[1]!.severity['default']).toEqual({ unit: 'warning', integration: 'error', e2e: 'error' });
  });

  it('links each rule by its path in the package and by a full address', async () => {
    const run = await runCli(['rules', '--format', 'json']);
    const parsed = JSON.parse(run.stdout) as { rules: { id: string; docs: string; docsUrl: string }[] };
    for (const rule of parsed.rules) {
      expect(rule.docs).toBe(`rules/${rule.id}.md`);
      expect(rule.docsUrl).toMatch(new RegExp(`^https://unpkg\\.com/test-audit@[^/]+/rules/${rule.id}\\.md$`));
    }
  });
});

describe('test-audit explain', () => {
  it("prints a rule's documentation", async () => {
    const run = await runCli(['explain', 'mock-echo']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('mock-echo');
    expect(run.stdout).toContain('What slips through');
    expect(run.stdout).not.toContain('```');
  });

  it('names the known rules when the id is unknown', async () => {
    const run = await runCli(['explain', 'no-such-rule']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown rule 'no-such-rule'");
    expect(run.stderr).toContain('stubbed-auth');
  });

  it('every finding links its rule documentation', async () => {
    const run = await runCli(['fixtures/ceremony-shop', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { tool: { version: string }; findings: { ruleId: string; docs: string; docsUrl: string }[] };
    expect(report.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings) {
      expect(finding.docs).toBe(`rules/${finding.ruleId}.md`);
      expect(finding.docsUrl).toBe(`https://unpkg.com/test-audit@${report.tool.version}/rules/${finding.ruleId}.md`);
    }
  });
});
