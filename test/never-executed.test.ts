/**
 * test-audit never runs code from the repository it audits. Every JavaScript and TypeScript file
 * of fixtures/hostile/never-executed writes a marker file the moment it runs; the audit must leave
 * no marker. The first test proves the trap works: each file, run by Node, does leave its marker.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ts } from 'ts-morph';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './support/cli.js';

const fixture = join(repoRoot, 'fixtures/hostile/never-executed');

async function sourceFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await sourceFiles(dir, path)));
    else if (/\.[cm]?[jt]sx?$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

const markerOf = (path: string): string => `executed-${path.replaceAll('/', '__')}`;

describe('the audited code is never executed', () => {
  let markers: string;
  beforeEach(async () => {
    markers = await mkdtemp(join(tmpdir(), 'test-audit-markers-'));
  });
  afterEach(() => rm(markers, { recursive: true, force: true }));

  it('the trap works: every JS/TS file of the fixture, run by Node, leaves its marker', async () => {
    const files = await sourceFiles(fixture);
    expect(files.length).toBeGreaterThanOrEqual(25);
    const scratch = await mkdtemp(join(tmpdir(), 'test-audit-run-'));
    try {
      for (const path of files) {
        // Node 20 runs neither TypeScript nor JSX: transpile to CommonJS, which also runs the marker
        // before any import that cannot resolve here.
        const source = await readFile(join(fixture, path), 'utf8');
        const { outputText } = ts.transpileModule(source, {
          // .mjs/.cjs would pin the module format; the neutral extension lets it become CommonJS.
          fileName: path.replace(/\.[cm]([jt]s)$/, '.$1'),
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.React },
        });
        const script = join(scratch, `${markerOf(path)}.cjs`);
        await writeFile(script, outputText);
        spawnSync(process.execPath, [script], { env: { ...process.env, TEST_AUDIT_MARKER_DIR: markers }, stdio: 'ignore' });
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    expect((await readdir(markers)).sort()).toEqual(files.map(markerOf).sort());
  });

  it('a full audit reads the configs, setup files and tests, and leaves no marker', async () => {
    const json = await runCli([fixture, '--format', 'json'], { env: { TEST_AUDIT_MARKER_DIR: markers } });
    const table = await runCli([fixture], { env: { TEST_AUDIT_MARKER_DIR: markers } });
    const rules = await runCli(['rules'], { cwd: fixture, env: { TEST_AUDIT_MARKER_DIR: markers } });
    expect([json.stderr, table.stderr, rules.stderr]).toEqual(['', '', '']);
    expect(await readdir(markers)).toEqual([]);

    // The configs were read, as syntax: setup files named only in jest and vitest configs are
    // audited, and the knexfile's engines were taken from it.
    const report = JSON.parse(json.stdout) as { files: { path: string; role: string }[]; findings: { ruleId: string; path: string }[] };
    expect(report.files.filter((f) => f.role === 'support').map((f) => f.path)).toEqual([
      'test/global-setup.js',
      'test/helpers/orders.ts',
      'test/setup-after-env.ts',
      'test/setup.js',
      'test/vitest-setup.ts',
    ]);
    expect(report.findings.some((f) => f.ruleId === 'sqlite-for-postgres' && f.path === 'knexfile.js')).toBe(true);
    expect(json.code).toBe(1);
  });
});
