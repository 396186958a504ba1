/**
 * Snippet tables (RuleTester style) for the extractor and the rules, on real files in temporary
 * repositories: each case is a tiny repo and the exact findings it must produce.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit } from '../src/index.js';
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
      'table %s › conditional:skipped',
      'top level:unit',
    ]);
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
      'a.test.mjs:outer:unit',
      'a.test.mjs:inner:unit',
      'e2e/home.spec.ts:home › has a title:e2e',
    ]);
    expect(result.files.map((f) => f.framework)).toEqual(['node:test', 'playwright']);
  });
});

describe('tiers', () => {
  const body = "it('x', () => { expect(1).toBe(1); });\n";
  it('reads tier markers from test folders within the package, not product folders or the folders above it', async () => {
    const result = await auditRepo({
      'package.json': jestPkg,
      'test/integration/a.test.ts': body,
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
      'tests/db-integration/c.test.ts': 'integration',
      'tests/integrations/billing.test.ts': 'unit',
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
});

describe('shared state', () => {
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
