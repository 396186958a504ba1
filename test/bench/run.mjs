// `npm run bench`: speed and memory of test-audit against two references on the same generated
// test files. The floor lists and parses the files and nothing else; ESLint with eslint-plugin-jest
// is the linter a team would otherwise run over its tests. Every run starts each contender as its
// own `node` process, in turn (floor, test-audit, eslint, floor, …), so drift in a noisy machine
// hits all three alike; figures are medians. Nothing here is a hard-coded result: what is printed
// was measured in this run, and everything (raw runs too) goes to the --json file.
//
//   node test/bench/run.mjs [--sizes 2000,20000] [--runs N] [--only floor,floor-2t,test-audit,eslint]
//                           [--json bench-result.json] [--keep] [--bin path/to/test-audit.js]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureNode, nodeArgs } from './child.mjs';
import { cachedCorpus, GENERATOR_VERSION } from './generate-corpus.mjs';
import { TEST_FILE_GLOB } from './floor.mjs';
import { benchOptions } from './options.mjs';
import { printReport } from './print.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const require = createRequire(import.meta.url);
const versionOf = (pkg) => require(`${pkg}/package.json`).version;

const USAGE = 'usage: node test/bench/run.mjs [--sizes 2000,20000] [--runs N] [--only floor,floor-2t,test-audit,eslint] [--json file] [--keep] [--bin file]';
const options = benchOptions(
  USAGE,
  {
    sizes: { type: 'string', default: '2000,20000' },
    runs: { type: 'string' },
    only: { type: 'string', default: 'floor,floor-2t,test-audit,eslint' },
  },
  'bench-result.json',
);
const sizes = options.sizes.split(',').map(Number);
const only = options.only.split(',');
const fixedRuns = options.runs === undefined ? undefined : Number(options.runs);
const runsFor = (size) => fixedRuns ?? (size >= 20_000 ? 1 : 3);
const testAuditBin = resolve(options.bin);

