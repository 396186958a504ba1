/**
 * Configuration: where it is found, what an invalid one says (file, key path, expectation; exit 2),
 * and what each setting does to an audit.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, auditOptionsFromConfig, loadConfig, rules, type AuditResult } from '../src/index.js';
import { runCli } from './support/cli.js';
import { withRepo } from './support/temp-repo.js';

const knownRules = rules.map((r) => r.meta.id);

async function withTree<T>(files: Record<string, string>, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'test-audit-config-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('finding the configuration', () => {
  it('reads the first of test-audit.config.json, .test-auditrc.json and package.json "testAudit" in the audited folder', async () => {
    const manifest = JSON.stringify({ name: 'x', testAudit: { failOn: 'info' } });
    await withTree({ '.git/HEAD': '', 'test-audit.config.json': '{"failOn":"warning"}', '.test-auditrc.json': '{"failOn":"none"}', 'package.json': manifest }, async (dir) => {
      expect(await loadConfig(dir, { knownRules })).toMatchObject({ label: 'test-audit.config.json', config: { failOn: 'warning' } });
    });
    await withTree({ '.git/HEAD': '', '.test-auditrc.json': '{"failOn":"none"}', 'package.json': manifest }, async (dir) => {
      expect(await loadConfig(dir, { knownRules })).toMatchObject({ label: '.test-auditrc.json', config: { failOn: 'none' } });
    });
    await withTree({ '.git/HEAD': '', 'package.json': manifest }, async (dir) => {
      expect(await loadConfig(dir, { knownRules })).toMatchObject({ label: 'package.json (testAudit)', config: { failOn: 'info' } });
    });
  });

  it('takes the nearest folder above the audited one, never beyond the repository root', async () => {
    await withTree(
      {
        'test-audit.config.json': '{"failOn":"info"}',
        'repo/.git/HEAD': '',
        'repo/package.json': '{"name":"monorepo"}',
        'repo/.test-auditrc.json': '{"failOn":"warning"}',
        'repo/packages/api/package.json': '{"name":"api"}',
        'other/.git/HEAD': '',
        'other/app/package.json': '{"name":"app"}',
      },
      async (dir) => {
        expect(await loadConfig(join(dir, 'repo/packages/api'), { knownRules })).toMatchObject({ label: '.test-auditrc.json', config: { failOn: 'warning' } });
        expect(await loadConfig(join(dir, 'other/app'), { knownRules })).toBeNull();
      },
    );
  });

  it('--config names the file; a package.json there is read for its "testAudit" key', async () => {
    await withTree({ '.git/HEAD': '', 'test-audit.config.json': '{"failOn":"warning"}', 'ci/strict.json': '{"failOn":"info"}' }, async (dir) => {
      expect(await loadConfig(dir, { knownRules, configPath: join(dir, 'ci/strict.json') })).toMatchObject({ label: 'ci/strict.json', config: { failOn: 'info' } });
    });
  });
});

describe('an invalid configuration', () => {
  const cases: [string, string][] = [
    ['{"rules": {"mocked-dependency": {"unit": "fatal"}}}', "rules.mocked-dependency.unit: expected one of 'error', 'warning', 'info', 'off', got 'fatal'"],
    ['{"rules": {"mocked-dependency": 3}}', "rules.mocked-dependency: expected one of 'error', 'warning', 'info', 'off', or an object with keys unit, integration, e2e, got 3"],
    ['{"rules": {"mocked-dependancy": "off"}}', `rules.mocked-dependancy: unknown rule; expected one of: ${knownRules.join(', ')}`],
    ['{"failOn": "errors"}', "failOn: expected one of 'error', 'warning', 'info', 'none', got 'errors'"],
    ['{"include": "test/**"}', "include: expected a list of non-empty strings, got 'test/**'"],
    ['{"tiers": {"integraton": ["it/**"]}}', 'tiers.integraton: unknown key; expected one of: unit, integration, e2e'],
    ['{"catalog": [{"match": "@acme/billing", "kind": "http", "system": "Billing", "alternative": "the sandbox"}]}', "catalog[0]: missing required key 'hides'"],
    ['{"catalog": [{"match": "@acme/*/v2", "kind": "http", "system": "Billing", "hides": ["x"], "alternative": "y"}]}', "catalog[0].match: '@acme/*/v2': a '*' is allowed only at the end (a prefix such as '@acme/*')"],
    ['{"packages": {"services/api": {"productionEngine": "postgres"}}}', "packages[\"services/api\"].productionEngine: expected one of 'postgresql', 'mysql', 'mariadb', 'mssql', 'oracle', 'sqlite', 'mongodb', 'none', got 'postgres'"],
    ['{"exlude": []}', 'exlude: unknown key; expected one of: include, exclude, tiers, rules, catalog, packages, failOn'],
    ['{"rules": {\n  "mocked-dependency": "off",\n}}', 'not valid JSON at line 3, column 1 (Expected double-quoted property name); the configuration is plain JSON'],
  ];
  it('names the file, the key path and what was expected', async () => {
    for (const [text, message] of cases) {
      await withTree({ '.git/HEAD': '', 'test-audit.config.json': text }, async (dir) => {
        await expect(loadConfig(dir, { knownRules }), text).rejects.toThrow(`${join(dir, 'test-audit.config.json')}: ${message}`);
      });
    }
  });

  it('in package.json, under its "testAudit" key', async () => {
    await withTree({ '.git/HEAD': '', 'package.json': '{"name":"x","testAudit":{"tiers":{"e2e":[""]}}}' }, async (dir) => {
      await expect(loadConfig(dir, { knownRules })).rejects.toThrow(`${join(dir, 'package.json')}: testAudit.tiers.e2e[0]: expected a non-empty string, got an empty one`);
    });
  });

  it('ends the run with exit code 2 and one line', async () => {
    await withTree({ '.git/HEAD': '', 'test-audit.config.json': '{"rules": {"shared-test-state": "loud"}}' }, async (dir) => {
      const run = await runCli(['.'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        "test-audit: test-audit.config.json: rules.shared-test-state: expected one of 'error', 'warning', 'info', 'off', or an object with keys unit, integration, e2e, got 'loud'\n",
      );
      const missing = await runCli(['.', '--config', 'nope.json'], { cwd: dir });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe('test-audit: config file not found: nope.json\n');
    });
  });
});

