/**
 * The benchmark harness runs end to end at a tiny size and writes a result of the expected shape.
 * No timing is asserted here: speed targets live in the benchmark's own report.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';

let scratch: string | undefined;

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Runs a benchmark script in its own temp folder: its corpora and scratch files never meet a real run's. */
function runScript(args: readonly string[], temp: string): Promise<string> {
  const env = { ...process.env, TMPDIR: temp, TEMP: temp, TMP: temp };
  return new Promise<string>((resolve, reject) => {
    execFile(process.execPath, args, { cwd: repoRoot, env }, (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)));
  });
}

interface Figures {
  median: number;
  min: number;
}

it('npm run bench measures the floor, the floor on two threads, test-audit and its --jobs on the same files and writes the JSON result', async () => {
  scratch = await mkdtemp(join(tmpdir(), 'test-audit-bench-test-'));
  const json = join(scratch, 'result.json');
  const stdout = await runScript(['test/bench/run.mjs', '--sizes', '20', '--runs', '1', '--only', 'floor,floor-2t,test-audit', '--json', json], scratch);

  expect(stdout).toContain('Targets');
  expect(stdout).toContain('--cache');
  const result = JSON.parse(await readFile(json, 'utf8'));
  expect(result.failures).toEqual([]);
  expect(result.machine.cores).toBeGreaterThan(0);
  expect(result.sizes).toHaveLength(1);
  const [size] = result.sizes;
  expect(size.corpus.files).toBe(20);
  expect(Object.keys(size.summary)).toEqual(['floor', 'floor-2t', 'test-audit']);
  expect(size.runs.map((r: { contender: string }) => r.contender)).toEqual(['floor', 'floor-2t', 'test-audit']);
  for (const run of size.runs) {
    expect(run.output.files).toBe(20);
    expect(run.wallMs).toBeGreaterThan(0);
    expect(run.cpuMs).toBeGreaterThan(0);
    expect(run.peakRssMB).toBeGreaterThan(10);
  }
  for (const figures of Object.values(size.summary) as { wallMs: Figures; filesPerSecond: number }[]) {
    expect(figures.wallMs.min).toBeLessThanOrEqual(figures.wallMs.median);
    expect(figures.filesPerSecond).toBeGreaterThan(0);
  }
  expect(size.ratios.testAuditOverFloor.wall).toBeGreaterThan(0);
  expect(size.ratios.twoThreadsOverFloor.wall).toBeGreaterThan(0);
  // --jobs: one thread against two workers on the same files, with the same report.
  expect(result.jobs.available).toBe(true);
  expect(result.jobs.sizes).toHaveLength(1);
  expect(result.jobs.sizes[0].identical).toBe(true);
  expect(result.jobs.sizes[0].single.wallMs.median).toBeGreaterThan(0);
  expect(result.jobs.sizes[0].workers.wallMs.median).toBeGreaterThan(0);
  expect(stdout).toContain('--jobs on 20 files');
  expect(result.oneFile.warm).toHaveLength(5);
  expect(result.oneFile.cold.output.files).toBe(1);
  expect(result.targets.map((t: { name: string }) => t.name)).toContain('one-file audit, warm median');
  for (const target of result.targets) expect(typeof target.met).toBe('boolean');
});

const hasValgrind = spawnSync('valgrind', ['--version']).status === 0;

// Needs valgrind (a Debian package); where it is missing the harness says so and this is skipped.
it.skipIf(!hasValgrind)('npm run bench:count counts the instructions of the floor and of test-audit on the same files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'test-audit-count-test-'));
  try {
    const json = join(dir, 'count.json');
    const stdout = await runScript(['test/bench/count.mjs', '--size', '3', '--runs', '1', '--json', json], dir);
    expect(stdout).toContain('instructions on 3 generated test files');
    const result = JSON.parse(await readFile(json, 'utf8'));
    expect(result.files).toBe(3);
    for (const name of ['floor', 'test-audit']) {
      expect(result.runs[name]).toHaveLength(1);
      expect(Number.isInteger(result.runs[name][0])).toBe(true);
      // Node's start-up alone executes hundreds of millions of instructions.
      expect(result.runs[name][0]).toBeGreaterThan(1e8);
    }
    expect(result.ratio).toBeCloseTo(result.runs['test-audit'][0] / result.runs.floor[0], 10);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 600_000);
