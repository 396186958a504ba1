/**
 * Snippet tables (RuleTester style) for the extractor and the rules, on real files in temporary
 * repositories: each case is a tiny repo and the exact findings it must produce.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit } from '../src/index.js';
import { fixturesRoot } from './support/fixtures.js';
import { auditRepo, findingsOf, withRepo } from './support/temp-repo.js';

const jestPkg = JSON.stringify({ name: 'p', dependencies: { pg: '8', axios: '1' }, devDependencies: { jest: '29' } });
const vitestPkg = JSON.stringify({ name: 'p', dependencies: { pg: '8', axios: '1' }, devDependencies: { vitest: '2' } });

describe('test structure', () => {
  it('reads every spelling of tests, describes and hooks', async () => {
    const result = await auditRepo({
      'package.json': vitestPkg,
      'a.test.ts': `
        import { describe, it, test, expect, beforeEach } from 'vitest';
        describe.each([1, 2])('table %s', (n) => {
          beforeEach(() => {});
          it.each([[1, 1]])('adds %s', (a, b) => { expect(a).toBe(b); });
          test.concurrent('concurrent', async () => { expect(n).toBeGreaterThan(0); });
          it.only('only', () => { expect(1).toBe(1); });
          it.skip('skipped', () => {});
          it.todo('todo');
          it.skipIf(n > 1)('conditional', () => { expect(n).toBe(1); });
        });
        test('top level', () => { expect(true).toBe(true); });`,
    });
    expect(result.errors).toEqual([]);
    const tests = result.tests.map((t) => `${t.name}:${t.verdict}`);
    expect(tests).toEqual([
      'table %s › adds %s:unit',
      'table %s › concurrent:unit',
      'table %s › only:unit',
      'table %s › skipped:skipped',
      'table %s › todo:skipped',
      'table %s › conditional:unit',
      'top level:unit',
    ]);
  });

  it('analyses tests under skipIf and runIf like any other: they run wherever the condition allows', async () => {
    const result = await auditRepo({
      'package.json': vitestPkg,
      'a.test.ts': `
        import { describe, it, test, expect } from 'vitest';
        import { save } from '../src/orders';
        describe.skipIf(!process.env.DATABASE_URL)('orders', () => {
          it('stores an order', async () => {
            await save({ total: 10 });
          });
          it.skip('stores a refund', async () => {
            await save({ total: -10 });
          });
        });
        test.runIf(process.platform === 'linux')('saves on linux', async () => {
          await save({ total: 1 });
        });
        it.skipIf(process.env.CI)('saves locally', async () => {
          expect(await save({ total: 2 })).toBe(true);
        });
        describe.skip('archive', () => {
          it('archives', async () => {
            await save({ total: 3 });
          });
        });`,
    });
    expect(result.tests.map((t) => `${t.name}:${t.verdict}`)).toEqual([
      'orders › stores an order:unit',
      'orders › stores a refund:skipped',
      'saves on linux:unit',
      'saves locally:unit',
      'archive › archives:skipped',
    ]);
    expect(result.findings.filter((f) => f.ruleId === 'no-assertion').map((f) => f.line)).toEqual([5, 12]);
  });

  it('reads node:test subtests and Playwright describes', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p' }),
      'a.test.mjs': `
        import { test } from 'node:test';
        import assert from 'node:assert/strict';
        test('outer', async (t) => {
          await t.test('inner', () => { assert.equal(1, 1); });
        });`,
      'e2e/home.spec.ts': `
        import { test, expect } from '@playwright/test';
        test.describe('home', () => {
          test.beforeEach(async ({ page }) => { await page.goto('/'); });
          test('has a title', async ({ page }) => { await expect(page).toHaveTitle(/Shop/); });
        });`,
    });
    expect(result.tests.map((t) => `${t.path}:${t.name}:${t.tier}`)).toEqual([
      'a.test.mjs:outer › inner:unit',
      'e2e/home.spec.ts:home › has a title:e2e',
    ]);
    expect(result.files.map((f) => f.framework)).toEqual(['node:test', 'playwright']);
  });

  it('reads a node:test or tap test that declares subtests as a group of them: the subtests are the tests', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', devDependencies: { tap: '16' } }),
      'test/add.test.mjs': `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { add } from '../src/add.js';
test('add', async (t) => {
  t.beforeEach(() => {});
  await t.test('adds two numbers', () => {
    assert.equal(add(1, 2), 3);
  });
  await t.test('adds negatives', async (t) => {
    await t.test('both negative', () => { add(-1, -2); });
  });
});
test('alone', (t) => { t.assert.equal(add(0, 0), 0); });`,
      'test/sub.test.js': `const { test } = require('tap');
const { sub } = require('../src/sub');
test('sub', (t) => {
  [[3, 1, 2]].forEach(([a, b, c]) => {
    t.test(\`\${a} - \${b}\`, async (t) => { t.equal(sub(a, b), c); });
  });
  t.end();
});
test.skip('later', (t) => {
  t.test('skipped with its group', async () => { sub(1, 1); });
  t.end();
});`,
    });
    expect(result.errors).toEqual([]);
    expect(result.tests.map((t) => `${t.path}:${t.name}:${t.verdict}`)).toEqual([
      'test/add.test.mjs:add › adds two numbers:unit',
      'test/add.test.mjs:add › adds negatives › both negative:unit',
      'test/add.test.mjs:alone:unit',
      'test/sub.test.js:sub › ${a} - ${b}:unit',
      'test/sub.test.js:later › skipped with its group:skipped',
    ]);
    expect(result.findings.map((f) => `${f.ruleId}@${f.path}:${f.line}`)).toEqual(['no-assertion@test/add.test.mjs:10']);
  });
});

describe('tiers', () => {
  const body = "it('x', () => { expect(1).toBe(1); });\n";
  it('reads tier markers from test folders within the package, not product folders or the folders above it', async () => {
    const result = await auditRepo({
      'package.json': jestPkg,
      'test/integration/a.test.ts': body,
      'test/integration2/query.spec.js': body,
      'src/__tests__/integration/b.test.ts': body,
      'tests/db-integration/c.test.ts': body,
      'integration-tests/d.test.ts': body,
      'src/integrations/stripe/stripe.service.spec.ts': body,
      'src/integration/slack.spec.ts': body,
      'tests/integrations/billing.test.ts': body,
      'apps/api-e2e/src/e.spec.ts': body,
      'orders.int.test.ts': body,
      'checkout-integration-tests-demo/shop/package.json': JSON.stringify({ name: 'shop', devDependencies: { jest: '29' } }),
      'checkout-integration-tests-demo/shop/test/f.test.ts': body,
      'packages/integration/package.json': JSON.stringify({ name: 'integration', devDependencies: { jest: '29' } }),
      'packages/integration/src/g.test.ts': body,
    });
    expect(Object.fromEntries(result.files.map((f) => [f.path, f.tier]))).toEqual({
      'apps/api-e2e/src/e.spec.ts': 'e2e',
      'checkout-integration-tests-demo/shop/test/f.test.ts': 'unit',
      'integration-tests/d.test.ts': 'integration',
      'orders.int.test.ts': 'integration',
      'packages/integration/src/g.test.ts': 'integration',
      'src/__tests__/integration/b.test.ts': 'integration',
      'src/integration/slack.spec.ts': 'unit',
      'src/integrations/stripe/stripe.service.spec.ts': 'unit',
      'test/integration/a.test.ts': 'integration',
      'test/integration2/query.spec.js': 'integration',
      'tests/db-integration/c.test.ts': 'integration',
      'tests/integrations/billing.test.ts': 'unit',
    });
  });

  it('lets file names, not the folder, mark e2e tests in a folder where the e2e tests are named so', async () => {
    const result = await auditRepo({
      'package.json': jestPkg,
      'src/auth/e2e/login.e2e.ts': body,
      'src/auth/e2e/jwt.strategy.spec.ts': body,
      'src/billing/e2e/invoice.spec.ts': body,
    });
    expect(Object.fromEntries(result.files.map((f) => [f.path, `${f.tier}: ${f.tierReason}`]))).toEqual({
      'src/auth/e2e/jwt.strategy.spec.ts': "unit: in folder 'e2e/', where the e2e tests carry the marker in their names and this one does not",
      'src/auth/e2e/login.e2e.ts': "e2e: file name 'login.e2e.ts' marks it e2e",
      'src/billing/e2e/invoice.spec.ts': "e2e: in folder 'e2e/'",
    });
  });

  it('reads tier markers in top-level describe titles, not in the titles of nested groups', async () => {
    const nested = (outer: string, inner: string) =>
      `describe('${outer}', () => {\n  describe('${inner}', () => {\n    it('x', () => { expect(1).toBe(1); });\n  });\n});\n`;
    const result = await auditRepo({
      'package.json': jestPkg,
      'src/user.service.spec.ts': nested('UserService', 'Integration scenarios'),
      'src/cart.spec.ts': nested('Cart', 'e2e'),
      'src/orders.spec.ts': nested('orders API (integration)', 'listing'),
      'src/checkout.spec.ts': nested('Checkout E2E', 'paying'),
    });
    expect(Object.fromEntries(result.files.map((f) => [f.path, `${f.tier}: ${f.tierReason}`]))).toEqual({
      'src/cart.spec.ts': 'unit: no integration or e2e marker in path, name or describe titles',
      'src/checkout.spec.ts': "e2e: describe 'Checkout E2E' says e2e",
      'src/orders.spec.ts': "integration: describe 'orders API (integration)' says integration",
      'src/user.service.spec.ts': 'unit: no integration or e2e marker in path, name or describe titles',
    });
  });

  it('takes a file that imports bun:test as a Bun test, not as the package\'s other runner', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', devDependencies: { '@playwright/test': '1', '@types/bun': '1' } }),
      'test/unit/queue.test.ts': `
        import { describe, test, expect, spyOn } from 'bun:test';
        import { publish } from '../../src/queue';
        describe('publish', () => {
          test('logs the message', () => {
            const log = spyOn(console, 'log').mockImplementation(() => {});
            publish('hi');
            expect(log).toHaveBeenCalledWith('hi');
            log.mockRestore();
          });
        });`,
      'e2e/home.spec.ts': "import { test, expect } from '@playwright/test';\ntest('home', async ({ page }) => { await expect(page).toHaveTitle(/Shop/); });\n",
    });
    expect(Object.fromEntries(result.files.map((f) => [f.path, `${f.framework} ${f.tier}`]))).toEqual({
      'e2e/home.spec.ts': 'playwright e2e',
      'test/unit/queue.test.ts': 'bun unit',
    });
    expect(result.findings.map((f) => `${f.ruleId}@${f.line} ${f.target ?? ''}`)).toEqual(['mocked-dependency@6 console.log']);
    expect(result.findings[0]!.message).toMatch(/^bun:test spyOn replaces console\.log/);
  });

  it('reads integration markers in file names, not in the names of components, hooks or classes', async () => {
    const result = await auditRepo({
      'package.json': jestPkg,
      'src/orders.integration.test.ts': body,
      'src/orders-integration.test.ts': body,
      'src/ordersIntegration.spec.ts': body,
      'src/checkout.integration.test.tsx': body,
      'src/components/SlackIntegration.test.tsx': body,
      'src/components/slack-integration.test.tsx': body,
      'src/hooks/useGithubIntegration.test.ts': body,
      'src/services/StripeIntegration.test.ts': body,
    });
    expect(Object.fromEntries(result.files.map((f) => [f.path, f.tier]))).toEqual({
      'src/checkout.integration.test.tsx': 'integration',
      'src/components/SlackIntegration.test.tsx': 'unit',
      'src/components/slack-integration.test.tsx': 'unit',
      'src/hooks/useGithubIntegration.test.ts': 'unit',
      'src/orders-integration.test.ts': 'integration',
      'src/orders.integration.test.ts': 'integration',
      'src/ordersIntegration.spec.ts': 'integration',
      'src/services/StripeIntegration.test.ts': 'unit',
    });
  });

  it('reads functional markers as the integration tier, in test folders and dotted file names only', async () => {
    const result = await auditRepo({
      'package.json': jestPkg,
      'test/functional/orders.test.ts': body,
      'src/__tests__/functional/cart.test.ts': body,
      'functional-tests/checkout.test.ts': body,
      'src/orders.functional.test.ts': body,
      'src/payments.functional.spec.ts': body,
      'src/components/FunctionalButton.test.tsx': body,
      'src/functional/pipe.test.ts': body,
      'src/utils/functional.test.ts': body,
      'src/utils/non-functional.test.ts': body,
    });
    expect(Object.fromEntries(result.files.map((f) => [f.path, [f.tier, f.tierReason]]))).toEqual({
      'functional-tests/checkout.test.ts': ['integration', "in folder 'functional-tests/' (functional tests: integration tier)"],
      'src/__tests__/functional/cart.test.ts': ['integration', "in folder 'functional/' (functional tests: integration tier)"],
      'src/components/FunctionalButton.test.tsx': ['unit', 'no integration or e2e marker in path, name or describe titles'],
      'src/functional/pipe.test.ts': ['unit', 'no integration or e2e marker in path, name or describe titles'],
      'src/orders.functional.test.ts': ['integration', "file name 'orders.functional.test.ts' marks it functional (integration tier)"],
      'src/payments.functional.spec.ts': ['integration', "file name 'payments.functional.spec.ts' marks it functional (integration tier)"],
      'src/utils/functional.test.ts': ['unit', 'no integration or e2e marker in path, name or describe titles'],
      'src/utils/non-functional.test.ts': ['unit', 'no integration or e2e marker in path, name or describe titles'],
      'test/functional/orders.test.ts': ['integration', "in folder 'functional/' (functional tests: integration tier)"],
    });
  });
});

describe('mock sites', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    [
      'a spy that only observes is not a site; configured later it is',
      {
        'test/integration/a.test.ts': `
          import { pool } from '../../src/db';
          it('observes', () => { const spy = jest.spyOn(pool, 'query'); expect(spy).toBeDefined(); });
          it('configures later', () => {
            const spy = jest.spyOn(pool, 'connect');
            spy.mockResolvedValue({} as never);
            expect(1).toBe(1);
          });`,
      },
      // The observing test uses the real pool: the file is not all stubbed (doubles count per test).
      ['mocked-dependency@5'],
    ],
    [
      'callbacks are not sites, monkey-patching an import is',
      {
        'test/integration/b.test.ts': `
          import axios from 'axios';
          it('patches', async () => {
            const onDone = jest.fn();
            axios.get = jest.fn().mockResolvedValue({ data: 1 });
            run(onDone);
            expect(onDone).toHaveBeenCalled();
          });`,
      },
      ['all-stubbed-integration@3', 'mocked-dependency@5'],
    ],
    [
      'jest.doMock, jest.setMock, vi.mock(import()) and partial factories',
      {
        'package.json': vitestPkg,
        'test/integration/c.test.ts': `
          import { vi, it, expect } from 'vitest';
          vi.mock(import('axios'), async (original) => ({ ...(await original()), get: vi.fn() }));
          vi.mock('pg', { spy: true });
          it('x', () => { expect(1).toBe(1); });`,
      },
      ['mocked-dependency@3', 'all-stubbed-integration@5'],
    ],
    [
      'console silencing is benign: info even in integration tests',
      {
        'test/integration/d.test.ts': `
          it('quiet', () => {
            jest.spyOn(console, 'error').mockImplementation(() => {});
            expect(1).toBe(1);
          });`,
      },
      ['mocked-dependency@3'],
    ],
    [
      'a fake clock (lolex, @sinonjs/fake-timers, sinon) is one clock site; patching the clock it returns is no other',
      {
        'test/a.test.ts': `
          import lolex from 'lolex';
          import FakeTimers from '@sinonjs/fake-timers';
          import sinon from 'sinon';
          let clock: any;
          beforeEach(() => {
            clock = lolex.install();
            clock.setTimeout = (fn: () => void) => { fn(); return 1; };
          });
          afterEach(() => clock.uninstall());
          it('waits', () => {
            const fake = FakeTimers.install();
            fake.setInterval = (fn: () => void) => { fn(); return 1; };
            const timers = sinon.useFakeTimers();
            timers.setTimeout = (fn: () => void) => { fn(); return 1; };
            expect(1).toBe(1);
          });`,
      },
      ['mocked-dependency@7', 'mocked-dependency@12'],
    ],
  ];
  for (const [name, files, expected] of cases) {
    it(name, async () => {
      const all = { 'package.json': jestPkg, 'src/db.ts': "import { Pool } from 'pg';\nexport const pool = new Pool();\n", ...files };
      expect((await findingsOf(all)).sort()).toEqual([...expected].sort());
    });
  }

  it('names boundaries of mocks in integration tests, info for benign ones', async () => {
    const result = await auditRepo({
      'package.json': jestPkg,
      'test/integration/d.test.ts': `
        import { pool } from '../../src/db';
        it('quiet', () => {
          jest.spyOn(console, 'error').mockImplementation(() => {});
          jest.spyOn(pool, 'query').mockResolvedValue({ rows: [] } as never);
          expect(1).toBe(1);
        });`,
      'src/db.ts': "import { Pool } from 'pg';\nexport const pool = new Pool();\n",
    });
    const mocks = result.findings.filter((f) => f.ruleId === 'mocked-dependency').map((f) => `${f.line}:${f.severity}:${f.system}`);
    expect(mocks).toEqual(['4:info:runtime console', '5:error:PostgreSQL']);
  });

  it('reports id generators replaced for predictable ids at info, other libraries at warning', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', dependencies: { uuid: '9', nanoid: '5', 'lodash.debounce': '4' }, devDependencies: { jest: '29' } }),
      'test/integration/orders.test.ts': `
        jest.mock('uuid', () => ({ v4: () => 'id-1' }));
        jest.mock('nanoid', () => ({ nanoid: () => 'n-1' }));
        jest.mock('lodash.debounce', () => (fn: () => void) => fn);
        it('creates', () => { expect(1).toBe(1); });`,
    });
    const mocks = result.findings.filter((f) => f.ruleId === 'mocked-dependency').map((f) => `${f.line}:${f.severity}:${f.system}`);
    expect(mocks).toEqual(['2:info:library uuid', '3:info:library nanoid', '4:warning:library lodash.debounce']);
    expect(result.findings.find((f) => f.line === 2)?.message).toContain("Hides: the real ids' format");
  });

  it('reports a stubbed configuration read at info: a setting for this test, not a dependency', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', devDependencies: { mocha: '10', sinon: '17' } }),
      'src/config.js': 'module.exports = { get: (key) => process.env[key] };\n',
      'src/mailer.js': 'module.exports = { send: async () => {} };\n',
      'test/integration/events.test.js': `
        const sinon = require('sinon');
        const config = require('../../src/config');
        const mailer = require('../../src/mailer');
        it('reads the adapter', () => {
          sinon.stub(config, 'get').withArgs('adapters').returns({ email: 'ses' });
          sinon.stub(mailer, 'send').resolves();
        });`,
    });
    const mocks = result.findings.filter((f) => f.ruleId === 'mocked-dependency').map((f) => `${f.line}:${f.severity}`);
    expect(mocks).toEqual(['6:info', '7:warning']);
  });

  it('names an msw server whose handlers live in a package it cannot read', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', devDependencies: { vitest: '2', msw: '2' } }),
      'test/api.test.ts': `
        import { setupServer } from 'msw/node';
        import { handlers } from '@acme/api-mocks';
        const server = setupServer(...handlers);
        it('loads', () => { expect(1).toBe(1); });`,
    });
    expect(result.findings.filter((f) => f.ruleId === 'mocked-dependency').map((f) => `${f.line}:${f.system}`)).toEqual([
      '4:HTTP APIs (msw handlers defined elsewhere)',
    ]);
  });

  it('reports stand-ins for the browser environment and runtime guards at info', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', dependencies: { 'server-only': '0.0.1' }, devDependencies: { vitest: '2' } }),
      'test/integration/page.test.tsx': `
        vi.mock('server-only', () => ({}));
        it('renders', () => {
          vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
          vi.spyOn(Storage.prototype, 'getItem').mockReturnValue('dark');
          vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
          vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:1');
          vi.spyOn(api, 'load').mockResolvedValue([]);
          expect(1).toBe(1);
        });`,
    });
    const mocks = result.findings.filter((f) => f.ruleId === 'mocked-dependency').map((f) => `${f.line}:${f.severity}:${f.system}`);
    expect(mocks).toEqual([
      '2:info:runtime guard server-only',
      '4:info:runtime HTMLCanvasElement',
      '5:info:runtime Storage',
      '6:info:runtime navigator',
      '7:info:runtime URL',
      '8:warning:api',
    ]);
  });

  it("reports crypto's random sources at info, and names Node's own modules as such", async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', devDependencies: { jest: '29' } }),
      'test/integration/tokens.test.ts': `
        import * as nodeCrypto from 'node:crypto';
        import os from 'os';
        jest.mock('node:zlib');
        it('issues a token', () => {
          jest.spyOn(nodeCrypto, 'randomBytes').mockReturnValue(Buffer.alloc(8) as never);
          jest.spyOn(crypto, 'randomUUID').mockReturnValue('a-b-c-d-e');
          jest.spyOn(nodeCrypto, 'timingSafeEqual').mockReturnValue(true);
          jest.spyOn(os, 'hostname').mockReturnValue('ci');
          expect(1).toBe(1);
        });`,
    });
    const mocks = result.findings.filter((f) => f.ruleId === 'mocked-dependency').map((f) => `${f.line}:${f.severity}:${f.system}`);
    expect(mocks).toEqual([
      "4:warning:Node's zlib module",
      '6:info:crypto.randomBytes',
      '7:info:crypto.randomUUID',
      "8:warning:Node's crypto module",
      "9:warning:Node's os module",
    ]);
    expect(result.findings.find((f) => f.line === 8)?.message).not.toContain('upgraded');
  });
});

describe('assertions', () => {
  const mockOnly = (body: string, extra = ''): Record<string, string> => ({
    'package.json': JSON.stringify({ name: 'p', devDependencies: { mocha: '10', sinon: '18', chai: '4' } }),
    'test/a.spec.js': `
      const sinon = require('sinon');
      const { expect } = require('chai');
      const assert = require('node:assert');
      const api = require('../src/api');
      ${extra}
      describe('x', () => {
        it('t', async () => {
          ${body}
        });
      });`,
  });
  const cases: [string, string, boolean][] = [
    ['sinon-chai property assertion', "const s = sinon.stub(api, 'get'); expect(s).to.have.been.calledOnce;", true],
    ['stub property read through assert', "const s = sinon.stub(api, 'get'); assert(s.calledOnce);", true],
    ['chai property assertion on a value', "sinon.stub(api, 'get'); expect(await api.run()).to.be.true;", false],
    ['sinon.assert', "const s = sinon.stub(api, 'get'); sinon.assert.calledWith(s, 1);", true],
    ['assert on a real value', "sinon.stub(api, 'get'); assert.strictEqual(await api.run(), 3);", false],
  ];
  for (const [name, body, flagged] of cases) {
    it(`${name} ${flagged ? 'is' : 'is not'} mock-invocation-only`, async () => {
      const found = await findingsOf(mockOnly(body), 'mock-invocation-only');
      expect(found).toEqual(flagged ? ['mock-invocation-only@8'] : []);
    });
  }

  it('reads chai through its namespace and should.js statics as assertions', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', devDependencies: { mocha: '10', sinon: '18', chai: '4', should: '13' } }),
      'test/a.spec.js': `const chai = require('chai');
const should = require('should');
const { add } = require('../src/add');
it('chai.expect', () => { chai.expect(add(1, 2)).to.equal(3); });
it('chai.expect, property only', () => { chai.expect(add(1, 2)).to.be.ok; });
it('chai.assert.equal', () => { chai.assert.equal(add(1, 2), 3); });
it('chai.assert', () => { chai.assert(add(1, 2) === 3); });
it('should.exist', () => { should.exist(add(1, 2)); });
it('should.not.exist', () => { should.not.exist(add(1, 2)); });
it('chai.use is no assertion', () => { chai.use(add); });
it('should.use is no assertion', () => { should.use(add); });`,
      'test/b.spec.ts': `import * as chai from 'chai';
import chaiDefault from 'chai';
import { add } from '../src/add';
it('namespace import', () => { chai.expect(add(1, 2)).to.equal(3); });
it('default import', () => { chaiDefault.assert.strictEqual(add(1, 2), 3); });`,
      'test/c.spec.js': `const should = require('chai').should();
const { add } = require('../src/add');
it('chai should interface', () => { should.equal(add(1, 2), 3); });`,
    });
    expect(result.findings.filter((f) => f.ruleId === 'no-assertion').map((f) => `${f.path}:${f.line}`)).toEqual(['test/a.spec.js:10', 'test/a.spec.js:11']);
  });

  it('reads invocation records asserted through the chai namespace as such', async () => {
    const body = "const s = sinon.stub(api, 'get'); await api.run(); chai.expect(s.calledOnce).to.be.true; chai.assert.isTrue(s.calledWith(1));";
    expect(await findingsOf(mockOnly(body, "const chai = require('chai');"), 'mock-invocation-only')).toEqual(['mock-invocation-only@8']);
  });

  it('reads the expect* checks of pactum, hippie and frisby as assertions, a status alone as status-only', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', dependencies: { express: '4' }, devDependencies: { mocha: '10', pactum: '3', hippie: '0.6', frisby: '2' } }),
      'test/integration/api.test.js': `const { spec } = require('pactum');
const hippie = require('hippie');
const frisby = require('frisby');
const app = require('../../src/app');
it('lists users', async () => { await spec().get('http://localhost:3000/users').expectStatus(200).expectJsonLike([{ email: 'a@b.c' }]); });
it('lists users, status only', async () => { await spec().get('http://localhost:3000/users').expectStatus(200); });
it('creates a user', async () => { await spec().withMethod('POST').withPath('/users').withJson({ email: 'a@b.c' }).expectStatus(201); });
it('answers json', async () => { await spec().get('http://localhost:3000/users').expectHeaderContains('content-type', 'json'); });
it('reads a user', (done) => { hippie(app).json().get('/users/1').expectStatus(200).end((err) => done(err)); });
it('rejects a bad id', (done) => { hippie(app).json().get('/users/x').expectStatus(500).expectValue('message', 'bad id').end((err) => done(err)); });
it('reads a user with frisby', () => frisby.get('http://localhost:3000/users/1').expect('status', 200));
it('reads a user body with frisby', () => frisby.get('http://localhost:3000/users/1').expect('status', 200).expect('json', 'id', 1));`,
    });
    expect(result.findings.map((f) => `${f.ruleId}@${f.line}`)).toEqual([
      'status-only-assertion@6',
      'status-only-assertion@7',
      'status-only-assertion@9',
      'status-only-assertion@11',
    ]);
  });

  it('takes a callback-style test that only a later callback ends as checking that the event comes', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', devDependencies: { mocha: '10' } }),
      'test/integration/client.test.js': `const { Client } = require('../../src/client');
const client = new Client();
it('emits ready', function (done) { client.once('ready', () => done()); });
it('emits end', function (done) { client.once('end', done); client.quit(); });
it('connects', (done) => { client.connect().then(() => done()); });
it('reconnects', (done) => { client.on('close', () => { setTimeout(() => done(), 1); }); });
it('skips early', (done) => { if (!client.supported) return done(); client.once('ready', () => done()); });
it('has a watchdog', (done) => { const t = setTimeout(() => done(new Error('late')), 500); client.once('ready', () => { clearTimeout(t); done(); }); });
it('ends at once', (done) => { client.once('ready', () => {}); client.start(); done(); });
it('hands done on', (done) => { client.start(done); });
it('ends after a timer', (done) => { client.start(); setTimeout(() => done(), 10); });
it('ends in its own callback', (done) => { [1].forEach(() => done()); });
it('has a callback with its own done', (done) => { client.start((done) => done()); });`,
    });
    expect(result.findings.filter((f) => f.ruleId === 'no-assertion').map((f) => f.line)).toEqual([9, 10, 11, 12, 13]);
    expect(result.tests.filter((t) => t.line < 9).map((t) => t.verdict)).toEqual(Array(6).fill('no-boundary'));
  });

  it('follows local helpers and counts unknown asserting helpers as real', async () => {
    const files = {
      'package.json': vitestPkg,
      'a.test.ts': `
        import { expect, it, vi } from 'vitest';
        import { expectOrderSaved } from './helpers';
        import { save } from './repo';
        vi.mock('./repo');
        function expectSaved() { expect(save).toHaveBeenCalled(); }
        it('local helper, mocks only', () => { expectSaved(); });
        it('imported helper', () => { expectOrderSaved(); });`,
    };
    expect(await findingsOf(files, 'mock-invocation-only')).toEqual(['mock-invocation-only@7']);
  });

  it('says what a status alone lets through: the body for most answers, the state for 204 No Content', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', dependencies: { express: '4' }, devDependencies: { jest: '29', supertest: '7' } }),
      'test/orders.int.test.js': `const request = require('supertest');
const app = require('../src/app');
it('creates', async () => { await request(app).post('/orders').send({ sku: 'a' }).expect(201); });
it('deletes', async () => { const res = await request(app).delete('/orders/1'); expect(res.status).toBe(204); });`,
    });
    const messages = result.findings.filter((f) => f.ruleId === 'status-only-assertion').map((f) => `${f.line} ${f.message}`);
    expect(messages).toEqual([
      '3 Test only checks that the response status is 201: a handler that returns the wrong body, an empty list or writes nothing passes too. Assert on the body, the headers that matter, or the state the request changed.',
      '4 Test only checks that the response status is 204: a handler that answers 204 without changing anything passes too. Check the state the request changed: fetch the resource again or query the store.',
    ]);
  });

  it('says 2xx for checks that accept any success (toBeOK, response.ok)', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', devDependencies: { '@playwright/test': '1' } }),
      'e2e/api.spec.ts': `import { test, expect } from '@playwright/test';
test('lists', async ({ request }) => { const res = await request.get('/api/orders'); await expect(res).toBeOK(); });
test('me', async ({ request }) => { const res = await request.get('/api/me'); expect(res.ok()).toBe(true); });
test('one', async ({ request }) => { const res = await request.get('/api/orders/1'); expect(res.status()).toBe(200); });`,
    });
    const codes = result.findings.filter((f) => f.ruleId === 'status-only-assertion').map((f) => `${f.line} ${/status is (\S+):/.exec(f.message)?.[1]}`);
    expect(codes).toEqual(['2 2xx', '3 2xx', '4 200']);
  });
});

describe('mock-invocation-only: what the unit is given, what a spy watches', () => {
  /** One jest test file; the test under audit starts on the line after `top`. */
  const invocations = async (top: string, body: string): Promise<string[]> => {
    const head = `import { render } from '@testing-library/react';
import { Pool } from 'pg';
import sinon from 'sinon';
import { api, close, Form, Guard, handler, Service } from '../src/unit';
${top}`;
    const found = await findingsOf(
      { 'package.json': jestPkg, 'test/unit.test.tsx': `${head}\nit('t', async () => {\n${body}\n});\n` },
      'mock-invocation-only',
    );
    const testLine = head.split('\n').length + 1;
    return found.map((f) => (f === `mock-invocation-only@${testLine}` ? 'flagged' : f));
  };
  const check = (cases: [string, string, string, boolean][]): void => {
    for (const [name, top, body, flagged] of cases) {
      it(`${name} ${flagged ? 'is' : 'is not'} reported`, async () => {
        expect(await invocations(top, body)).toEqual(flagged ? ['flagged'] : []);
      });
    }
  };

  describe('callbacks and objects of doubles handed to the unit', () => {
    check([
      ['props spread into a component', 'const props = { onSubmit: jest.fn() };', 'render(<Form {...props} />);\nexpect(props.onSubmit).toHaveBeenCalled();', false],
      ['a member of a props object', '', 'const props = { onSubmit: jest.fn() };\nrender(<Form onSubmit={props.onSubmit} />);\nexpect(props.onSubmit).toHaveBeenCalled();', false],
      ['a callback held by props spread into a component', '', 'const onClose = jest.fn();\nconst props = { onClose, title: "x" };\nrender(<Form {...props} />);\nexpect(onClose).toHaveBeenCalled();', false],
      ['a callback held by props whose member is handed over', '', 'const onClose = jest.fn();\nconst props = { onClose };\nrender(<Form onClose={props.onClose} />);\nexpect(onClose).toHaveBeenCalled();', false],
      ["doubles spread into a call's argument", '', 'const deps = { send: jest.fn() };\nawait handler({ ...deps, id: 1 });\nexpect(deps.send).toHaveBeenCalled();', false],
      ['a response cast to its type', '', 'const res = { status: jest.fn() };\nhandler({} as never, res as unknown as Response);\nexpect(res.status).toHaveBeenCalledWith(401);', false],
      ['a response whose double returns it', '', 'const res = { status: jest.fn(), json: jest.fn() };\nres.status.mockReturnValue(res);\nhandler({}, res);\nexpect(res.status).toHaveBeenCalledWith(401);', false],
      ['an object of doubles only a double hands back', '', 'const qb = { where: jest.fn() };\napi.query.mockReturnValue(qb);\nawait close(new Pool());\nexpect(qb.where).toHaveBeenCalled();', true],
      ['doubles handed to a constructor', '', 'const deps = { save: jest.fn() };\nnew Service(deps).run();\nexpect(deps.save).toHaveBeenCalled();', true],
      ['a double held by an object handed to a constructor', '', 'const repo = { save: jest.fn() };\nconst deps = { repo };\nnew Service(deps).run();\nexpect(repo.save).toHaveBeenCalled();', true],
      ['doubles spread into a constructor argument', '', 'const deps = { save: jest.fn() };\nnew Service({ ...deps }).run();\nexpect(deps.save).toHaveBeenCalled();', true],
      ['a member the component is not given', '', 'const props = { onSubmit: jest.fn(), api: { load: jest.fn() } };\nrender(<Form onSubmit={props.onSubmit} />);\nexpect(props.api.load).toHaveBeenCalled();', true],
    ]);
  });

  describe('spies', () => {
    check([
      ['a spy without behaviour on a real object', '', "const pool = new Pool();\nconst end = jest.spyOn(pool, 'end');\nawait new Service(pool).close();\nexpect(end).toHaveBeenCalled();", false],
      ['a spy without behaviour, asserted through the object', '', "jest.spyOn(api, 'load');\nawait close(new Pool());\nexpect(api.load).toHaveBeenCalledWith(1);", false],
      ['sinon.spy on a real object', '', "const pool = new Pool();\nconst end = sinon.spy(pool, 'end');\nawait new Service(pool).close();\nexpect(end.calledOnce).toBe(true);", false],
      ['sinon.stub on a real object', '', "const pool = new Pool();\nconst end = sinon.stub(pool, 'end');\nawait new Service(pool).close();\nexpect(end.calledOnce).toBe(true);", true],
      [
        'a spy given behaviour in a beforeEach',
        "let load: jest.SpyInstance;\nbeforeEach(() => {\n  load = jest.spyOn(api, 'load');\n  load.mockResolvedValue([]);\n});",
        'await close(new Pool());\nexpect(load).toHaveBeenCalled();',
        true,
      ],
      ['a spy given behaviour later in the test', '', "const load = jest.spyOn(api, 'load');\nload.mockReturnValue([]);\nawait close(new Pool());\nexpect(api.load).toHaveBeenCalled();", true],
      ['a spy on a module the file mocks', "jest.mock('../src/unit');", "jest.spyOn(api, 'load');\nawait close(new Pool());\nexpect(api.load).toHaveBeenCalled();", true],
      ['a spy on an object of doubles', '', "const repo = { save: jest.fn() };\nconst save = jest.spyOn(repo, 'save');\nawait new Service(repo).run();\nexpect(save).toHaveBeenCalled();", true],
      [
        'a spy on the double a DI container hands out',
        "import { Test } from '@nestjs/testing';",
        "const moduleRef = await Test.createTestingModule({ providers: [{ provide: 'REPO', useValue: { find: jest.fn() } }] }).compile();\nconst repo = moduleRef.get('REPO');\nconst find = jest.spyOn(repo, 'find');\nawait close(new Pool());\nexpect(find).toHaveBeenCalled();",
        true,
      ],
      ['a timer spy under fake timers', '', "jest.useFakeTimers();\nconst timer = jest.spyOn(global, 'setTimeout');\nawait close(new Pool());\nexpect(timer).toHaveBeenCalled();", true],
    ]);
  });

  describe('requests and responses from Express testing libraries', () => {
    check([
      ['a sinon-express-mock response handed to the middleware', "const { mockReq, mockRes } = require('sinon-express-mock');", "const res = mockRes();\nhandler(mockReq(), res);\nexpect(res.redirect.calledWith('/login')).toBe(true);", false],
      ['a node-mocks-http response from createMocks', "import httpMocks from 'node-mocks-http';", 'const { req, res } = httpMocks.createMocks();\nres.json = jest.fn();\nhandler(req, res);\nexpect(res.json).toHaveBeenCalled();', false],
      ['a sinon-express-mock response the unit never gets', "const { mockRes } = require('sinon-express-mock');", "const res = mockRes();\nnew Guard(res).check();\nexpect(res.redirect.calledWith('/login')).toBe(true);", true],
    ]);
  });
});