const shop = {
  'package.json': JSON.stringify({ name: 'shop', dependencies: { pg: '^8.0.0', stripe: '^16.0.0', '@acme/ledger': '^1.0.0' }, devDependencies: { jest: '^29.0.0', 'better-sqlite3': '^11.0.0' } }),
  'src/orders.test.ts': "import Database from 'better-sqlite3';\njest.mock('@acme/ledger');\nit('orders', () => { expect(new Database(':memory:')).toBeDefined(); });\n",
  'test/checkout.test.ts': "jest.mock('stripe');\nit('checks out', () => { expect(1).toBe(1); });\n",
  'legacy/old.test.ts': "jest.mock('pg');\nit('old', () => { expect(1).toBe(1); });\n",
};

/** Audits the shop with a configuration file written beside it. */
function configured(config: unknown): Promise<AuditResult> {
  return withRepo({ ...shop, 'test-audit.config.json': JSON.stringify(config) }, async (root) => {
    const loaded = await loadConfig(root, { knownRules });
    return audit({ root, ...auditOptionsFromConfig(loaded) });
  });
}

const brief = (r: AuditResult): string[] => r.findings.map((f) => `${f.path}:${f.line} ${f.ruleId} ${f.severity} ${f.tier}${f.system ? ` ${f.system}` : ''}`);

