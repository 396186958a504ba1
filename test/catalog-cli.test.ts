/** `test-audit catalog` through the real, built binary. */
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalog, catalogListing, compareEntries } from '../src/catalog/index.js';
import { formatCatalogJson } from '../src/report/catalog-list.js';
import { binary, repoRoot, runCli, type CliRun } from './support/cli.js';

interface ListedEntry {
  match: string;
  kind: string;
  system: string;
  hides: string[];
  alternative: string;
  engine?: string;
}

describe('test-audit catalog', () => {
  let table: CliRun;
  let json: CliRun;

  beforeAll(async () => {
    [table, json] = await Promise.all([runCli(['catalog']), runCli(['catalog', '--format', 'json'])]);
  });

  it('prints every entry with its system, failures and alternative, grouped by kind', () => {
    expect(table.code).toBe(0);
    expect(table.stderr).toBe('');
    expect(table.stdout).toMatch(/^Boundary catalog: \d{3} entries, \d+ fake libraries, \d+ hosts\n/);
    expect(table.stdout).toContain('\ndatabase (');
    expect(table.stdout).toContain('\nclock (');
    expect(table.stdout).toContain('  pg  PostgreSQL · engine postgresql\n    hides        - PostgreSQL dialect errors');
    expect(table.stdout).toContain('  @aws-sdk/client-*  AWS service\n');
    expect(table.stdout).toMatch(/\n {2}ioredis-mock +→ ioredis \(Redis\)\n/);
    expect(table.stdout).toMatch(/\n {2}api\.stripe\.com +→ stripe \(Stripe API\)\n/);
    for (const entry of builtinCatalog) expect(table.stdout).toContain(`\n  ${entry.match}  `);
  });

  it('keeps the table within 100 columns and writes no colour when not on a terminal', () => {
    const widest = Math.max(...table.stdout.split('\n').map((line) => [...line].length));
    expect(widest).toBeLessThanOrEqual(100);
    expect(table.stdout).not.toMatch(/\u001b\[/);
  });

  it('colours only when asked, never with NO_COLOR or --no-color', async () => {
    const [forced, noColor, flag] = await Promise.all([
      runCli(['catalog'], { env: { FORCE_COLOR: '1' } }),
      runCli(['catalog'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }),
      runCli(['catalog', '--no-color'], { env: { FORCE_COLOR: '1' } }),
    ]);
    expect(forced.stdout).toMatch(/\u001b\[/);
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
    expect(flag.stdout).not.toMatch(/\u001b\[/);
  });

  it('prints versioned JSON, sorted by kind then match, the same as the library listing', () => {
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { schemaVersion: number; entries: ListedEntry[]; fakeLibraries: unknown[]; hosts: unknown[] };
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.entries.length).toBe(builtinCatalog.length);
    expect(parsed.entries.map((e) => e.match)).toEqual([...builtinCatalog].sort(compareEntries).map((e) => e.match));
    expect(parsed.entries.find((e) => e.match === 'pg')).toMatchObject({ kind: 'database', system: 'PostgreSQL', engine: 'postgresql' });
    expect(Object.keys(parsed.entries.find((e) => e.match === 'axios')!)).toEqual(['match', 'kind', 'system', 'hides', 'alternative']);
    expect(parsed.fakeLibraries.length).toBeGreaterThan(0);
    expect(parsed.hosts.length).toBeGreaterThan(0);
    expect(json.stdout).toBe(formatCatalogJson(catalogListing()));
  });

  it('rejects an unknown format with exit code 2', async () => {
    const run = await runCli(['catalog', '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'xml' is invalid");
  });

  it('stops quietly when the reader closes the pipe early (test-audit catalog | head)', async () => {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [binary, 'catalog'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let errors = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
      // Closed before the first write, so the write meets a closed pipe whatever the timing.
      child.stdout.destroy();
      child.on('error', reject);
      child.on('close', (exit) => resolve({ code: exit, stderr: errors }));
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
