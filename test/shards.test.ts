/**
 * Shards: every test file in exactly one shard, and `test-audit merge` of the shard reports equals
 * a single run byte for byte — also where support files and package-level findings are judged at a
 * tier only all shards together know.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, formatJson, mergeReports, type AuditOptions, type AuditResult } from '../src/index.js';
import { repoRoot, runCli } from './support/cli.js';
import { withRepo } from './support/temp-repo.js';

const unitTest = (name: string): string => `import { signIn } from '../helpers/session';
import { charge } from '../../src/pay';
jest.mock('stripe');
it('${name}', async () => { expect(await charge(await signIn())).toBe('ok'); });
`;

/** A repo whose helper, setup file and automatic mock serve unit and integration tests alike. */
const tiered: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'pay', dependencies: { stripe: '^16.0.0', pg: '^8.0.0', ioredis: '^5.0.0' }, devDependencies: { jest: '^29.0.0', 'better-sqlite3': '^11.0.0' } }),
  'jest.config.json': JSON.stringify({ setupFiles: ['<rootDir>/test/setup.ts'] }),
  '.env.test': 'DATABASE_URL=sqlite::memory:\n',
  '__mocks__/ioredis.ts': 'export default class Redis { get() { return null; } }\n',
  'src/pay.ts': "import Stripe from 'stripe';\nexport async function charge(token: string) { return new Stripe(token) ? 'ok' : 'no'; }\n",
  'test/setup.ts': "jest.mock('pg');\n",
  'test/helpers/session.ts': "import { Pool } from 'pg';\nexport async function signIn() { jest.spyOn(Pool.prototype, 'query').mockResolvedValue({ rows: [] } as never); return 't'; }\n",
  ...Object.fromEntries(['alpha', 'bravo', 'charlie', 'delta'].map((n) => [`test/unit/${n}.test.ts`, unitTest(n)])),
  ...Object.fromEntries(['echo', 'foxtrot', 'golf', 'hotel'].map((n) => [`test/integration/${n}.test.ts`, unitTest(n)])),
};

function hasIntegration(report: AuditResult): boolean {
  return report.files.some((f) => f.role === 'test' && f.tier === 'integration');
}

async function shardsAndSingle(root: string, count: number, options: Omit<AuditOptions, 'root'>): Promise<{ single: AuditResult; shards: AuditResult[] }> {
  const single = await audit({ root, ...options });
  const shards: AuditResult[] = [];
  for (let index = 1; index <= count; index++) shards.push(await audit({ root, ...options, shard: { index, count } }));
  return { single, shards };
}

describe('shards merged (library)', () => {
  it('equal a single run, with support files and package findings rejudged across shards', async () => {
    await withRepo(tiered, async (root) => {
      // Integration-tier mocks off: a shard with only unit users reports the helper's mock, which the
      // merge must drop; the .env.test finding is a warning at unit tier and an error at integration.
      const options = { severity: { 'mocked-dependency': { integration: 'off' as const } } };
      let rejudged = false;
      for (const count of [2, 3, 4, 5]) {
        const { single, shards } = await shardsAndSingle(root, count, options);
        // Also with unit-only shards first: their copies of support files and package findings are
        // judged at the wrong tier, and the merge must not depend on which copy it sees first.
        const named = shards.map((report, i) => ({ name: `shard-${i + 1}.json`, report }));
        const unitOnlyFirst = [...named].sort((a, b) => Number(hasIntegration(a.report)) - Number(hasIntegration(b.report)));
        expect(formatJson(mergeReports(named))).toBe(formatJson(single));
        expect(formatJson(mergeReports(unitOnlyFirst))).toBe(formatJson(single));
        const testFiles = shards.flatMap((s) => s.files.filter((f) => f.role === 'test').map((f) => f.path));
        expect(testFiles.sort()).toEqual(single.files.filter((f) => f.role === 'test').map((f) => f.path));
        const helperTiers = new Set(shards.flatMap((s) => s.files.filter((f) => f.path === 'test/helpers/session.ts').map((f) => f.tier)));
        if (helperTiers.size > 1) rejudged = true;
      }
      // The scenario really splits unit and integration users of the helper over shards, and has a
      // package-level finding.
      expect(rejudged).toBe(true);
      const single = await audit({ root, ...options });
      expect(single.findings.filter((f) => f.path === '.env.test').map((f) => [f.ruleId, f.severity, f.tier])).toEqual([['sqlite-for-postgres', 'error', 'integration']]);
      expect(single.findings.filter((f) => f.path === 'test/helpers/session.ts')).toEqual([]);
    });
  });
});

describe('test-audit merge (binary)', () => {
  it('prints exactly what a single run prints, in every format, with the same exit code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'test-audit-shards-'));
    const demo = join(repoRoot, 'fixtures/ceremony-shop');
    try {
      const shardFiles = [1, 2, 3].map((i) => join(dir, `shard-${i}.json`));
      const shardRuns = await Promise.all(shardFiles.map((file, i) => runCli(['.', '--shard', `${i + 1}/3`, '--format', 'json', '--output', file, '--fail-on', 'none'], { cwd: demo })));
      expect(shardRuns.map((r) => r.code)).toEqual([0, 0, 0]);
      const outputs = ['--output-sarif', join(dir, 'single.sarif'), '--output-markdown', join(dir, 'single.md')];
      const single = await runCli(['.', '--format', 'json', ...outputs], { cwd: demo });
      const merged = await runCli(['merge', ...shardFiles, '--format', 'json', '--fail-on', 'error', '--output-sarif', join(dir, 'merged.sarif'), '--output-markdown', join(dir, 'merged.md')], { cwd: demo });
      expect(merged.stderr).toBe('');
      expect(merged.code).toBe(single.code);
      expect(merged.code).toBe(1);
      expect(merged.stdout).toBe(single.stdout);
      expect(await readFile(join(dir, 'merged.sarif'), 'utf8')).toBe(await readFile(join(dir, 'single.sarif'), 'utf8'));
      expect(await readFile(join(dir, 'merged.md'), 'utf8')).toBe(await readFile(join(dir, 'single.md'), 'utf8'));
      const shardReports = await Promise.all(shardFiles.map(async (f) => JSON.parse(await readFile(f, 'utf8')) as AuditResult));
      expect(shardReports.map((r) => r.shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));

      const missing = await runCli(['merge', shardFiles[0]!, shardFiles[2]!], { cwd: demo });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe('test-audit: shard 2/3 missing: merge needs every shard\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses reports that are not shard reports, and bad shard specs', async () => {
    const notShard = await runCli(['merge', 'package.json']);
    expect(notShard.code).toBe(2);
    expect(notShard.stderr).toMatch(/^test-audit: package\.json: not a test-audit JSON report: \(top level\): missing required key 'schemaVersion'\n$/);
    const badShard = await runCli(['fixtures/ceremony-shop', '--shard', '4/3']);
    expect(badShard.code).toBe(2);
    expect(badShard.stderr).toBe("test-audit: --shard expects i/n with 1 ≤ i ≤ n (e.g. 2/4), got '4/3'\n");
  });
});