describe('settings', () => {
  it('without configuration: the naming heuristics and the built-in catalog', async () => {
    expect(brief(await configured({}))).toEqual([
      'legacy/old.test.ts:1 mocked-dependency info unit PostgreSQL',
      'src/orders.test.ts:2 mocked-dependency info unit library @acme/ledger',
      'src/orders.test.ts:3 sqlite-for-postgres warning unit',
      'test/checkout.test.ts:1 mocked-dependency info unit Stripe API',
    ]);
  });

  it('tier globs, per-tier severities, catalog extensions, exclude, a production engine, include', async () => {
    const result = await configured({
      exclude: ['legacy/**'],
      tiers: { integration: ['src/**/*.test.ts'], e2e: ['test/checkout.test.ts'] },
      rules: { 'mocked-dependency': { integration: 'warning' }, 'sqlite-for-postgres': 'off' },
      catalog: [{ match: '@acme/ledger', kind: 'http', system: 'Acme ledger API', hides: ['double-booking'], alternative: 'the ledger sandbox' }],
    });
    expect(brief(result)).toEqual([
      'src/orders.test.ts:2 mocked-dependency warning integration Acme ledger API',
      'src/orders.test.ts:3 all-stubbed-integration warning integration',
      'test/checkout.test.ts:1 mocked-dependency error e2e Stripe API',
      'test/checkout.test.ts:2 all-stubbed-integration warning e2e',
    ]);
    expect(result.files.find((f) => f.path === 'src/orders.test.ts')?.tierReason).toBe("matches the integration glob 'src/**/*.test.ts' in test-audit.config.json");

    const sqliteInProduction = await configured({ packages: { '.': { productionEngine: 'sqlite' } }, include: ['src/**'] });
    expect(brief(sqliteInProduction)).toEqual(['src/orders.test.ts:2 mocked-dependency info unit library @acme/ledger']);
    const unknownPackage = await configured({ packages: { 'services/api': { productionEngine: 'mysql' } } });
    expect(unknownPackage.warnings).toEqual([
      "test-audit.config.json: packages['services/api'] matches no package (name a package by its folder relative to the audited folder, '.' for the root, or by its package.json name)",
    ]);
  });

  it('test-audit catalog lists the configuration\'s own entries, marked, and rejects a broken configuration', async () => {
    const ledger = { match: '@acme/ledger', kind: 'http', system: 'Acme ledger API', hides: ['double-booking', 'ledger currency rounding'], alternative: 'the ledger sandbox' };
    await withTree({ ...shop, 'test-audit.config.json': JSON.stringify({ catalog: [ledger] }) }, async (dir) => {
      const table = await runCli(['catalog', '.'], { cwd: dir });
      expect(table.code).toBe(0);
      expect(table.stdout).toMatch(/^Boundary catalog: \d{3} entries \(1 from the configuration\), /);
      expect(table.stdout).toContain('\n  @acme/ledger  Acme ledger API · from the configuration\n    hides        - double-booking\n');
      const json = JSON.parse((await runCli(['catalog', '--format', 'json'], { cwd: dir })).stdout) as { entries: { match: string; source?: string }[] };
      expect(json.entries.find((e) => e.match === '@acme/ledger')).toEqual({ ...ledger, source: 'configuration' });
      expect(json.entries.filter((e) => e.source !== undefined)).toHaveLength(1);
    });
    await withTree({ 'test-audit.config.json': '{"catalog": [{"match": "@acme/x"}]}' }, async (dir) => {
      const broken = await runCli(['catalog'], { cwd: dir });
      expect(broken.code).toBe(2);
      expect(broken.stdout).toBe('');
      expect(broken.stderr).toBe("test-audit: test-audit.config.json: catalog[0]: missing required key 'kind'\n");
    });
  });

  it('catalog extensions name your own clients by path, directly mocked or reached through your code', async () => {
    const billing = { match: './src/clients/billing', kind: 'http', system: 'Acme Billing', hides: ['invoices the service rejects', 'rounding done by the service'], alternative: 'the billing sandbox' };
    const files = {
      'package.json': JSON.stringify({ name: 'pe', devDependencies: { jest: '^29.0.0' } }),
      'src/clients/billing.ts': "export async function charge(n: number) { return fetch('https://billing.internal/charge', { method: 'POST', body: String(n) }); }\n",
      'src/checkout.ts': "import { charge } from './clients/billing';\nexport async function checkout(n: number) { await charge(n); return 'ok'; }\n",
      'test/billing.test.ts': "import { charge } from '../src/clients/billing';\njest.mock('../src/clients/billing');\nit('charges', async () => { expect(await charge(1)).toBeUndefined(); });\n",
      'test/checkout.test.ts': "import { checkout } from '../src/checkout';\njest.mock('../src/checkout');\nit('checks out', async () => { expect(await checkout(5)).toBeUndefined(); });\n",
    };
    const result = await withRepo({ ...files, 'test-audit.config.json': JSON.stringify({ catalog: [billing] }) }, async (root) => {
      const loaded = await loadConfig(root, { knownRules });
      return audit({ root, ...auditOptionsFromConfig(loaded) });
    });
    expect(result.findings.map((f) => `${f.path}:${f.line} ${f.ruleId} ${f.system} via ${(f.via ?? []).join(' > ')}`)).toEqual([
      'test/billing.test.ts:2 mocked-dependency Acme Billing via src/clients/billing.ts',
      'test/checkout.test.ts:2 mocked-dependency Acme Billing via src/checkout.ts > src/clients/billing.ts',
    ]);
    for (const match of ['../shared/billing', './', './src/*', '/abs/billing']) {
      await withTree({ 'test-audit.config.json': JSON.stringify({ catalog: [{ ...billing, match }] }) }, async (dir) => {
        const run = await runCli(['.'], { cwd: dir });
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^test-audit: test-audit\.config\.json: catalog\[0\]\.match: '/);
      });
    }
  });

  it('failOn from the configuration decides the exit code; --fail-on overrides it', async () => {
    await withTree({ ...shop, '.git/HEAD': '', 'test-audit.config.json': '{"failOn": "info"}' }, async (dir) => {
      const fromConfig = await runCli(['.', '--format', 'json'], { cwd: dir });
      expect(fromConfig.code).toBe(1);
      expect(JSON.parse(fromConfig.stdout).verdict).toEqual({ failOn: 'info', failing: 4, passed: false });
      const fromFlag = await runCli(['.', '--fail-on', 'error', '--format', 'json'], { cwd: dir });
      expect(fromFlag.code).toBe(0);
      expect(JSON.parse(fromFlag.stdout).verdict).toEqual({ failOn: 'error', failing: 0, passed: true });
    });
  });
});
