// The benchmark's report on stdout: the machine, what each contender does and the exact commands,
// a table per corpus size, the extra measurements, and each target marked met or not met.
const seconds = (ms) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const mb = (value) => `${Math.round(value)} MB`;
const times = (value) => `${value.toFixed(2)}×`;
const count = (value) => Math.round(value).toLocaleString('en-US');

/** Columns padded to their widest cell; every column but the first right-aligned. */
function table(rows, indent = '  ') {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  return rows.map((row) => indent + row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ')).join('\n');
}

function sizeSection(s) {
  const c = s.corpus;
  const lines = [`${count(c.files)} test files · ${count(c.lines)} lines · ${c.packages} package${c.packages === 1 ? '' : 's'} · ${s.runs.length / Object.keys(s.summary).length} run(s) each · ${c.dir} (${c.reused ? 'reused' : 'generated'})`];
  const rows = [['', 'wall median', 'wall min', 'CPU median', 'CPU min', 'peak RSS median', 'RSS min', 'files/s']];
  for (const [name, m] of Object.entries(s.summary)) {
    rows.push([name, seconds(m.wallMs.median), seconds(m.wallMs.min), seconds(m.cpuMs.median), seconds(m.cpuMs.min), mb(m.peakRssMB.median), mb(m.peakRssMB.min), count(m.filesPerSecond)]);
  }
  lines.push(table(rows));
  const ratios = [];
  if (s.ratios.testAuditOverFloor) ratios.push(`test-audit / floor ${times(s.ratios.testAuditOverFloor.wall)} wall, ${times(s.ratios.testAuditOverFloor.cpu)} CPU`);
  if (s.ratios.eslintOverTestAudit) ratios.push(`eslint / test-audit ${times(s.ratios.eslintOverTestAudit.wall)} wall, ${times(s.ratios.eslintOverTestAudit.cpu)} CPU`);
  if (s.ratios.twoThreadsOverFloor) ratios.push(`floor on 2 threads / floor ${times(s.ratios.twoThreadsOverFloor.wall)} wall, ${times(s.ratios.twoThreadsOverFloor.cpu)} CPU`);
  if (ratios.length) lines.push(`  ${ratios.join(' · ')}`);
  const last = Object.keys(s.summary).map((name) => s.runs.findLast((r) => r.contender === name));
  const output = (r) => `${r.contender} ${r.output.files}${r.output.findings === undefined ? '' : ` (${r.output.findings} ${r.contender === 'eslint' ? 'problems' : 'findings'}, ${r.output.parseErrors} unparsed)`}`;
  lines.push(`  files read: ${last.map(output).join(', ')}`);
  lines.push('  commands:', ...Object.entries(s.commands).map(([name, command]) => `    ${name.padEnd(10)}  ${command}`));
  return lines.join('\n');
}

function extras(result) {
  const lines = [];
  const one = result.oneFile;
  if (one) {
    lines.push(
      `One-file audit (1 test file of ${one.corpus.lines} lines, in its package): cold ${seconds(one.cold.wallMs)} (empty code cache), ` +
        `warm median ${seconds(one.summary.wallMs.median)}, min ${seconds(one.summary.wallMs.min)} (${one.warm.length} runs after 1 warm-up), peak RSS ${mb(one.summary.peakRssMB.median)}`,
      `  command: ${one.command}`,
    );
  }
  if (result.cache) {
    const c = result.cache;
    lines.push(
      c.available
        ? `--cache on ${count(c.files)} files: cold median ${seconds(c.cold.wallMs.median)}, warm median ${seconds(c.warm.wallMs.median)} → ${times(c.speedup)}; reports ${c.identical ? 'byte-identical' : 'DIFFER'}; cache: ${c.cacheLocation}`
        : '--cache: not available in this build',
    );
  }
  if (result.jobs) {
    const j = result.jobs;
    if (!j.available) lines.push('--jobs: not available in this build');
    for (const size of j.sizes ?? []) {
      lines.push(
        `--jobs on ${count(size.files)} files: --jobs 0 median ${seconds(size.single.wallMs.median)} (${mb(size.single.peakRssMB.median)}), --jobs 2 median ${seconds(size.workers.wallMs.median)} (${mb(size.workers.peakRssMB.median)}) → ${times(size.speedup)}; reports ${size.identical ? 'byte-identical' : 'DIFFER'} (RSS: the main process and its threads)`,
      );
    }
  }
  return lines.join('\n');
}

export function printReport(result, jsonPath) {
  const m = result.machine;
  const format = (t) => (t.unit === '×' ? times(t.value) : t.unit === 'MB' ? mb(t.value) : t.unit === 's' ? `${t.value.toFixed(2)} s` : t.met ? 'yes' : 'no');
  const out = [
    `test-audit benchmark · ${result.date} · commit ${result.commit.hash.slice(0, 12)}${result.commit.dirty ? ' (with uncommitted changes)' : ''}`,
    `Machine: ${m.cpu} · ${m.cores} cores · ${m.ramGB} GB RAM · Node ${m.node} · ${m.os} · load average ${m.loadAverageAtStart.join(' ')} at start, ${m.loadAverageAtEnd.join(' ')} at end`,
    ...(m.busy ? [`WARNING: the machine was busy before the run started (load average ${m.loadAverageAtStart[0]} on ${m.cores} cores): other processes competed for the CPU, so wall times are inflated and noisy; CPU times and CPU ratios are the steadier comparison.`] : []),
    '',
    'Contenders (each a separate node process; every run starts them in turn, in this order):',
    ...Object.entries(result.contenders).map(([name, does]) => `  ${name.padEnd(10)}  ${does}`),
    `How: ${result.method}`,
    '',
    ...result.sizes.flatMap((s) => [sizeSection(s), '']),
    extras(result),
    '',
    'Targets',
    result.targets.length ? table(result.targets.map((t) => [t.name, format(t), `target ${t.target}`, t.met ? 'met' : 'NOT MET'])) : '  none measured with these options',
    '',
    `Re-run: npm run bench -- ${process.argv.slice(2).join(' ') || '(defaults: --sizes 2000,20000)'} · raw runs and all figures: ${jsonPath}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
