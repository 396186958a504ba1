// `npm run bench:count`: how many machine instructions the floor and test-audit execute on the same
// generated test files, counted by valgrind (cachegrind, no cache simulation). Wall time on a shared
// VM drifts by ±20% between runs; an instruction count does not, so a change of 1% can be told from
// noise. It is a companion of `npm run bench`, not a replacement: it counts work, not waiting on
// memory, and valgrind runs everything on one core.
//
// V8 is made deterministic for the count: no background threads (JIT compilation and GC run on the
// main thread, and are counted), fixed hash and random seeds, no address randomisation. TypeScript's
// code cache lives in a private folder, filled by an uncounted audit of one file, so every counted
// run loads it the same way. Each contender's spread between runs is printed: under 0.5% here.
//
//   node test/bench/count.mjs [--size 2000] [--runs 2] [--json count-result.json] [--keep] [--bin path/to/test-audit.js]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedCorpus } from './generate-corpus.mjs';
import { benchOptions } from './options.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const USAGE = 'usage: node test/bench/count.mjs [--size 2000] [--runs 2] [--json count-result.json] [--keep] [--bin path/to/test-audit.js]';
const options = benchOptions(USAGE, { size: { type: 'string', default: '2000' }, runs: { type: 'string', default: '2' } }, 'count-result.json');
const size = Number(options.size);
const runs = Number(options.runs);
if (!Number.isInteger(size) || size < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error(USAGE);
  process.exit(2);
}
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('bench:count needs valgrind (Debian: apt-get install valgrind)');
  process.exit(2);
}

const V8_DETERMINISTIC = ['--predictable', '--single-threaded', '--hash-seed=1', '--random-seed=1'];
const scratch = mkdtempSync(join(os.tmpdir(), 'test-audit-count-'));
const codeCache = join(scratch, 'tmp');
mkdirSync(codeCache);

/** Instructions executed by `node <args>` in `cwd`, as cachegrind counts them. */
function count(args, cwd) {
  const valgrind = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null'];
  const run = spawnSync('setarch', ['-R', 'valgrind', ...valgrind, process.execPath, ...V8_DETERMINISTIC, ...args], {
    cwd,
    env: { ...process.env, TMPDIR: codeCache, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr ?? '');
  if (!refs || run.status === null || run.status > 1) throw new Error(`counting ${args.join(' ')} failed (exit ${run.status}):\n${run.stderr?.slice(-2000)}`);
  return Number(refs[1].replaceAll(',', ''));
}

const corpus = cachedCorpus(size, { onGenerate: (dir) => process.stderr.write(`generating ${dir}\n`) });
const report = join(scratch, 'report.json');
const contenders = {
  floor: [join(HERE, 'floor.mjs'), '.'],
  'test-audit': [resolve(options.bin), '.', '--format', 'json', '-o', report, '--jobs', '0'],
};
// Fills the private code cache with an audit of one small file; not counted.
const warm = join(scratch, 'warm');
mkdirSync(warm);
writeFileSync(join(warm, 'a.test.js'), "it('adds', () => { expect(1 + 1).toBe(2); });\n");
count([resolve(options.bin), '.', '--format', 'json', '-o', report], warm);
const counts = { floor: [], 'test-audit': [] };
for (let run = 1; run <= runs; run++) {
  for (const [name, args] of Object.entries(contenders)) {
    process.stderr.write(`run ${run}/${runs}: ${name}\n`);
    counts[name].push(count(args, corpus.dir));
  }
}
rmSync(scratch, { recursive: true, force: true });
if (!options.keep) rmSync(corpus.dir, { recursive: true, force: true });

const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];
const floor = median(counts.floor);
const audit = median(counts['test-audit']);
const spread = (values) => (Math.max(...values) - Math.min(...values)) / median(values);
const giga = (n) => `${(n / 1e9).toFixed(3)} G`;
const percent = (n) => `${(n * 100).toFixed(2)}%`;
console.log(`instructions on ${corpus.files} generated test files (${corpus.lines} lines), ${runs} run(s) each, Node ${process.version}`);
console.log(`  floor       ${giga(floor)}   spread ${percent(spread(counts.floor))}`);
console.log(`  test-audit  ${giga(audit)}   spread ${percent(spread(counts['test-audit']))}   (--jobs 0)`);
console.log(`  test-audit / floor: ${(audit / floor).toFixed(3)}×`);
writeFileSync(
  options.json,
  `${JSON.stringify({ size, files: corpus.files, lines: corpus.lines, node: process.version, v8Flags: V8_DETERMINISTIC, runs: counts, ratio: audit / floor }, null, 2)}\n`,
);
console.log(`written ${options.json}`);