const CONTENDERS = {
  floor: {
    does: `lists the test files (globby), reads each, parses it with ts.createSourceFile (TypeScript ${require('ts-morph').ts.version} as ts-morph bundles it: its compiler file alone, loaded by a plain require, no code cache; same options as test-audit) and visits every node; one thread`,
    args: () => [join(HERE, 'floor.mjs'), '.'],
    okCodes: [0],
    read: (run) => ({ files: JSON.parse(run.stdout).files }),
  },
  'floor-2t': {
    does: 'the floor spread over two worker threads (each parses every other file; the main thread only lists): what running the parse in parallel can win on this machine, the case for or against a --jobs option',
    args: () => [join(HERE, 'floor.mjs'), '.', '--threads', '2'],
    okCodes: [0],
    read: (run) => ({ files: JSON.parse(run.stdout).files }),
  },
  'test-audit': {
    does: `test-audit ${JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version}: the whole audit (discovery, package contexts, one walk per file, rules, JSON report); TypeScript loaded with its V8 code cache`,
    args: (out) => [testAuditBin, '.', '--format', 'json', '-o', out],
    okCodes: [0, 1],
    read: (_run, out) => {
      const report = JSON.parse(readFileSync(out, 'utf8'));
      const paths = report.files.filter((f) => f.role === 'test').map((f) => f.path);
      return { files: paths.length, paths, findings: report.summary.findings.total, parseErrors: report.summary.errors };
    },
  },
  eslint: {
    does: `ESLint ${versionOf('eslint')}, @typescript-eslint/parser ${versionOf('@typescript-eslint/parser')} (no type information), eslint-plugin-jest ${versionOf('eslint-plugin-jest')} flat/recommended + flat/style; no cache, one thread, JSON report`,
    args: (out) => [join(REPO, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--config', join(HERE, 'eslint.config.mjs'), '--format', 'json', '-o', out, TEST_FILE_GLOB],
    okCodes: [0, 1],
    read: (_run, out, corpus) => {
      const results = JSON.parse(readFileSync(out, 'utf8'));
      const root = realpathSync(corpus);
      const paths = results.map((r) => relative(root, realpathSync(r.filePath)).split(sep).join('/'));
      const findings = results.reduce((sum, r) => sum + r.messages.length, 0);
      return { files: paths.length, paths, findings, parseErrors: results.filter((r) => r.messages.some((m) => m.fatal)).length };
    },
  },
};

if (sizes.some((s) => !Number.isInteger(s) || s < 1) || (fixedRuns !== undefined && !(fixedRuns >= 1)) || only.some((c) => !Object.hasOwn(CONTENDERS, c))) {
  console.error(USAGE);
  process.exit(2);
}

const scratch = mkdtempSync(join(os.tmpdir(), 'test-audit-bench-out-'));
const corpora = [];
const failures = [];
const progress = (line) => process.stderr.write(`${line}\n`);

/** One measured run of a contender in `dir`; the report file is read for its file list, then dropped. */
async function run(name, dir, { extraArgs = [], env = {}, keepReport = false } = {}) {
  const contender = CONTENDERS[name];
  const out = join(scratch, `${name}.json`);
  const measured = await measureNode([...contender.args(out), ...extraArgs], { cwd: dir, env, okCodes: contender.okCodes });
  const { stdout, stderr, ...figures } = measured;
  const output = contender.read(measured, out, dir);
  const report = keepReport ? readFileSync(out) : undefined;
  rmSync(out, { force: true });
  return { contender: name, ...figures, output, report };
}

/** A cached corpus (see cachedCorpus), removed at the end unless --keep. */
function corpusFor(size, options = {}) {
  const corpus = cachedCorpus(size, { ...options, onGenerate: (dir) => progress(`generating ${dir}`) });
  corpora.push(corpus.dir);
  return corpus;
}

/** Reads every file once, so no contender is the one that pays for a cold page cache. */
function readAll(dir) {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) readFileSync(join(entry.parentPath ?? entry.path, entry.name));
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const stat = (values) => ({ median: median(values), min: Math.min(...values) });

function summarise(runs, files) {
  const wall = stat(runs.map((r) => r.wallMs));
  return {
    runs: runs.length,
    wallMs: wall,
    cpuMs: stat(runs.map((r) => r.cpuMs)),
    peakRssMB: stat(runs.map((r) => r.peakRssMB)),
    filesPerSecond: files / (wall.median / 1000),
  };
}

/** Every contender must have read exactly the corpus's test files, or the comparison means nothing. */
function checkSameFiles(corpus, round) {
  const counts = round.map((r) => `${r.contender} ${r.output.files}`).join(', ');
  if (round.some((r) => r.output.files !== corpus.files)) {
    throw new Error(`file counts differ on the ${corpus.files}-file corpus (${counts}): the contenders did not read the same files`);
  }
  const lists = round.filter((r) => r.output.paths).map((r) => ({ name: r.contender, paths: new Set(r.output.paths) }));
  for (const other of lists.slice(1)) {
    const missing = [...lists[0].paths].filter((p) => !other.paths.has(p));
    if (missing.length) throw new Error(`${other.name} did not read ${missing.length} file(s) ${lists[0].name} read, e.g. ${missing.slice(0, 3).join(', ')}`);
  }
  return counts;
}

async function measureSize(size) {
  const corpus = corpusFor(size);
  readAll(corpus.dir);
  const runs = [];
  const count = runsFor(size);
  for (let i = 1; i <= count; i++) {
    const round = [];
    for (const name of only) {
      const result = await run(name, corpus.dir);
      progress(`${size} files, run ${i}/${count}: ${name} ${(result.wallMs / 1000).toFixed(2)} s`);
      round.push({ ...result, run: i });
    }
    const counts = checkSameFiles(corpus, round);
    if (i === 1) progress(`${size} files: files read per contender: ${counts}`);
    runs.push(...round.map(strip));
  }
  const summary = Object.fromEntries(only.map((name) => [name, summarise(runs.filter((r) => r.contender === name), corpus.files)]));
  const ratio = (a, b) => summary[a] && summary[b] && { wall: summary[a].wallMs.median / summary[b].wallMs.median, cpu: summary[a].cpuMs.median / summary[b].cpuMs.median };
  return {
    size,
    corpus,
    commands: Object.fromEntries(only.map((name) => [name, commandLine(name, corpus.dir)])),
    runs,
    summary,
    ratios: { testAuditOverFloor: ratio('test-audit', 'floor'), eslintOverTestAudit: ratio('eslint', 'test-audit'), twoThreadsOverFloor: ratio('floor-2t', 'floor') },
  };
}

function commandLine(name, dir, extraArgs = []) {
  const quote = (arg) => (/^[\w./=:@,+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`);
  return `cd ${quote(dir)} && node ${[...nodeArgs(CONTENDERS[name].args(join(scratch, `${name}.json`))), ...extraArgs].map(quote).join(' ')}`;
}

/** One typical test file (about the corpora's median length, 75 lines) in its package: start-up dominates. */
async function measureOneFile() {
  const corpus = corpusFor(1, { name: 'one-file', accept: (info) => info.lines >= 70 && info.lines <= 85 });
  readAll(corpus.dir);
  // An empty temp folder: the first run finds no code cache, as on a fresh install.
  const fresh = mkdtempSync(join(scratch, 'tmp-'));
  const cold = await run('test-audit', corpus.dir, { env: { TMPDIR: fresh, TEMP: fresh, TMP: fresh } });
  const warmUp = await run('test-audit', corpus.dir);
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push(await run('test-audit', corpus.dir));
  progress(`one file: cold ${(cold.wallMs / 1000).toFixed(2)} s, warm median ${(median(warm.map((r) => r.wallMs)) / 1000).toFixed(2)} s`);
  return { corpus, command: commandLine('test-audit', corpus.dir), cold: strip(cold), warmUp: strip(warmUp), warm: warm.map(strip), summary: summarise(warm, 1) };
}

/** `--cache`: a cold run on a fresh cache, then a warm re-run on the unchanged corpus; same report. */
async function measureCache(help, corpus) {
  const location = /--cache-(?:location|dir|directory|path)(?![\w-])/.exec(help)?.[0];
  const takesValue = /--cache\s+[<[]/.test(help);
  const pairs = [];
  for (let i = 0; i < runsFor(corpus.files); i++) {
    const dir = mkdtempSync(join(scratch, 'cache-'));
    const extraArgs = location ? ['--cache', location, dir] : takesValue ? [`--cache=${dir}`] : ['--cache'];
    const env = location || takesValue ? {} : { XDG_CACHE_HOME: dir };
    const cold = await run('test-audit', corpus.dir, { extraArgs, env, keepReport: true });
    const warm = await run('test-audit', corpus.dir, { extraArgs, env, keepReport: true });
    progress(`--cache: cold ${(cold.wallMs / 1000).toFixed(2)} s, warm ${(warm.wallMs / 1000).toFixed(2)} s`);
    pairs.push({ cold, warm, identical: cold.report.equals(warm.report) });
  }
  const cold = summarise(pairs.map((p) => p.cold), corpus.files);
  const warm = summarise(pairs.map((p) => p.warm), corpus.files);
  return {
    available: true,
    files: corpus.files,
    cacheLocation: location || takesValue ? 'a fresh folder per cold run, given on the command line' : 'not settable from --help: a fresh XDG_CACHE_HOME per cold run (a cache kept elsewhere would make "cold" warm)',
    command: commandLine('test-audit', corpus.dir, location ? ['--cache', location, '<fresh folder>'] : takesValue ? ['--cache=<fresh folder>'] : ['--cache']),
    cold,
    warm,
    speedup: cold.wallMs.median / warm.wallMs.median,
    identical: pairs.every((p) => p.identical),
    runs: pairs.map((p) => ({ cold: strip(p.cold), warm: strip(p.warm), identical: p.identical })),
  };
}

/**
 * `--jobs 0` (everything on one thread) against `--jobs 2` (two parsing workers), alternating, on
 * one corpus; the two reports must be the same. The default (auto) is what the main table ran.
 */
async function measureJobs(corpus) {
  const runs = [];
  let identical = true;
  for (let i = 0; i < runsFor(corpus.files); i++) {
    const [one, two] = [await run('test-audit', corpus.dir, { extraArgs: ['--jobs', '0'], keepReport: true }), await run('test-audit', corpus.dir, { extraArgs: ['--jobs', '2'], keepReport: true })];
    progress(`--jobs on ${corpus.files} files: 0 → ${(one.wallMs / 1000).toFixed(2)} s, 2 → ${(two.wallMs / 1000).toFixed(2)} s`);
    identical &&= one.report.equals(two.report);
    runs.push({ ...strip(one), jobs: 0 }, { ...strip(two), jobs: 2 });
  }
  const single = summarise(runs.filter((r) => r.jobs === 0), corpus.files);
  const workers = summarise(runs.filter((r) => r.jobs === 2), corpus.files);
  return { files: corpus.files, command: commandLine('test-audit', corpus.dir, ['--jobs', '2']), single, workers, speedup: single.wallMs.median / workers.wallMs.median, identical, runs };
}

/** A run as recorded: without the report bytes and file lists, kept only for comparisons. */
const strip = ({ report, output: { paths, ...output }, ...rest }) => ({ ...rest, output });

function targetsOf(result) {
  const targets = [];
  const add = (name, value, unit, target, met) => targets.push({ name, value, unit, target, met });
  for (const s of result.sizes) {
    const { testAuditOverFloor: overFloor, eslintOverTestAudit: eslintOver } = s.ratios;
    if (overFloor) add(`test-audit / floor, wall, ${s.size} files`, overFloor.wall, '×', '≤ 1.5×', overFloor.wall <= 1.5);
    if (eslintOver) add(`eslint / test-audit, wall, ${s.size} files`, eslintOver.wall, '×', '≥ 6×', eslintOver.wall >= 6);
  }
  const audited = result.sizes.filter((s) => s.summary['test-audit']).sort((a, b) => a.size - b.size);
  const at = (size) => audited.find((s) => s.size === size)?.summary['test-audit'];
  if (at(2000)) add('test-audit peak RSS, 2000 files', at(2000).peakRssMB.median, 'MB', '≤ 250 MB', at(2000).peakRssMB.median <= 250);
  if (audited.length > 1) {
    const [small, large] = [audited[0], audited.at(-1)];
    const scale = large.size / small.size;
    const time = large.summary['test-audit'].wallMs.median / small.summary['test-audit'].wallMs.median;
    const rss = large.summary['test-audit'].peakRssMB.median / small.summary['test-audit'].peakRssMB.median;
    // 10.5× for 10× the files: linear, with 5% slack for the noise of a single large run.
    add(`test-audit wall, ${large.size} / ${small.size} files`, time, '×', `≤ ${(scale * 1.05).toFixed(1)}×`, time <= scale * 1.05);
    // "Not growing": memory bounded by the largest file, not the corpus; 20% slack for GC timing.
    add(`test-audit peak RSS, ${large.size} / ${small.size} files (not growing)`, rss, '×', '≤ 1.2×', rss <= 1.2);
  }
  if (result.oneFile) add('one-file audit, warm median', result.oneFile.summary.wallMs.median / 1000, 's', '< 0.6 s', result.oneFile.summary.wallMs.median < 600);
  if (result.cache?.available) {
    add(`--cache warm re-run speed-up, ${result.cache.files} files`, result.cache.speedup, '×', '≥ 5×', result.cache.speedup >= 5);
    add('--cache cold and warm reports byte-identical', result.cache.identical ? 1 : 0, '', 'identical', result.cache.identical);
  }
  // The same on one thread at both sizes: worker threads add a fixed amount from 10,000 test files
  // (--jobs auto), which the line above counts as growth.
  const single = (result.jobs?.sizes ?? []).slice().sort((a, b) => a.files - b.files);
  if (single.length > 1) {
    const [small, large] = [single[0], single.at(-1)];
    const rss = large.single.peakRssMB.median / small.single.peakRssMB.median;
    add(`test-audit peak RSS, --jobs 0, ${large.files} / ${small.files} files (not growing)`, rss, '×', '≤ 1.2×', rss <= 1.2);
  }
  for (const j of result.jobs?.sizes ?? []) add(`--jobs 0 and --jobs 2 reports byte-identical, ${j.files} files`, j.identical ? 1 : 0, '', 'identical', j.identical);
  return targets;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: loadAverage(),
    // Half the cores already busy elsewhere: every contender shares the CPU with strangers.
    busy: os.loadavg()[0] > cpus.length / 2,
  };
}

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

function commit() {
  try {
    const hash = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO, encoding: 'utf8' }).trim() !== '';
    return { hash, dirty };
  } catch {
    return { hash: 'unknown', dirty: false };
  }
}

async function main() {
  const result = {
    date: new Date().toISOString(),
    commit: commit(),
    machine: machine(),
    command: `node test/bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    options: { sizes, runs: Object.fromEntries(sizes.map((s) => [s, runsFor(s)])), only, bin: testAuditBin },
    generatorVersion: GENERATOR_VERSION,
    contenders: Object.fromEntries(only.map((name) => [name, CONTENDERS[name].does])),
    method:
      'Each contender is a separate node process started in the corpus folder, in turn within every run (alternation), after the corpus files were read once (warm page cache). Wall time from spawn to exit, measured by the harness; CPU time (user + system) and peak RSS from process.resourceUsage() at exit, written by the preload test/bench/measure.mjs (node --import). Figures are medians (and minima) over the runs.',
  };
  const audits = only.includes('test-audit');
  const help = audits ? spawnSync(process.execPath, [testAuditBin, '--help'], { encoding: 'utf8' }).stdout : '';
  if (audits) result.oneFile = await measureOneFile();
  result.sizes = [];
  for (const size of sizes) result.sizes.push(await measureSize(size));
  if (audits) {
    const base = (result.sizes.find((s) => s.size === 2000) ?? [...result.sizes].sort((a, b) => a.size - b.size)[0]).corpus;
    result.cache = /--cache(?![\w-])/.test(help) ? await measureCache(help, base) : { available: false };
    result.jobs = { available: /--jobs(?![\w-])/.test(help), sizes: [] };
    if (result.jobs.available) for (const s of result.sizes) result.jobs.sizes.push(await measureJobs(s.corpus));
  }
  result.machine.loadAverageAtEnd = loadAverage();
  result.targets = targetsOf(result);
  if (result.cache?.available && !result.cache.identical) failures.push('--cache: the warm report differs from the cold one');
  for (const j of result.jobs?.sizes ?? []) if (!j.identical) failures.push(`--jobs: the --jobs 2 report differs from --jobs 0 on ${j.files} files`);
  result.failures = failures;
  mkdirSync(dirname(resolve(options.json)), { recursive: true });
  writeFileSync(options.json, `${JSON.stringify(result, null, 2)}\n`);
  printReport(result, options.json);
}

try {
  await main();
} catch (error) {
  failures.push(error.message);
} finally {
  rmSync(scratch, { recursive: true, force: true });
  if (!options.keep) for (const dir of corpora) rmSync(dir, { recursive: true, force: true });
}
if (failures.length) {
  for (const failure of failures) console.error(`bench: FAILED: ${failure}`);
  process.exitCode = 1;
}
