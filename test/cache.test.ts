/**
 * --cache: a re-run reuses what an earlier run found, and never changes a report. Each test works
 * on a copy of the demo repository and compares cached runs with uncached ones, byte for byte.
 */
import { cp, mkdtemp, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './support/cli.js';

let repo: string;
const cacheDir = (): string => join(repo, 'node_modules/.cache/test-audit');

async function modelFiles(): Promise<string[]> {
  const root = join(cacheDir(), 'models');
  const out: string[] = [];
  for (const shard of await readdir(root)) for (const name of await readdir(join(root, shard))) out.push(name);
  return out.sort();
}

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'test-audit-cache-'));
  await cp(join(repoRoot, 'fixtures/ceremony-shop'), repo, { recursive: true });
});

afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('--cache', () => {
  it('gives the uncached report on the first run, on a re-run and after a change, in every format', async () => {
    for (const format of ['json', 'table', 'sarif']) {
      const plain = await runCli([repo, '--format', format]);
      const cold = await runCli([repo, '--format', format, '--cache']);
      const warm = await runCli([repo, '--format', format, '--cache']);
      expect(cold.stdout, format).toBe(plain.stdout);
      expect(warm.stdout, format).toBe(plain.stdout);
      expect([cold.code, warm.code]).toEqual([plain.code, plain.code]);
    }
    await appendFile(join(repo, 'test/integration/checkout.integration.test.ts'), "\ntest('added later', () => { jest.mock('stripe'); });\n");
    const plain = await runCli([repo, '--format', 'json']);
    const cached = await runCli([repo, '--format', 'json', '--cache']);
    expect(cached.stdout).toBe(plain.stdout);
    expect(JSON.parse(cached.stdout).tests.some((t: { name: string }) => t.name.endsWith('added later'))).toBe(true);
  });

  it('answers an unchanged repository from the recorded run, without its models', async () => {
    const cold = await runCli([repo, '--format', 'json', '--cache']);
    await rm(join(cacheDir(), 'models'), { recursive: true });
    const warm = await runCli([repo, '--format', 'json', '--cache']);
    expect(warm.stdout).toBe(cold.stdout);
    await expect(readdir(join(cacheDir(), 'models'))).rejects.toThrow();
  });

  it('re-extracts only the file that changed, and forgets its old model', async () => {
    await runCli([repo, '--format', 'json', '--cache']);
    const before = await modelFiles();
    await appendFile(join(repo, 'test/integration/checkout.integration.test.ts'), '\n// a comment\n');
    await runCli([repo, '--format', 'json', '--cache']);
    const after = await modelFiles();
    expect(after.length).toBe(before.length);
    expect(after.filter((name) => !before.includes(name))).toHaveLength(1);
  });

  it('does not reuse a run made with other settings', async () => {
    await runCli([repo, '--format', 'json', '--cache']);
    const plain = await runCli([repo, '--format', 'json', '--fail-on', 'info']);
    const cached = await runCli([repo, '--format', 'json', '--fail-on', 'info', '--cache']);
    expect(cached.stdout).toBe(plain.stdout);
    await writeFile(join(repo, 'test-audit.config.json'), JSON.stringify({ rules: { 'mocked-dependency': 'off' } }));
    const configured = await runCli([repo, '--format', 'json']);
    const configuredCached = await runCli([repo, '--format', 'json', '--cache']);
    expect(configuredCached.stdout).toBe(configured.stdout);
    expect(configured.stdout).not.toBe(plain.stdout);
  });

  it('keeps working where the cache cannot be written or was tampered with', async () => {
    const plain = await runCli([repo, '--format', 'json']);
    const blocked = join(repo, 'not-a-folder');
    await writeFile(blocked, 'a file where the cache folder would go');
    const unwritable = await runCli([repo, '--format', 'json', '--cache-location', join(blocked, 'cache')]);
    expect(unwritable.stdout).toBe(plain.stdout);
    expect(unwritable.stderr).toBe('');
    await runCli([repo, '--format', 'json', '--cache']);
    await writeFile(join(cacheDir(), 'run-report.json'), '{"not": "the report"}');
    const tampered = await runCli([repo, '--format', 'json', '--cache']);
    expect(tampered.stdout).toBe(plain.stdout);
  });
});
