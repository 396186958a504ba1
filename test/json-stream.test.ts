/**
 * The JSON report has two writers' worth of sources: a result held in memory (when a run also
 * prints the table or writes SARIF/Markdown) and a report spilled to disk as the audit goes (JSON
 * only, so memory stays flat on huge repositories). Both must give the same bytes.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, auditSpilled } from '../src/audit.js';
import { baselineOf, formatBaseline } from '../src/engine/baseline.js';
import { formatJson, jsonChunks } from '../src/report/json.js';
import { repoRoot, runCli } from './support/cli.js';
import { scenarios } from './support/fixtures.js';

const shop = join(repoRoot, 'fixtures/ceremony-shop');

describe('a spilled report', () => {
  it('gives the bytes of the in-memory report for every fixture, read twice, held, on disk or moved midway', async () => {
    for (const scenario of scenarios()) {
      const expected = formatJson(await audit({ root: scenario.dir }));
      // Held in memory (the default for small repositories), on disk from the start, moved after 3 entries.
      for (const held of [undefined, 0, 3]) {
        const spilled = await auditSpilled({ root: scenario.dir }, held);
        try {
          expect([...jsonChunks(spilled)].join(''), `${scenario.group}/${scenario.name}, held ${held}`).toBe(expected);
          // Every output re-reads the lists: a second output is the same report.
          expect([...jsonChunks(spilled)].join('')).toBe(expected);
        } finally {
          spilled.dispose();
        }
      }
    }
  });

  it('keeps a small report off the disk and moves a large one there, leaving nothing behind', async () => {
    // A temporary folder of its own, so spill folders of other test files running alongside do not count.
    const scratch = await mkdtemp(join(tmpdir(), 'test-audit-spill-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    try {
      const held = await auditSpilled({ root: shop });
      expect(await readdir(scratch)).toEqual([]);
      held.dispose();
      const moved = await auditSpilled({ root: shop }, 0);
      const folders = await readdir(scratch);
      expect(folders).toEqual([expect.stringMatching(/^test-audit-report-/)]);
      expect((await readdir(join(scratch, folders[0]!))).sort()).toEqual(['files.ndjson', 'findings.ndjson', 'tests.ndjson']);
      moved.dispose();
      expect(await readdir(scratch)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('marks baseline states and counts the verdict in report order, as the in-memory result does', async () => {
    const full = await audit({ root: shop });
    expect(full.findings.length).toBeGreaterThan(3);
    const baseline = baselineOf({ findings: full.findings.filter((_, i) => i % 2 === 0) });
    const expected = formatJson(await audit({ root: shop, baseline, failOn: 'warning' }));
    const spilled = await auditSpilled({ root: shop, baseline, failOn: 'warning' });
    try {
      const text = [...jsonChunks(spilled)].join('');
      expect(text).toBe(expected);
      expect(JSON.parse(text).baseline.existing).toBe(baseline.findings.length);
    } finally {
      spilled.dispose();
    }
  });

  it('from the command line: --format json (streamed) equals --output-json beside the table (in memory)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'test-audit-json-'));
    try {
      const baselinePath = join(dir, 'baseline.json');
      const full = await audit({ root: shop });
      await writeFile(baselinePath, formatBaseline(baselineOf({ findings: full.findings.slice(0, 2) })));
      for (const extra of [[], ['--baseline', baselinePath]]) {
        const streamed = await runCli([shop, '--format', 'json', ...extra]);
        const inMemory = await runCli([shop, '--format', 'table', '--output-json', join(dir, 'report.json'), ...extra]);
        expect(streamed.code).toBe(1);
        expect(inMemory.code).toBe(streamed.code);
        expect(await readFile(join(dir, 'report.json'), 'utf8')).toBe(streamed.stdout);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