describe('shared state', () => {
  it('names the later test that reads a leftover env value, not one that sets it itself, and says how far it reaches', async () => {
    const body = `
        it('answers 200', () => { process.env.API_URL = 'https://a.test/'; process.env.REGION = 'eu'; expect(handler()).toBe(200); });
        it('answers 500', () => { process.env.API_URL = 'https://b.test/'; expect(handler()).toBe(500); });
        it('reads the region', () => { process.env.API_URL = 'https://c.test/'; expect(region()).toBe('eu'); });`;
    const jest = await auditRepo({ 'package.json': jestPkg, 'a.test.ts': body });
    const jestEnv = jest.findings.filter((f) => f.ruleId === 'shared-test-state');
    // API_URL: every later test sets it first. REGION: 'answers 500' is the first to run with it.
    expect(jestEnv.map((f) => [f.line, f.column])).toEqual([[2, 76]]);
    expect(jestEnv[0]!.message).toContain("process.env.REGION is set in this test and never restored: 'answers 500' and the later tests of this file run");
    const vitest = await auditRepo({ 'package.json': vitestPkg, 'a.test.ts': `import { it, expect } from 'vitest';${body}` });
    const vitestEnv = vitest.findings.filter((f) => f.ruleId === 'shared-test-state');
    expect(vitestEnv.map((f) => f.message)).toEqual([expect.stringContaining("'answers 500' and every later test in the worker run")]);
  });

  it('ignores shadowing locals and resets through local helpers', async () => {
    const files = {
      'package.json': jestPkg,
      'a.test.ts': `
        let items: string[] = [];
        let user: { name: string };
        function reset() { items = []; }
        beforeEach(() => reset());
        it('first', () => {
          const user = { name: 'local' };
          items.push('a');
          expect(user.name).toBe('local');
        });
        it('second', () => { expect(items).toEqual([]); expect(typeof user).toBe('undefined'); });`,
    };
    expect(await findingsOf(files, 'shared-test-state')).toEqual([]);
  });

  it('sees destructuring assignment in beforeEach as a reset', async () => {
    const files = {
      'package.json': jestPkg,
      'a.test.ts': `
        let app: { calls: number };
        let db: string[];
        beforeEach(async () => { ({ app, db } = await setup()); });
        it('first', () => { db.push('x'); app.calls++; expect(db).toHaveLength(1); });
        it('second', () => { expect(db).toEqual([]); expect(app.calls).toBe(0); });`,
    };
    expect(await findingsOf(files, 'shared-test-state')).toEqual([]);
  });

  it('leaves doubles on objects a test made itself, and follows locals that alias shared ones', async () => {
    const files = {
      'package.json': jestPkg,
      'a.test.ts': `
        import Fastify from 'fastify';
        import { Client } from '../src/client';
        import { sharedClient } from '../src/shared';
        let app: { get(name: string): Client };
        beforeAll(async () => { app = await build(); });
        it('own client', () => {
          const client = new Client({ password: 'x' });
          jest.spyOn(client, 'send').mockReturnValue('OK');
          expect(client.send()).toBe('OK');
        });
        it('own app', () => {
          const fastify = Fastify();
          fastify.redis.quit = jest.fn();
          let later: Client;
          later = new Client({});
          jest.spyOn(later, 'close').mockReturnValue(undefined);
          expect(fastify.redis.quit).toBeDefined();
        });
        it('alias', () => {
          const client = sharedClient;
          jest.spyOn(client, 'ping').mockReturnValue('PONG');
          expect(client.ping()).toBe('PONG');
        });
        it('from the shared app', () => {
          const client = app.get('client');
          jest.spyOn(client, 'info').mockReturnValue('up');
          expect(client.info()).toBe('up');
        });
        it('after', () => { expect(1).toBe(1); });`,
    };
    expect(await findingsOf(files, 'shared-test-state')).toEqual(['shared-test-state@22', 'shared-test-state@27']);
  });

  it('sees a double restored in its own test by name or through its variable', async () => {
    const files = {
      'package.json': JSON.stringify({ name: 'p', devDependencies: { mocha: '10', sinon: '17' } }),
      'test/a.test.js': `
        const sinon = require('sinon');
        const Redis = require('ioredis');
        const api = require('../src/api');
        describe('r', () => {
          let held;
          afterEach(() => held.restore());
          it('by name', () => {
            sinon.stub(Redis.prototype, 'connect').throws(new Error('no'));
            setTimeout(() => Redis.prototype.connect.restore(), 1);
          });
          it('by variable', () => {
            const s = sinon.stub(api, 'get').returns(1);
            s.restore();
          });
          it('kept for the afterEach above', () => {
            held = sinon.stub(api, 'post').returns(1);
          });
          it('another method', () => {
            sinon.stub(api, 'put').returns(1);
            sinon.stub(api, 'del').returns(1);
            api.put.restore();
          });
          it('later', () => {});
        });`,
    };
    expect(await findingsOf(files, 'shared-test-state')).toEqual(['shared-test-state@21']);
  });

  it('lets the steps of a Playwright serial group share state, and nothing outside it', async () => {
    const files = {
      'package.json': JSON.stringify({ name: 'p', devDependencies: { '@playwright/test': '1' } }),
      'e2e/a.spec.ts': `
        import { test, expect } from '@playwright/test';
        let shared: string;
        test.describe.serial('steps', () => {
          let id: string;
          test('one', async () => { id = 'a'; shared = id; process.env.STEP = 'one'; });
          test.describe('nested', () => {
            test('two', async () => { expect(id).toBe('a'); expect(process.env.STEP).toBe('one'); });
          });
        });
        test('outside', async () => { expect(shared).toBe('a'); });`,
    };
    expect(await findingsOf(files, 'shared-test-state')).toEqual(['shared-test-state@6', 'shared-test-state@6']);
  });
});

