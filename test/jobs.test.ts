/**
 * --jobs: files parsed on worker threads give the report a single thread gives, byte for byte,
 * bad files included; the automatic choice stays on one thread for ordinary repositories.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerCount } from '../src/scan.js';
import { repoRoot, runCli } from './support/cli.js';

let repo: string;

/** A test file that differs per index: its own doubles, assertions and shared state. */
function generatedTest(index: number): string {
  const boundary = ['pg', 'axios', 'ioredis', 'stripe', '@aws-sdk/client-s3'][index % 5]!;
  return [
    `import { handler${index} } from '../../src/handlers';`,
    `jest.mock('${boundary}');`,
    `let seen: number[] = [];`,
    `describe('handler ${index} (integration)', () => {`,
    `  beforeEach(() => { seen = []; });`,
    `  it('answers ${index}', async () => {`,
    `    const result = await handler${index}(${index});`,
    `    seen.push(${index});`,
    index % 3 === 0 ? `    expect(result.status).toBe(200);` : `    expect(result).toEqual({ id: ${index} });`,
    `  });`,
    index % 4 === 0 ? `  it('waits', async () => { await new Promise((r) => setTimeout(r, 500)); });` : '',
    `});`,
    '',
  ].join('\n');
}

beforeAll(async () => {
  // The demo repository, its bad neighbours (syntax errors, binary content, odd encodings) and
  // enough generated tests that several are parsed ahead of the one being analysed.
  repo = await mkdtemp(join(tmpdir(), 'test-audit-jobs-'));
  await cp(join(repoRoot, 'fixtures/ceremony-shop'), repo, { recursive: true });
  await cp(join(repoRoot, 'fixtures/hostile/syntax'), join(repo, 'hostile'), { recursive: true });
  await mkdir(join(repo, 'test/generated'), { recursive: true });
  for (let i = 0; i < 60; i++) await writeFile(join(repo, `test/generated/handler-${i}.test.ts`), generatedTest(i));
  await writeFile(join(repo, 'test/generated/binary.test.ts'), Buffer.from([0x69, 0x74, 0x00, 0x01, 0xff]));
  await writeFile(join(repo, 'test/generated/latin1.test.ts'), Buffer.from("it('caf\xe9', () => { expect(1).toBe(1); });\n", 'latin1'));
  await writeFile(join(repo, 'test/generated/deep.test.ts'), `it('deep', () => { expect(${'['.repeat(3000)}${']'.repeat(3000)}).toBeTruthy(); });\n`);
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('--jobs', () => {
  it('gives the single-thread report, byte for byte, with one and with two workers', async () => {
    const single = await runCli([repo, '--format', 'json', '--jobs', '0']);
    const report = JSON.parse(single.stdout) as { files: unknown[]; errors: { path: string }[]; findings: unknown[] };
    // The comparison means something: many files, bad ones listed, findings made.
    expect(report.files.length).toBeGreaterThan(60);
    expect(report.errors.map((e) => e.path)).toContain('test/generated/binary.test.ts');
    expect(report.findings.length).toBeGreaterThan(60);
    for (const jobs of ['1', '2']) {
      const parallel = await runCli([repo, '--format', 'json', '--jobs', jobs]);
      expect(parallel.stdout, `--jobs ${jobs}`).toBe(single.stdout);
      expect(parallel.code).toBe(single.code);
    }
  });

  it('gives the same table and the same cached report with workers', async () => {
    const single = await runCli([repo, '--jobs', '0']);
    const parallel = await runCli([repo, '--jobs', '2']);
    expect(parallel.stdout).toBe(single.stdout);
    const cacheLocation = join(repo, '.jobs-cache');
    const cold = await runCli([repo, '--format', 'json', '--jobs', '2', '--cache-location', cacheLocation]);
    const warm = await runCli([repo, '--format', 'json', '--jobs', '2', '--cache-location', cacheLocation]);
    const plain = await runCli([repo, '--format', 'json']);
    expect(cold.stdout).toBe(plain.stdout);
    expect(warm.stdout).toBe(plain.stdout);
  });

  it('refuses a value that is not a count of workers, as a usage error', async () => {
    for (const value of ['-1', 'many', '1.5', '65']) {
      const run = await runCli([repo, '--jobs', value]);
      expect(run.code, value).toBe(2);
      expect(run.stderr, value).toContain("option '--jobs <n>' argument");
      expect(run.stdout).toBe('');
    }
  });
});

describe('the automatic number of workers', () => {
  it('is none for ordinary repositories, and two on large ones when there is a second core', () => {
    expect(workerCount('auto', 1)).toBe(0);
    expect(workerCount('auto', 9_999)).toBe(0);
    expect(workerCount('auto', 20_000)).toBe(availableParallelism() >= 2 ? 2 : 0);
  });

  it('is what the user asked for otherwise', () => {
    expect(workerCount(0, 20_000)).toBe(0);
    expect(workerCount(3, 10)).toBe(3);
  });
});
