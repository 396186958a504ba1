/**
 * Baselines: fingerprints survive unrelated edits (line shifts, reformatting, a describe renamed
 * elsewhere); a new mock is new; the baseline says what is fixed. Library runs on temp repos for
 * the fingerprint rules, then the real binary on a copy of the demo repository end to end.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, baselineOf, type AuditResult } from '../src/index.js';
import { repoRoot, runCli } from './support/cli.js';
import { withRepo } from './support/temp-repo.js';

const manifest = JSON.stringify({ name: 'shop', dependencies: { stripe: '^16.0.0', pg: '^8.0.0', ioredis: '^5.0.0' }, devDependencies: { jest: '^29.0.0' } });

const original = `import { pay, pool } from '../../src/pay';

describe('refunds', () => {
  it('refunds', () => {
    expect(pay).toBeDefined();
  });
});

describe('payments', () => {
  it('charges the card', async () => {
    jest.spyOn(pool, 'query').mockResolvedValue({ rows: [] });
    expect(await pay(5)).toBe('ok');
  });

  it('declines the card', async () => {
    jest.spyOn(pool, 'query').mockResolvedValue({ rows: [] });
    expect(await pay(1)).toBe('declined');
  });
});
`;

const PAY = "import { Pool } from 'pg';\nexport const pool = new Pool();\nexport async function pay(cents: number) {\n  await pool.query('INSERT INTO payments (cents) VALUES ($1)', [cents]);\n  return cents > 1 ? 'ok' : 'declined';\n}\n";

/** Audits `before`, takes its baseline, then audits `after` against it. */
async function compare(before: string, after: string): Promise<AuditResult> {
  const path = 'test/integration/pay.integration.test.ts';
  return withRepo({ 'package.json': manifest, 'src/pay.ts': PAY, [path]: before }, async (root) => {
    const baseline = baselineOf(await audit({ root }));
    await writeFile(join(root, path), after);
    return audit({ root, baseline });
  });
}

describe('fingerprints', () => {
  it('survive line shifts, reformatting and a describe renamed elsewhere in the file', async () => {
    const edited = `// a header comment pushed everything down

import { pay, pool } from "../../src/pay";


describe('refunds and chargebacks', () => {
  it('refunds', () => { expect(pay).toBeDefined(); });
});

describe('payments', () => {
  it('charges the card', async () => {
    jest
      .spyOn(pool, "query")
      .mockResolvedValue({ rows: [] });
    expect(await pay(5)).toBe('ok');
  });

  it('declines the card', async () => {
    jest.spyOn(pool, 'query').mockResolvedValue({ rows: [] });
    expect(await pay(1)).toBe('declined');
  });
});
`;
    const result = await compare(original, edited);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.map((f) => f.baseline)).toEqual(result.findings.map(() => 'existing'));
    expect(result.baseline).toEqual({ new: 0, existing: result.findings.length, fixed: 0 });
    expect(result.verdict.passed).toBe(true);
  });

  it('make a new mock new, even beside an equal one in the same test', async () => {
    const edited = original.replace(
      "    jest.spyOn(pool, 'query').mockResolvedValue({ rows: [] });\n    expect(await pay(1))",
      "    jest.spyOn(pool, 'query').mockResolvedValue({ rows: [] });\n    jest.mock('stripe');\n    jest.spyOn(pool, 'query').mockResolvedValue({ rows: [] });\n    expect(await pay(1))",
    );
    const result = await compare(original, edited);
    const fresh = result.findings.filter((f) => f.baseline === 'new').map((f) => `${f.ruleId} ${f.target ?? ''}`);
    expect(fresh.sort()).toEqual(["mocked-dependency module 'stripe'", 'mocked-dependency pool.query']);
    expect(result.baseline?.new).toBe(2);
    expect(result.verdict.passed).toBe(false);
  });

  it('count baseline entries whose finding is gone as fixed', async () => {
    const edited = original.replace("    jest.spyOn(pool, 'query').mockResolvedValue({ rows: [] });\n    expect(await pay(5))", '    expect(await pay(5))');
    const result = await compare(original, edited);
    expect(result.baseline).toEqual({ new: 0, existing: result.findings.length, fixed: 1 });
  });

  it('are unique within a report', async () => {
    const result = await audit({ root: join(repoRoot, 'fixtures/ceremony-shop') });
    const prints = result.findings.map((f) => f.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    for (const print of prints) expect(print).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('--write-baseline and --baseline on the demo repository', () => {
  it('accepts unrelated edits, fails on a new mock, and reports what was fixed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'test-audit-baseline-'));
    try {
      const repo = join(dir, 'shop');
      await cp(join(repoRoot, 'fixtures/ceremony-shop'), repo, { recursive: true });
      const baselineFile = join(dir, 'baseline.json');
      const written = await runCli([repo, '--write-baseline', baselineFile, '--format', 'json']);
      expect(written.code).toBe(0);
      const baseline = JSON.parse(await readFile(baselineFile, 'utf8')) as { findings: { fingerprint: string; path: string }[] };
      const n = baseline.findings.length;
      expect(n).toBeGreaterThan(10);
      expect(written.stderr).toBe(`test-audit: baseline of ${n} findings written to ${baselineFile}\n`);
      expect(JSON.parse(written.stdout).baseline).toEqual({ new: 0, existing: n, fixed: 0 });

      // An edit above known findings: lines pushed down, a call reformatted.
      const test = join(repo, 'test/integration/orders.integration.test.ts');
      const text = await readFile(test, 'utf8');
      await writeFile(test, `// Orders API, end to end through the HTTP layer.\n\n\n${text.replace("jest.mock('jsonwebtoken');", 'jest.mock(\n  "jsonwebtoken"\n);')}`);
      const shifted = await runCli([repo, '--baseline', baselineFile, '--format', 'json']);
      expect(shifted.code).toBe(0);
      expect(JSON.parse(shifted.stdout).baseline).toEqual({ new: 0, existing: n, fixed: 0 });

      // A new mock is new; a removed one is fixed.
      const next = (await readFile(test, 'utf8')).replace("jest.mock('../../src/cache'", "jest.mock('axios');\njest.mock('../../src/cache'");
      await writeFile(test, next.replace(/jest\.mock\(\n {2}"jsonwebtoken"\n\);/, ''));
      const changed = await runCli([repo, '--baseline', baselineFile, '--format', 'json']);
      expect(changed.code).toBe(1);
      const report = JSON.parse(changed.stdout) as AuditResult;
      expect(report.baseline).toEqual({ new: 1, existing: n - 1, fixed: 1 });
      expect(report.findings.filter((f) => f.baseline === 'new').map((f) => f.target)).toEqual(["module 'axios'"]);
      expect(report.verdict).toEqual({ failOn: 'error', failing: 1, passed: false });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects a file that is not a baseline, and --write-baseline with a partial run', async () => {
    const notBaseline = await runCli(['fixtures/ceremony-shop', '--baseline', 'package.json']);
    expect(notBaseline.code).toBe(2);
    expect(notBaseline.stderr).toMatch(/^test-audit: package\.json: not a test-audit baseline/);
    const partial = await runCli(['fixtures/ceremony-shop', '--write-baseline', 'x.json', '--shard', '1/2']);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toBe('test-audit: --write-baseline records a full run: use it without --baseline, --shard and --changed-since\n');
  });
});