describe('fixed waits', () => {
  const sleep = 'const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));';
  // Each file holds one wait, on line 3; the folder says whether the test sits through it.
  const cases: Record<string, string> = {
    'handed/prop.test.tsx': `
      import { useQuery } from '@tanstack/react-query';
      const load = async () => { await sleep(100); return 1; };
      it('t', async () => { render(<Form load={load} />); useQuery({ queryKey: ['a'], queryFn: load }); await screen.findByText('1'); });`,
    'handed/double-helper.test.ts': `
      import { vi } from 'vitest';
      const slowFind = async () => { await sleep(100); return []; };
      it('t', async () => { await expect(list(vi.fn(slowFind))).resolves.toEqual([]); });`,
    'handed/mock-factory.test.ts': `
      import { vi } from 'vitest';
      vi.mock('./api', () => ({ load: async () => { await sleep(100); return 1; } }));
      it('t', async () => { await expect(show()).resolves.toBe(1); });`,
    'handed/double-value.test.ts': `
      import { vi } from 'vitest';
      const find = vi.fn().mockReturnValue(new Promise((r) => setTimeout(() => r([]), 100)));
      it('t', async () => { await expect(list(find)).resolves.toEqual([]); });`,
    'handed/listener.test.ts': `
      const bus = new EventEmitter();
      bus.on('job', async () => { await sleep(100); bus.emit('done'); });
      it('t', async () => { bus.emit('job'); await once(bus, 'done'); expect(bus.listenerCount('job')).toBe(1); });`,
    'handed/watchdog.test.js': `
      it('t', (done) => { const q = start();
        const watchdog = setTimeout(() => done(new Error('never drained')), 1000);
        q.once('drained', () => { clearTimeout(watchdog); done(); }); });`,
    'own/act.test.tsx': `
      it('t', async () => { render(<Clock />);
        await act(async () => { await sleep(100); });
        expect(screen.getByText('1s')).toBeTruthy(); });`,
    'own/called-local.test.ts': `
      it('t', async () => { await publish(1);
        async function settle() { await sleep(100); }
        await settle(); expect(processed()).toContain(1); });`,
    'own/asserting-callback.test.ts': `
      it('t', async () => { await withServer(async (url) => {
        await sleep(100);
        expect(await get(url)).toBe(1); }); });`,
    'own/settles-promise.test.ts': `
      it('t', async () => { const server = createServer();
        await new Promise<void>((resolve) => server.listen(0, async () => { await sleep(100); resolve(); }));
        expect(server.listening).toBe(true); });`,
    'own/fixture.spec.ts': `
      import { test as base, expect } from '@playwright/test';
      const test = base.extend({ slow: async ({}, use) => { await sleep(100); await use(1); } });
      test('t', async ({ slow }) => { expect(slow).toBe(1); });`,
    'own/check-after-delay.test.js': `
      it('t', (done) => { start();
        setTimeout(() => { if (running()) return done(new Error('still running')); done(); }, 100);
      });`,
  };

  it("are the test's own unless it hands them to other code, or they only fail a late test", async () => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'p', devDependencies: { vitest: '2', mocha: '10', '@playwright/test': '1' } }),
    };
    for (const [path, body] of Object.entries(cases)) files[path] = `${sleep}${body}`;
    const result = await auditRepo(files);
    expect(result.errors).toEqual([]);
    const flagged = result.findings.filter((f) => f.ruleId === 'sleep-in-test').map((f) => `${f.path}:${f.line}`);
    const own = Object.keys(cases).filter((path) => path.startsWith('own/')).map((path) => `${path}:3`);
    expect(flagged.sort()).toEqual(own.sort());
  });
});

describe('cross-file resolution', () => {
  it('follows a workspace package to the database behind it', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'mono', private: true }),
      'packages/db/package.json': JSON.stringify({ name: '@acme/db', main: 'dist/index.js', dependencies: { pg: '8' } }),
      'packages/db/src/index.ts': "import { Pool } from 'pg';\nexport const pool = new Pool();\n",
      'packages/api/package.json': JSON.stringify({ name: '@acme/api', devDependencies: { jest: '29' } }),
      'packages/api/test/a.integration.test.ts': "jest.mock('@acme/db');\nit('x', () => { expect(1).toBe(1); });\n",
    });
    const mock = result.findings.find((f) => f.ruleId === 'mocked-dependency')!;
    expect(mock.system).toBe('PostgreSQL');
    expect(mock.via).toEqual(['packages/db/src/index.ts', 'pg']);
  });

  it('calls a workspace package your own module even where the file it names is not found', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/features/package.json': JSON.stringify({ name: '@acme/features', devDependencies: { vitest: '2' } }),
      'packages/features/bookings/test/block.integration.test.ts':
        "import { vi } from 'vitest';\nvi.mock('@acme/features/auth/lib/verifyCode', () => ({ verifyCode: vi.fn() }));\nit('x', () => { expect(1).toBe(1); });\n",
    });
    const mock = result.findings.find((f) => f.ruleId === 'mocked-dependency')!;
    expect([mock.boundary, mock.system, mock.severity]).toEqual(['internal', 'your module @acme/features/auth/lib/verifyCode', 'warning']);
  });

  it('reaches the database behind a workspace package the test imports', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'mono', private: true }),
      'packages/db/package.json': JSON.stringify({ name: '@acme/db', main: 'dist/index.js', dependencies: { pg: '8' } }),
      'packages/db/src/index.ts': "import { Pool } from 'pg';\nexport const pool = new Pool();\n",
      'packages/api/package.json': JSON.stringify({ name: '@acme/api', devDependencies: { jest: '29' } }),
      'packages/api/test/a.integration.test.ts': "import { pool } from '@acme/db';\nit('x', async () => { expect(await pool.query('select 1')).toBeTruthy(); });\n",
    });
    expect(result.tests.map((t) => [t.verdict, t.real])).toEqual([['honest', ['PostgreSQL']]]);
  });

  it('follows tsconfig paths', async () => {
    const result = await auditRepo({
      'package.json': jestPkg,
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } } // comment',
      'src/cache.ts': "import Redis from 'ioredis';\nexport const redis = new Redis();\n",
      'test/unit.test.ts': "jest.mock('@/cache');\nit('x', () => { expect(1).toBe(1); });\n",
    });
    const mock = result.findings.find((f) => f.ruleId === 'mocked-dependency')!;
    expect(mock.system).toBe('Redis');
    expect(mock.severity).toBe('info');
  });

  it('takes the nearest tsconfig above a package that has none, as TypeScript does', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@api/*": ["packages/api/src/*"] } } }',
      'packages/api/package.json': JSON.stringify({ name: 'api', dependencies: { pg: '8' }, devDependencies: { jest: '29' } }),
      'packages/api/src/db.ts': "import { Pool } from 'pg';\nexport const pool = new Pool();\n",
      'packages/api/test/orders.test.ts': "jest.mock('@api/db');\nit('x', () => { expect(1).toBe(1); });\n",
    });
    expect(result.findings.filter((f) => f.ruleId === 'mocked-dependency').map((f) => f.system)).toEqual(['PostgreSQL']);
    expect(result.warnings).toEqual([]);
  });

  it("follows the aliases runners and frameworks define: jest moduleNameMapper, vite resolve.alias, SvelteKit's $lib, tsconfig.app.json", async () => {
    const redis = "import Redis from 'ioredis';\nexport const redis = new Redis();\n";
    const mocks = (body: string): string => `${body}\nit('x', () => { expect(1).toBe(1); });\n`;
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'mono', private: true }),
      'jest-app/package.json': JSON.stringify({ name: 'a', devDependencies: { jest: '29' }, jest: { moduleNameMapper: { '^@app/(.*)$': '<rootDir>/src/$1', '\\.css$': 'identity-obj-proxy' } } }),
      'jest-app/src/cache.ts': redis,
      'jest-app/test/a.integration.test.ts': mocks("jest.mock('@app/cache');"),
      'vite-app/package.json': JSON.stringify({ name: 'b', devDependencies: { vitest: '2' } }),
      'vite-app/vite.config.ts': "export default { resolve: { alias: { '~': '/src' } } };\n",
      'vite-app/src/cache.ts': redis,
      'vite-app/test/b.integration.test.ts': mocks("vi.mock('~/cache');"),
      'kit-app/package.json': JSON.stringify({ name: 'c', devDependencies: { '@sveltejs/kit': '2', vitest: '2' } }),
      'kit-app/src/lib/cache.ts': redis,
      'kit-app/test/c.integration.test.ts': mocks("vi.mock('$lib/cache');"),
      'vue-app/package.json': JSON.stringify({ name: 'd', devDependencies: { vitest: '2' } }),
      'vue-app/tsconfig.json': JSON.stringify({ files: [], references: [{ path: './tsconfig.app.json' }] }),
      'vue-app/tsconfig.app.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
      'vue-app/src/cache.ts': redis,
      'vue-app/test/d.integration.test.ts': mocks("vi.mock('@/cache');\nvi.mock('@/not-in-the-tree');"),
    });
    const found = result.findings.filter((f) => f.ruleId === 'mocked-dependency').map((f) => `${f.path}:${f.line}:${f.severity}:${f.system}`);
    expect(found).toEqual([
      'jest-app/test/a.integration.test.ts:1:error:Redis',
      'kit-app/test/c.integration.test.ts:1:error:Redis',
      'vite-app/test/b.integration.test.ts:1:error:Redis',
      'vue-app/test/d.integration.test.ts:1:error:Redis',
      'vue-app/test/d.integration.test.ts:2:warning:your module @/not-in-the-tree',
    ]);
  });

  it('keeps a client the test opens real when proxyquire fakes its package for a loaded module only', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', dependencies: { ioredis: '5' }, devDependencies: { mocha: '10', proxyquire: '2' } }),
      'src/cache.js': "const Redis = require('ioredis');\nmodule.exports = () => new Redis();\n",
      'test/cache.integration.test.js': `
        const assert = require('node:assert/strict');
        const proxyquire = require('proxyquire');
        const Redis = require('ioredis');
        it('stores a value', async () => {
          const redis = new Redis();
          await redis.set('k', 'v');
          assert.equal(await redis.get('k'), 'v');
        });
        it('loads with a stand-in', () => {
          const makeCache = proxyquire('../src/cache', { ioredis: function FakeRedis() {} });
          assert.ok(makeCache());
        });`,
    });
    expect(result.tests.map((t) => `${t.line}:${t.verdict}:${t.real.join()}`)).toEqual(['5:honest:Redis', '10:ceremony:']);
    expect(result.findings.filter((f) => f.ruleId === 'all-stubbed-integration')).toEqual([]);
  });

  it('follows a helper reached through a barrel (export * from)', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', dependencies: { pg: '8' }, devDependencies: { jest: '29' } }),
      'src/db.ts': "import { Pool } from 'pg';\nexport const pool = new Pool();\n",
      'test/helpers/index.ts': "export * from './stub-db';\n",
      'test/helpers/stub-db.ts': "import { pool } from '../../src/db';\nexport function stubDb() {\n  jest.spyOn(pool, 'query').mockResolvedValue({ rows: [] } as never);\n}\n",
      'test/orders.integration.test.ts': "import { stubDb } from './helpers';\nit('lists', () => {\n  stubDb();\n  expect(1).toBe(1);\n});\n",
    });
    expect(result.files.map((f) => `${f.path}:${f.role}`)).toEqual([
      'test/helpers/index.ts:support',
      'test/helpers/stub-db.ts:support',
      'test/orders.integration.test.ts:test',
    ]);
    expect(result.tests.map((t) => `${t.verdict}:${t.faked.join()}`)).toEqual(['ceremony:PostgreSQL']);
  });

  it('resolves a spy on part of an instance the DI container handed out to that class', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', dependencies: { '@prisma/client': '5' }, devDependencies: { jest: '29' } }),
      'src/prisma.service.ts': "import { PrismaClient } from '@prisma/client';\nexport class PrismaService extends PrismaClient {}\n",
      'test/orders.e2e-spec.ts': `
        import { PrismaService } from '../src/prisma.service';
        import { mount } from '@vue/test-utils';
        let prisma: PrismaService;
        let app: any;
        it('lists', async () => {
          prisma = app.get(PrismaService);
          jest.spyOn(prisma.order, 'findMany').mockResolvedValue([]);
          jest.spyOn(app.get(PrismaService).order, 'create').mockResolvedValue({});
          const wrapper = mount({});
          jest.spyOn(wrapper.vm, 'save').mockReturnValue(undefined);
          expect(1).toBe(1);
        });`,
    });
    const mocks = result.findings.filter((f) => f.ruleId === 'mocked-dependency').map((f) => `${f.line}:${f.severity}:${f.system}`);
    expect(mocks).toEqual(['8:error:database via Prisma', '9:error:database via Prisma', '11:warning:wrapper.vm']);
  });
});

describe('tsconfig extends', () => {
  const systemOf = async (files: Record<string, string>): Promise<{ system: string; warnings: string[] }> => {
    const result = await auditRepo({
      'package.json': jestPkg,
      'src/db.ts': "import { Pool } from 'pg';\nexport const pool = new Pool();\n",
      'test/a.test.ts': "jest.mock('@app/db');\nit('x', () => { expect(1).toBe(1); });\n",
      ...files,
    });
    const mock = result.findings.find((f) => f.ruleId === 'mocked-dependency')!;
    return { system: mock.system, warnings: result.warnings.map((w) => String(w)) };
  };
  const paths = '{ "compilerOptions": { "baseUrl": ".", "paths": { "@app/*": ["src/*"] } } }';
  const table: [string, Record<string, string>, string][] = [
    ['a relative file, with comments and trailing commas', { 'tsconfig.json': '{\n  // base\n  "extends": "./configs/base.json",\n}', 'configs/base.json': '{ "compilerOptions": { "baseUrl": "..", "paths": { "@app/*": ["src/*"], }, }, }' }, 'PostgreSQL'],
    ['paths without baseUrl, relative to the config that declares them', { 'tsconfig.json': '{ "extends": "./configs/paths" }', 'configs/paths.json': '{ "compilerOptions": { "paths": { "@app/*": ["../src/*"] } } }' }, 'PostgreSQL'],
    ['a package installed inside the repository', { 'tsconfig.json': '{ "extends": "@acme/tsconfig" }', 'node_modules/@acme/tsconfig/tsconfig.json': '{ "compilerOptions": { "paths": { "@app/*": ["../../../src/*"] } } }' }, 'PostgreSQL'],
    ['the extending config overrides paths', { 'tsconfig.json': '{ "extends": "./base.json", "compilerOptions": { "paths": { "@other/*": ["src/*"] } } }', 'base.json': paths }, 'library @app/db'],
    ['a cycle stops, with a warning', { 'tsconfig.json': '{ "extends": "./a.json" }', 'a.json': '{ "extends": "./tsconfig.json" }' }, 'library @app/db'],
    ['a missing file is a warning', { 'tsconfig.json': '{ "extends": "./nowhere.json" }' }, 'library @app/db'],
  ];
  for (const [name, files, expected] of table) {
    it(name, async () => {
      const { system, warnings } = await systemOf(files);
      expect(system).toBe(expected);
      if (name.includes('warning')) expect(warnings.join('\n')).toMatch(/extends/);
    });
  }
  it('does not follow a package linked from outside the repository', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'test-audit-outside-'));
    try {
      await writeFile(join(outside, 'tsconfig.json'), '{ "compilerOptions": { "paths": { "@app/*": ["../../../src/*"] } } }');
      const system = await withRepo(
        {
          'package.json': jestPkg,
          'tsconfig.json': '{ "extends": "@acme/tsconfig" }',
          'src/db.ts': "import { Pool } from 'pg';\nexport const pool = new Pool();\n",
          'test/a.test.ts': "jest.mock('@app/db');\nit('x', () => { expect(1).toBe(1); });\n",
        },
        async (root) => {
          await mkdir(join(root, 'node_modules/@acme'), { recursive: true });
          await symlink(outside, join(root, 'node_modules/@acme/tsconfig'));
          const result = await audit({ root });
          return result.findings.find((f) => f.ruleId === 'mocked-dependency')!.system;
        },
      );
      expect(system).toBe('library @app/db');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe('real endpoints named in strings', () => {
  // Split, so that this file does not itself name the endpoints it tests (the self-audit reads it).
  const [edge, web, stack] = ['45' + '66', '80' + '25', 'local' + 'stack'];
  const realOf = async (body: string): Promise<string> => {
    const result = await auditRepo({ 'package.json': JSON.stringify({ name: 'p', devDependencies: { jest: '29' } }), 'test/integration/a.test.ts': body });
    return result.tests.map((t) => `${t.verdict}:${t.real.join('+')}`).join(' ');
  };
  const cases: [string, string, string][] = [
    ['the LocalStack edge port', `const endpoint = 'http://localhost:${edge}';\nit('a', () => { expect(endpoint).toContain('${edge}'); });`, 'honest:AWS (LocalStack)'],
    ['a LocalStack host in compose', `const endpoint = 'http://${stack}:${edge}';\nit('a', () => { expect(endpoint).toBeTruthy(); });`, 'honest:AWS (LocalStack)'],
    ['the LocalStack image', `const image = '${stack}/${stack}:3';\nit('a', () => { expect(image).toBeTruthy(); });`, 'honest:AWS (LocalStack)'],
    ['the word in a list of names', `const tools = ['localstack', 'mailpit', 'testcontainers'];\nit('a', () => { expect(tools).toHaveLength(3); });`, 'no-boundary:'],
    ['a Mailpit URL', `const inbox = 'http://mailpit:${web}/api/v1/messages';\nit('a', () => { expect(inbox).toBeTruthy(); });`, 'honest:SMTP (local catcher)'],
    ['the word in a sentence', `it('a', () => { expect('we use mailhog in CI').toBeTruthy(); });`, 'no-boundary:'],
  ];
  for (const [name, body, expected] of cases) {
    it(name, async () => {
      expect(await realOf(body)).toBe(expected);
    });
  }
});

describe('black-box e2e and ORM clients (verdicts)', () => {
  const e2ePkg = JSON.stringify({
    name: 'p',
    dependencies: { pg: '8', '@nestjs/typeorm': '10', typeorm: '0.3', '@mikro-orm/core': '6' },
    devDependencies: { jest: '29', supertest: '7' },
  });
  const verdictOf = async (body: string, extra: Record<string, string> = {}): Promise<string> => {
    const result = await auditRepo({ 'package.json': e2ePkg, ...extra, 'test/a.e2e-spec.ts': `import request from 'supertest';\n${body}` });
    expect(result.errors).toEqual([]);
    return result.tests.map((t) => `${t.verdict}:${t.real.join('+')}`).join(' ');
  };
  const running = 'honest:the running app (black box)';
  const table: [string, string, string][] = [
    ['a URL literal', `it('a', async () => { expect((await request('http://localhost:3000').get('/')).body).toEqual({}); });`, running],
    ['a URL from the environment', `it('a', async () => { expect((await request(process.env.APP_URL).get('/')).body).toEqual({}); });`, running],
    ['an environment URL with a default', `const base = process.env.API ?? 'http://127.0.0.1:8080';\nit('a', async () => { expect((await request(base).get('/')).body).toEqual({}); });`, running],
    ['a template URL', 'const port = 3000;\nit(\'a\', async () => { expect((await request(`http://localhost:${port}`).get(\'/\')).body).toEqual({}); });', running],
    ['an agent on a URL', `it('a', async () => { const agent = request.agent('https://staging.example.com'); expect((await agent.get('/')).body).toEqual({}); });`, running],
    ['the in-process app', `import { app } from '../src/app';\nit('a', async () => { expect((await request(app).get('/')).body).toEqual({}); });`, 'no-boundary:'],
    ['a server the test starts', `import { app } from '../src/app';\nconst server = app.listen(0);\nit('a', async () => { expect((await request(server).get('/')).body).toEqual({}); });`, 'no-boundary:'],
    ['an imported name that is not a URL', `import { target } from './target';\nit('a', async () => { expect((await request(target).get('/')).body).toEqual({}); });`, 'no-boundary:'],
    ['a URL, with a module mock in the test', `jest.mock('pg');\nit('a', async () => { expect((await request('http://localhost:3000').get('/')).body).toEqual({}); });`, 'ceremony:'],
    ['TypeORM forRoot on MySQL', `import { TypeOrmModule } from '@nestjs/typeorm';\nconst db = TypeOrmModule.forRoot({ type: 'mysql', host: 'localhost' });\nit('a', () => { expect(db).toBeDefined(); });`, 'honest:MySQL'],
    ['TypeORM forRoot from a variable', `import { TypeOrmModule } from '@nestjs/typeorm';\nconst options = { type: 'postgres' as const };\nit('a', () => { expect(TypeOrmModule.forRoot(options)).toBeDefined(); });`, 'honest:PostgreSQL'],
    ['TypeORM forRootAsync', `import { TypeOrmModule } from '@nestjs/typeorm';\nit('a', () => { expect(TypeOrmModule.forRootAsync({ useFactory: () => ({ type: 'postgres' }) })).toBeDefined(); });`, 'no-boundary:'],
    ['MikroORM with a v5 type', `import { MikroORM } from '@mikro-orm/core';\nit('a', async () => { expect(await MikroORM.init({ type: 'mysql', dbName: 't' })).toBeDefined(); });`, 'honest:MySQL'],
    ['MikroORM without options the file shows', `import { MikroORM } from '@mikro-orm/core';\nit('a', async () => { expect(await MikroORM.init()).toBeDefined(); });`, 'no-boundary:'],
    ['createConnection on SQLite', `import { createConnection } from 'typeorm';\nit('a', async () => { expect(await createConnection({ type: 'sqlite', database: ':memory:' })).toBeDefined(); });`, 'ceremony:'],
  ];
  for (const [name, body, expected] of table) {
    it(name, async () => {
      expect(await verdictOf(body, { 'src/app.ts': 'export const app = {};', 'test/target.ts': 'export const target = {};' })).toBe(expected);
    });
  }
});

describe('fixed waits: what each one risks', () => {
  it('says a wait before a check that something did not happen (a call, or a local flag still false) lets that check pass too early', async () => {
    const result = await audit({ root: join(fixturesRoot, 'sleep-in-test', 'absence-checks') });
    const waits = result.findings.filter((f) => f.ruleId === 'sleep-in-test').map((f) => `${f.line} ${f.messageId}`);
    expect(waits).toEqual(['14 sleepAbsence', '25 sleepAbsence', '34 sleep', '55 sleepAbsence', '63 sleep']);
  });

  it('says a wait that only separates timestamps cannot be too short', async () => {
    const result = await audit({ root: join(fixturesRoot, 'sleep-in-test', 'timestamp-waits') });
    const waits = result.findings.map((f) => `${f.line} ${f.messageId}`);
    expect(waits).toEqual(['10 sleepTimestamps', '19 sleepTimestamps', '30 sleep', '38 sleep']);
  });
});

describe('unawaited async checks', () => {
  it('do not count as checks when they are the only ones; awaited, returned or gathered ones do', async () => {
    const result = await audit({ root: join(fixturesRoot, 'no-assertion', 'unawaited-async-checks') });
    expect(result.findings.map((f) => `${f.line} ${f.messageId}`)).toEqual(['4 floatingOnly', '8 floatingOnly']);
  });
});

describe('checks only on a caught error', () => {
  it('are reported when nothing fails the test if the code stops throwing (catch clause, awaited .catch, inside act)', async () => {
    const result = await audit({ root: join(fixturesRoot, 'no-assertion', 'checks-only-in-catch') });
    expect(result.findings.map((f) => `${f.path}:${f.line} ${f.messageId}`)).toEqual([
      'test/coupons.test.js:6 caughtOnly',
      'test/coupons.test.js:14 caughtOnly',
      'test/payments.test.js:7 caughtOnly',
      'test/payments.test.js:17 caughtOnly',
      'test/payments.test.js:28 caughtOnly',
    ]);
  });
});

describe('module mocks that keep the real module', () => {
  it('name the members they replace and say the rest stays real', async () => {
    const result = await auditRepo({
      'package.json': JSON.stringify({ name: 'p', dependencies: { 'react-router-dom': '6', axios: '1' }, devDependencies: { jest: '29' } }),
      'src/api.test.js': [
        "jest.mock('react-router-dom', () => ({ ...jest.requireActual('react-router-dom'), useNavigate: () => jest.fn() }));",
        "jest.mock('axios', () => ({ ...jest.requireActual('axios'), get: jest.fn(), post: jest.fn(), put: jest.fn(), delete: jest.fn(), timeout: 50 }));",
        "jest.mock('./settings', () => ({ ...jest.requireActual('./settings'), retries: 0 }));",
        "it('x', () => { expect(1).toBe(1); });",
      ].join('\n'),
      'src/settings.js': 'exports.retries = 3;\n',
    });
    const messages = result.findings.filter((f) => f.ruleId === 'mocked-dependency').map((f) => `${f.line} ${f.message.slice(0, f.message.indexOf(':'))}`);
    expect(messages).toEqual([
      "1 jest.mock replaces useNavigate of module 'react-router-dom' and keeps the rest of it real",
      "2 jest.mock replaces get, post, put and 1 more of module 'axios' and keeps the rest of it real",
    ]);
  });
});

describe('mock-echo: why the code was not inspected', () => {
  it('says which code the audit could not read, in words that hold for each case', async () => {
    const result = await audit({ root: join(fixturesRoot, 'mock-echo', 'uninspected') });
    const reasons = result.findings.map((f) => /not inspected \((.*?)\)\. If/.exec(f.message)?.[1]);
    expect(reasons).toEqual([
      "'@acme/users-client' is not a source file of this repository",
      "'../src/profile' is not a source file of this repository",
      'TeamsService.list is inherited from a base class',
      "listTeams is not one of the test file's imports, and only imported code is followed",
    ]);
  });
});

describe("Angular's testing backend", () => {
  it('hides the server, not the interceptors that still run, and does not recommend itself', async () => {
    const result = await audit({ root: join(fixturesRoot, 'mocked-dependency', 'angular-testing-backend') });
    const messages = result.findings.filter((f) => f.ruleId === 'mocked-dependency').map((f) => f.message);
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).toContain('the test flushes the body it expects');
      expect(message).not.toContain('interceptors');
      expect(message).toContain('Instead: keep HttpTestingController for unit tests; in an integration or e2e test, let HttpClient reach the real API');
    }
  });
});

describe('mocking mechanisms: target, boundary and line', () => {
  const pkg = (deps: Record<string, string>, dev: Record<string, string> = { jest: '29' }): string => JSON.stringify({ name: 'p', dependencies: deps, devDependencies: dev });
  const source = {
    'src/db.ts': "import { Pool } from 'pg';\nexport const pool = new Pool();\n",
    'src/orders.js': "const db = require('./db');\nexports.list = async () => (await db.pool.query('x')).rows;\n",
    'src/order-repository.ts': "import { pool } from './db';\nexport class OrderRepository { find() { return pool.query('x'); } }\n",
    'src/payments.ts': "import Stripe from 'stripe';\nexport class Payments { client = new Stripe('k'); }\n",
    'src/mailer.ts': "import nodemailer from 'nodemailer';\nexport class Mailer { transport = nodemailer.createTransport({}); }\n",
    'src/app.module.ts': 'export class AppModule {}\n',
  };
  const it_ = "it('x', () => { expect(1).toBe(1); });";
  // [name, package.json, test file (path → text), sites as 'line boundary system | target']
  const table: [string, string, Record<string, string>, string[]][] = [
    [
      'proxyquire: keys are the module’s own require strings',
      pkg({ pg: '8', axios: '1' }),
      { 'test/a.test.js': `const proxyquire = require('proxyquire').noCallThru();\nconst orders = proxyquire('../src/orders', {\n  './db': { pool: {} },\n  axios: { get: async () => ({}) },\n});\n${it_}` },
      ["3 database PostgreSQL | module '../src/db'", "4 http HTTP API via axios | module 'axios'"],
    ],
    [
      'playwright page.route: fulfil replaces the server, one site per API; continue, abort and a fulfil of route.fetch() do not',
      pkg({}, { '@playwright/test': '1' }),
      {
        'e2e/a.spec.ts': [
          "import { test, expect } from '@playwright/test';",
          "test('x', async ({ page }) => {",
          "  await page.route('https://api.example.com/me', (route) => route.fulfill({ json: { name: 'A' } }));",
          "  await page.route('**/api/users/me', (route) => route.fulfill({ json: { id: 1 } }));",
          "  await page.route('**/api/albums*', (route) => route.fulfill({ json: [] }));",
          "  await page.route('**/api/**', (route) => route.continue());",
          "  await page.route('**/*.png', (route) => route.abort());",
          "  await page.route('**/api/settings', async (route) => {",
          '    const response = await route.fetch();',
          '    await route.fulfill({ response, json: { ...(await response.json()), beta: true } });',
          '  });',
          "  await expect(page.getByText('A')).toBeVisible();",
          '});',
        ].join('\n'),
      },
      ['3 http HTTP API at api.example.com | requests to api.example.com', '4 http your own HTTP API | relative URL (your own API)'],
    ],
    [
      'proxyquire: a real module handed over to share its instance is no double',
      pkg({ pg: '8', axios: '1' }),
      {
        'test/a.test.js': `const proxyquire = require('proxyquire');\nconst db = require('../src/db');\nconst orders = proxyquire('../src/orders', { './db': db });\nconst again = proxyquire('../src/orders', { './db': proxyquire('../src/db', {}), axios: jest.requireActual('axios') });\n${it_}`,
      },
      [],
    ],
    [
      'esmock: keys are relative to the test file, global mocks included',
      pkg({ pg: '8', axios: '1' }),
      {
        'test/a.test.ts': `import esmock from 'esmock';\nit('x', async () => {\n  const orders = await esmock('../src/services/orders.js', { '../src/db.ts': { pool: {} } }, { axios: {} });\n  expect(orders).toBeDefined();\n});`,
      },
      ["3 database PostgreSQL | module '../src/db.ts'", "3 http HTTP API via axios | module 'axios'"],
    ],
    [
      'td.replace of a module, a package and a method',
      pkg({ pg: '8', axios: '1' }),
      {
        'test/a.test.js': `const td = require('testdouble');\nconst fs = require('fs');\nconst db = td.replace('../src/db');\nconst axios = td.replace('axios');\ntd.replace(fs, 'readFileSync');\n${it_}`,
      },
      ["3 database PostgreSQL | module '../src/db'", "4 http HTTP API via axios | module 'axios'", '5 filesystem file system | fs.readFileSync'],
    ],
    [
      'plain assignment of a double made first',
      pkg({ nodemailer: '6' }),
      {
        'src/notify.ts': "import nodemailer from 'nodemailer';\nexport const mailer = nodemailer.createTransport({});\n",
        'test/a.test.ts': `import { mailer } from '../src/notify';\nit('x', () => {\n  const send = jest.fn();\n  mailer.sendMail = send;\n  const label = 'x';\n  mailer.from = label;\n  expect(send).not.toHaveBeenCalled();\n});`,
      },
      ['4 email SMTP via Nodemailer | mailer.sendMail'],
    ],
    [
      'td.replaceEsm',
      pkg({ pg: '8' }),
      { 'test/a.test.ts': `import * as td from 'testdouble';\nit('x', async () => {\n  await td.replaceEsm('../src/db.js');\n  expect(1).toBe(1);\n});` },
      ["3 database PostgreSQL | module '../src/db.js'"],
    ],
    [
      'fetch-mock: per host; "*" is every request',
      pkg({}),
      {
        'test/a.test.ts': `import fetchMock from 'fetch-mock';\nit('x', () => {\n  fetchMock.get('https://api.github.com/users/1', { id: 1 });\n  fetchMock.post('begin:https://api.stripe.com/v1', 200);\n  fetchMock.mock('*', 404);\n  expect(1).toBe(1);\n});`,
      },
      ['3 http GitHub API | requests to api.github.com', '4 http Stripe API | requests to api.stripe.com', '5 http HTTP API via global fetch | global fetch'],
    ],
    [
      'jest-fetch-mock: enabled for the file, configured in the test',
      pkg({}),
      { 'test/a.test.ts': `import fetchMock from 'jest-fetch-mock';\nfetchMock.enableMocks();\nit('x', () => {\n  fetchMock.mockResponseOnce('{}');\n  expect(1).toBe(1);\n});` },
      ['2 http HTTP API via global fetch | global fetch', '4 http HTTP API via global fetch | global fetch'],
    ],
    [
      'axios-mock-adapter',
      pkg({ axios: '1' }),
      { 'test/a.test.ts': `import axios from 'axios';\nimport MockAdapter from 'axios-mock-adapter';\nconst mock = new MockAdapter(axios);\nit('x', () => {\n  mock.onGet('/users').reply(200, []);\n  expect(1).toBe(1);\n});` },
      ["3 http HTTP API via axios | module 'axios'"],
    ],
    [
      'undici MockAgent names each intercepted host, like nock',
      pkg({}),
      {
        'test/a.test.ts': `import { MockAgent, setGlobalDispatcher } from 'undici';\nconst SLACK = 'https://hooks.slack.com';\nlet agent: MockAgent;\nbeforeEach(() => { agent = new MockAgent(); setGlobalDispatcher(agent); });\nit('x', () => {\n  agent.get('https://api.stripe.com').intercept({ path: '/v1/charges', method: 'POST' }).reply(200, {});\n  const slack = agent.get(SLACK);\n  slack.intercept({ path: '/x' }).reply(200, 'ok');\n  expect(1).toBe(1);\n});`,
      },
      ['6 http Stripe API | requests to api.stripe.com', '7 http Slack incoming webhook | requests to hooks.slack.com'],
    ],
    [
      'undici MockAgent with no intercepted origin is the undici transport',
      pkg({}),
      { 'test/a.test.ts': `import { MockAgent, setGlobalDispatcher } from 'undici';\nconst agent = new MockAgent();\nagent.disableNetConnect();\nsetGlobalDispatcher(agent);\n${it_}` },
      ["2 http HTTP API via undici | module 'undici'"],
    ],
    [
      "vi.stubGlobal('fetch')",
      pkg({}, { vitest: '2' }),
      { 'test/a.test.ts': `import { vi, it, expect } from 'vitest';\nvi.stubGlobal('fetch', vi.fn());\nvi.stubGlobal('innerWidth', 500);\n${it_}` },
      ['2 http HTTP API via global fetch | global fetch'],
    ],
    [
      'global.fetch, globalThis.fetch and window.fetch assigned',
      pkg({}),
      { 'test/a.test.ts': `it('x', () => {\n  global.fetch = jest.fn();\n  globalThis.fetch = jest.fn();\n  window.fetch = jest.fn();\n  expect(1).toBe(1);\n});` },
      ['2 http HTTP API via global fetch | global fetch', '3 http HTTP API via global fetch | global fetch', '4 http HTTP API via global fetch | global fetch'],
    ],
    [
      'inversify rebind of a class',
      pkg({ pg: '8', inversify: '6' }),
      {
        'test/a.test.ts': `import { Container } from 'inversify';\nimport { OrderRepository } from '../src/order-repository';\nconst container = new Container();\nit('x', () => {\n  container.rebind(OrderRepository).toConstantValue({ find: jest.fn() } as never);\n  expect(1).toBe(1);\n});`,
      },
      ['5 database PostgreSQL | provider OrderRepository'],
    ],
    [
      'inversify rebind of a token: the class the container configuration binds it to',
      pkg({ pg: '8', inversify: '6', stripe: '14', nodemailer: '6' }),
      {
        'src/types.ts': "export const TYPES = { OrderRepository: Symbol.for('OrderRepository'), Payments: Symbol.for('Payments'), Mailer: Symbol.for('Mailer'), Clock: Symbol.for('Clock'), Unbound: Symbol.for('Unbound') };\n",
        'src/clock.ts': 'export class Clock { now() { return 0; } }\n',
        'src/inversify.config.ts': `import { Container, ContainerModule } from 'inversify';
import { TYPES } from './types';
import { OrderRepository as PgOrderRepository } from './order-repository';
import { Payments } from './payments';
import { Mailer } from './mailer';
import { Clock } from './clock';
export const container = new Container();
container.bind<PgOrderRepository>(TYPES.OrderRepository).to(PgOrderRepository).inSingletonScope();
container.bind(TYPES.Payments).toDynamicValue(() => new Payments());
export const mail = new ContainerModule((bind) => { bind(TYPES.Mailer).toConstantValue(new Mailer()); });
container.bind(TYPES.Clock).to(Clock);
`,
        'test/a.test.ts': `import { container } from '../src/inversify.config';
import { TYPES } from '../src/types';
it('x', () => {
  container.rebind(TYPES.OrderRepository).toConstantValue({ find: jest.fn() } as never);
  container.rebind(TYPES.Payments).toConstantValue({} as never);
  container.rebind(TYPES.Mailer).toConstantValue({} as never);
  container.rebind(TYPES.Clock).toConstantValue({} as never);
  container.rebind(TYPES.Unbound).toConstantValue({} as never);
  expect(1).toBe(1);
});`,
        'test/support/container.ts': "import { Container } from 'inversify';\nimport { TYPES } from '../../src/types';\nimport { Mailer } from '../../src/mailer';\nexport const c = new Container();\nc.bind(TYPES.OrderRepository).to(Mailer);\n",
      },
      [
        '4 database PostgreSQL | provider TYPES.OrderRepository',
        '5 http Stripe API | provider TYPES.Payments',
        '6 email SMTP via Nodemailer | provider TYPES.Mailer',
        '7 internal your module src/clock.ts | provider TYPES.Clock',
        '8 internal your module src/types.ts | provider TYPES.Unbound',
      ],
    ],
    [
      'inversify rebind of a token bound to two classes keeps the token’s module',
      pkg({ pg: '8', inversify: '6', stripe: '14' }),
      {
        'src/types.ts': "export const TYPES = { Repo: Symbol.for('Repo') };\n",
        'src/a.config.ts': "import { Container } from 'inversify';\nimport { TYPES } from './types';\nimport { OrderRepository } from './order-repository';\nexport const a = new Container();\na.bind(TYPES.Repo).to(OrderRepository);\n",
        'src/b.config.ts': "import { Container } from 'inversify';\nimport { TYPES } from './types';\nimport { Payments } from './payments';\nexport const b = new Container();\nb.bind(TYPES.Repo).to(Payments);\n",
        'test/a.test.ts': `import { a } from '../src/a.config';\nimport { TYPES } from '../src/types';\nit('x', () => {\n  a.rebind(TYPES.Repo).toConstantValue({} as never);\n  expect(1).toBe(1);\n});`,
      },
      ['4 internal your module src/types.ts | provider TYPES.Repo'],
    ],
    [
      'tsyringe register and registerInstance',
      pkg({ pg: '8', tsyringe: '4' }),
      {
        'test/a.test.ts': `import { container } from 'tsyringe';\nimport { OrderRepository } from '../src/order-repository';\nit('x', () => {\n  container.register(OrderRepository, { useValue: { find: jest.fn() } });\n  container.registerInstance(OrderRepository, { find: jest.fn() } as never);\n  expect(1).toBe(1);\n});`,
      },
      ['4 database PostgreSQL | provider OrderRepository', '5 database PostgreSQL | provider OrderRepository'],
    ],
    [
      'Angular TestBed.overrideProvider',
      pkg({ '@angular/core': '17', '@angular/common': '17' }),
      {
        'src/orders.service.ts': "import { HttpClient } from '@angular/common/http';\nexport class OrdersService { constructor(private http: HttpClient) {} }\n",
        'src/orders.component.spec.ts': `import { TestBed } from '@angular/core/testing';\nimport { OrdersService } from './orders.service';\nbeforeEach(() => {\n  TestBed.overrideProvider(OrdersService, { useValue: { list: () => [] } });\n});\n${it_}`,
      },
      ['4 http HTTP API via Angular HttpClient | provider OrdersService'],
    ],
    [
      'NestJS overrideProvider with useValue, useFactory and useClass',
      pkg({ pg: '8', '@nestjs/core': '10', nodemailer: '6', stripe: '14' }, { jest: '29', '@nestjs/testing': '10' }),
      {
        'test/a.test.ts': `import { Test } from '@nestjs/testing';
import { AppModule } from '../src/app.module';
import { OrderRepository } from '../src/order-repository';
import { Mailer } from '../src/mailer';
import { Payments } from '../src/payments';
class FakePayments {}
it('x', async () => {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(OrderRepository).useValue({ find: jest.fn() })
    .overrideProvider(Mailer).useFactory({ factory: () => ({ send: jest.fn() }) })
    .overrideProvider(Payments).useClass(FakePayments)
    .compile();
  expect(moduleRef).toBeDefined();
});`,
      },
      ['9 database PostgreSQL | provider OrderRepository', '10 email SMTP via Nodemailer | provider Mailer', '11 http Stripe API | provider Payments'],
    ],
    [
      'NestJS providers with useFactory and useClass',
      pkg({ pg: '8', '@nestjs/core': '10', stripe: '14' }, { jest: '29', '@nestjs/testing': '10' }),
      {
        'test/a.test.ts': `import { Test } from '@nestjs/testing';
import { OrderRepository } from '../src/order-repository';
import { Payments } from '../src/payments';
class FakePayments {}
it('x', async () => {
  const moduleRef = await Test.createTestingModule({
    providers: [
      { provide: OrderRepository, useFactory: () => ({ find: jest.fn() }) },
      { provide: Payments, useClass: FakePayments },
    ],
  }).compile();
  expect(moduleRef).toBeDefined();
});`,
      },
      ['8 database PostgreSQL | provider OrderRepository', '9 http Stripe API | provider Payments'],
    ],
    [
      'NestJS providers beside imported modules: dropped only where nothing of the testing module receives them',
      pkg({ pg: '8', '@nestjs/core': '10', '@nestjs/config': '3', stripe: '14' }, { jest: '29', '@nestjs/testing': '10' }),
      {
        'test/a.test.ts': `import { Test } from '@nestjs/testing';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ConfigModule } from '@nestjs/config';
import { AppModule } from '../src/app.module';
import { OrderRepository } from '../src/order-repository';
import { Payments } from '../src/payments';
import { shared } from './shared-providers';
it('x', async () => {
  const app = await Test.createTestingModule({
    imports: [AppModule],
    providers: [
      { provide: OrderRepository, useValue: { find: jest.fn() } },
      { provide: APP_GUARD, useValue: { canActivate: jest.fn() } },
      { provide: APP_INTERCEPTOR, useValue: { intercept: jest.fn() } },
    ],
  }).compile();
  const library = await Test.createTestingModule({
    imports: [ConfigModule.forRoot()],
    providers: [{ provide: Payments, useValue: { charge: jest.fn() } }],
  }).compile();
  const spread = await Test.createTestingModule({
    imports: [AppModule],
    providers: [...shared, { provide: OrderRepository, useValue: { find: jest.fn() } }],
  }).compile();
  const listed = await Test.createTestingModule({
    imports: [AppModule],
    controllers: [],
    providers: [Payments, { provide: OrderRepository, useValue: { find: jest.fn() } }],
  }).compile();
  expect([app, library, spread, listed]).toHaveLength(4);
});`,
      },
      // Line 12, beside AppModule alone, reaches nothing; an app-wide guard, a library-only module, a spread and a real provider keep theirs.
      // An added interceptor (line 14) replaces nothing.
      ['13 library library @nestjs/core | provider APP_GUARD', '19 http Stripe API | provider Payments', '23 database PostgreSQL | provider OrderRepository', '28 database PostgreSQL | provider OrderRepository'],
    ],
    [
      'NestJS providers with plain configuration values, whatever their keys are called, and faker data',
      pkg({ pg: '8', '@nestjs/core': '10', '@nestjs/config': '3' }, { jest: '29', '@nestjs/testing': '10', '@faker-js/faker': '9' }),
      {
        'test/a.test.ts': `import { Test } from '@nestjs/testing';
import { ConfigService } from '@nestjs/config';
import { faker, fakerDE } from '@faker-js/faker';
import { OrderRepository } from '../src/order-repository';
const settings = { useFakePayments: false, mockTimeoutMs: 10 };
it('x', async () => {
  const moduleRef = await Test.createTestingModule({
    providers: [
      { provide: ConfigService, useValue: { useMockPayments: false, region: 'eu' } },
      { provide: 'SETTINGS', useValue: settings },
      { provide: 'API_KEY', useValue: { key: faker.string.uuid(), city: fakerDE.location.city() } },
      { provide: OrderRepository, useValue: { stubbed: true, find: jest.fn() } },
    ],
  }).compile();
  expect(moduleRef).toBeDefined();
});`,
      },
      ['12 database PostgreSQL | provider OrderRepository'],
    ],
    [
      'vitest-mock-extended mockDeep and mock, typed by the generic',
      pkg({ pg: '8', '@prisma/client': '5' }, { vitest: '2' }),
      {
        'test/a.test.ts': `import { it, expect } from 'vitest';\nimport { mock, mockDeep } from 'vitest-mock-extended';\nimport { PrismaClient } from '@prisma/client';\nimport type { OrderRepository } from '../src/order-repository';\nconst prisma = mockDeep<PrismaClient>();\nconst repo = mock<OrderRepository>();\nit('x', () => { expect(prisma).toBeDefined(); expect(repo).toBeDefined(); });`,
      },
      ['5 database database via Prisma | PrismaClient (deep double)', '6 database PostgreSQL | OrderRepository (deep double)'],
    ],
    [
      '@golevelup createMock',
      pkg({ pg: '8' }),
      { 'test/a.test.ts': `import { createMock } from '@golevelup/ts-jest';\nimport { OrderRepository } from '../src/order-repository';\nconst repo = createMock<OrderRepository>();\n${it_}` },
      ['3 database PostgreSQL | OrderRepository (deep double)'],
    ],
    [
      'sinon.createStubInstance, also from a sandbox',
      pkg({ pg: '8' }),
      {
        'test/a.test.js': `const sinon = require('sinon');\nconst { Client } = require('pg');\nconst { OrderRepository } = require('../src/order-repository');\nconst sandbox = sinon.createSandbox();\nit('x', () => {\n  const repo = sinon.createStubInstance(OrderRepository);\n  const client = sandbox.createStubInstance(Client);\n  expect(repo && client).toBeTruthy();\n});`,
      },
      ['6 database PostgreSQL | OrderRepository (deep double)', '7 database PostgreSQL | Client (deep double)'],
    ],
    [
      'vi.hoisted values used by vi.mock factories: the mocks are the sites',
      pkg({ pg: '8', nodemailer: '6' }, { vitest: '2' }),
      {
        'test/a.test.ts': `import { vi, it, expect } from 'vitest';\nconst { query, send } = vi.hoisted(() => ({ query: vi.fn(), send: vi.fn() }));\nvi.mock('../src/db', () => ({ pool: { query } }));\nvi.mock('nodemailer', () => ({ default: { createTransport: () => ({ sendMail: send }) } }));\nit('x', () => { expect(query).toBeDefined(); expect(send).toBeDefined(); });`,
      },
      ["3 database PostgreSQL | module '../src/db'", "4 email SMTP via Nodemailer | module 'nodemailer'"],
    ],
    [
      'jest.unstable_mockModule',
      pkg({ pg: '8' }),
      {
        'test/a.test.ts': `import { jest } from '@jest/globals';\njest.unstable_mockModule('pg', () => ({ Pool: jest.fn() }));\njest.unstable_mockModule('../src/db.ts', () => ({ pool: {} }));\nconst { list } = await import('../src/orders.js');\nit('x', () => { expect(list).toBeDefined(); });`,
      },
      ["2 database PostgreSQL | module 'pg'", "3 database PostgreSQL | module '../src/db.ts'"],
    ],
    [
      'msw v1 rest handlers, per host',
      pkg({}, { jest: '29', msw: '1' }),
      {
        'test/a.test.ts': `import { rest } from 'msw';
import { setupServer } from 'msw/node';
const API = 'https://api.example.com';
const server = setupServer(
  rest.get('https://api.github.com/users/:id', (req, res, ctx) => res(ctx.json({ id: 1 }))),
  rest.post(\`\${API}/orders\`, (req, res, ctx) => res(ctx.status(201))),
  rest.get('/api/orders', (req, res, ctx) => res(ctx.json([]))),
);
beforeAll(() => server.listen());
${it_}`,
      },
      [
        '5 http GitHub API | requests to api.github.com',
        '6 http HTTP API at api.example.com | requests to api.example.com',
        '7 http your own HTTP API | relative URL (your own API)',
      ],
    ],
    [
      'aws-sdk-mock, per service and operation',
      pkg({ 'aws-sdk': '2' }, { jest: '29', 'aws-sdk-mock': '5' }),
      {
        'test/a.test.js': `const AWSMock = require('aws-sdk-mock');\nit('x', () => {\n  AWSMock.mock('S3', 'getObject', { Body: 'x' });\n  AWSMock.mock('DynamoDB.DocumentClient', 'get', { Item: {} });\n  expect(1).toBe(1);\n});`,
      },
      ['3 cloud AWS (SDK v2) | AWS.S3.getObject', '4 cloud AWS (SDK v2) | AWS.DynamoDB.DocumentClient.get'],
    ],
    [
      'knex-mock-client',
      pkg({ knex: '3', pg: '8' }, { jest: '29', 'knex-mock-client': '2' }),
      {
        'test/a.test.ts': `import knex from 'knex';\nimport { MockClient, getTracker } from 'knex-mock-client';\nconst db = knex({ client: MockClient });\nit('x', async () => {\n  getTracker().on.select('orders').response([]);\n  expect(await db('orders')).toEqual([]);\n});`,
      },
      ["2 database SQL database via Knex | module 'knex'"],
    ],
    [
      'prismock, alone and as the factory of a module mock',
      pkg({ '@prisma/client': '5' }, { jest: '29', prismock: '1' }),
      {
        'test/a.test.ts': `import { PrismockClient } from 'prismock';\nconst prisma = new PrismockClient();\nit('x', async () => { expect(await prisma.user.findMany()).toEqual([]); });`,
        'test/b.test.ts': `jest.mock('@prisma/client', () => ({\n  ...jest.requireActual('@prisma/client'),\n  PrismaClient: jest.requireActual('prismock').PrismockClient,\n}));\n${it_}`,
      },
      ["1 database database via Prisma | module '@prisma/client'", "1 database database via Prisma | module '@prisma/client'"],
    ],
    [
      'nodemailer-mock as the factory of jest.mock: one double, one site',
      pkg({ nodemailer: '6' }, { jest: '29', 'nodemailer-mock': '2' }),
      {
        'test/a.test.ts': `import nodemailerMock from 'nodemailer-mock';\njest.mock('nodemailer', () => nodemailerMock);\nit('x', () => { expect(nodemailerMock.mock.getSentMail()).toEqual([]); });`,
        'test/b.test.js': `const nodemailer = require('nodemailer-mock');\nit('x', async () => {\n  await nodemailer.createTransport({}).sendMail({ to: 'a' });\n  expect(nodemailer.mock.getSentMail()).toHaveLength(1);\n});`,
      },
      ["2 email SMTP via Nodemailer | module 'nodemailer'", "1 email SMTP via Nodemailer | module 'nodemailer'"],
    ],
    [
      'rewire: a private variable bound to a require, made from an import, or the module’s own',
      pkg({ pg: '8', axios: '1' }, { mocha: '10', rewire: '7' }),
      {
        'src/services/orders.js': `const db = require('../db');\nconst { Pool } = require('pg');\nconst pool = new Pool();\nconst format = (o) => o;\nexports.list = async () => (await db.pool.query('x')).rows.map(format);\n`,
        'test/a.test.js': `const rewire = require('rewire');
let orders;
beforeEach(() => { orders = rewire('../src/services/orders'); });
it('x', () => {
  orders.__set__('db', { pool: {} });
  orders.__set__({ pool: {}, format: (o) => o });
  orders.__set__('console', { log() {} });
  expect(1).toBe(1);
});`,
      },
      [
        "5 database PostgreSQL | db inside module '../src/services/orders'",
        "6 database PostgreSQL | pool inside module '../src/services/orders'",
        "6 internal format, private to your module src/services/orders.js | format inside module '../src/services/orders'",
        "7 library runtime console | console inside module '../src/services/orders'",
      ],
    ],
    [
      'rewire __with__: keys of its object, its result called, returned or kept',
      pkg({ pg: '8', axios: '1' }, { mocha: '10', rewire: '7' }),
      {
        'src/services/orders.js': `const db = require('../db');\nconst { Pool } = require('pg');\nconst pool = new Pool();\nconst format = (o) => o;\nexports.list = async () => (await db.pool.query('x')).rows.map(format);\n`,
        'test/a.test.js': `const rewire = require('rewire');
const orders = rewire('../src/services/orders');
it('x', () => {
  orders.__with__({ db: { pool: {} } })(() => { expect(1).toBe(1); });
});
it('y', () => {
  return orders.__with__({ format: (o) => o })(async () => { expect(1).toBe(1); });
});
it('z', async () => {
  const revert = orders.__with__({ pool: {} });
  await revert(() => expect(1).toBe(1));
});`,
      },
      [
        "4 database PostgreSQL | db inside module '../src/services/orders'",
        "7 internal format, private to your module src/services/orders.js | format inside module '../src/services/orders'",
        "10 database PostgreSQL | pool inside module '../src/services/orders'",
      ],
    ],
    [
      'babel-plugin-rewire: __Rewire__ on the imported module',
      pkg({ pg: '8' }),
      {
        'src/services/orders.ts': `import { pool } from '../db';\nexport const list = async () => (await pool.query('x')).rows;\n`,
        'test/a.test.ts': `import * as orders from '../src/services/orders';\nit('x', () => {\n  (orders as any).__Rewire__('pool', {});\n  expect(1).toBe(1);\n});`,
      },
      ["3 database PostgreSQL | pool inside module '../src/services/orders'"],
    ],
  ];
  for (const [name, manifest, files, expected] of table) {
    it(name, async () => {
      const result = await auditRepo({ 'package.json': manifest, ...source, ...files });
      expect(result.errors).toEqual([]);
      const sites = result.findings
        .filter((f) => f.ruleId === 'mocked-dependency')
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line))
        .map((f) => `${f.line} ${f.boundary} ${f.system} | ${f.target}`);
      expect(sites).toEqual(expected);
    });
  }
});
