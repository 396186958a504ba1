/**
 * Bad input, end to end through the real binary: every case either audited or listed in errors[]
 * with its reason, context problems as warnings, and the rest of the report intact.
 * Cases that cannot live in git (bytes, sizes, nesting) are generated into a temporary folder.
 */
import { open, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { audit } from '../src/index.js';
import type { RuleDefinition } from '../src/model/rule.js';
import { runCli, repoRoot, type CliRun } from './support/cli.js';

interface Report {
  files: { path: string; tests: number; mocks: number }[];
  findings: { ruleId: string; severity: string; path: string; line: number; column: number; test: string | null }[];
  errors: { path: string; kind: string; message: string }[];
  warnings: string[];
  summary: { errors: number; tests: number };
}

const fixture = (name: string): string => join(repoRoot, 'fixtures/hostile', name);
const filesOf = (report: Report): [string, number][] => report.files.map((f) => [f.path, f.tests]);
const findingsOf = (report: Report): string[] => report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.path}:${f.line}`);

describe('syntax: every case parsed or listed as a parse error', () => {
  let json: CliRun;
  let table: CliRun;
  beforeAll(async () => {
    [json, table] = await Promise.all([runCli([fixture('syntax'), '--format', 'json']), runCli([fixture('syntax')])]);
  });

  it('lists each file the parser cannot read, with the line of the first error', () => {
    expect(json.stderr).toBe('');
    expect((JSON.parse(json.stdout) as Report).errors).toEqual([
      {
        path: 'test/flow-only.test.js',
        kind: 'parse-error',
        message: 'syntax error at line 4: Property or signature expected. (a Flow file: Flow-only syntax cannot be read)',
      },
      { path: 'test/merge-conflict.test.ts', kind: 'parse-error', message: 'syntax error at line 4: Merge conflict marker encountered.' },
      { path: 'test/syntax-error.test.ts', kind: 'parse-error', message: "syntax error at line 5: '}' expected." },
      { path: 'test/unterminated-string.test.ts', kind: 'parse-error', message: 'syntax error at line 2: Unterminated string literal.' },
      { path: 'test/unterminated-template.test.ts', kind: 'parse-error', message: 'syntax error at line 5: Unterminated template literal.' },
    ]);
  });

  it('audits what the parser reads: Flow annotations TypeScript shares, JSX in .js, decorators, using/accessor/satisfies/import attributes, empty and comment-only files, minified code', () => {
    const report = JSON.parse(json.stdout) as Report;
    expect(filesOf(report)).toEqual([
      ['test/comments-only.test.ts', 0],
      ['test/decorators.test.ts', 1],
      ['test/empty.test.ts', 0],
      ['test/flow-annotations.test.js', 1],
      ['test/integration/orders.integration.test.ts', 1],
      ['test/jsx-in-js.test.js', 1],
      ['test/minified.test.js', 1],
      ['test/newest-syntax.test.ts', 1],
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('keeps the rest of the report: the healthy integration test still fails the run', () => {
    const report = JSON.parse(json.stdout) as Report;
    expect(findingsOf(report)).toEqual([
      'mocked-dependency error test/integration/orders.integration.test.ts:3',
      'all-stubbed-integration warning test/integration/orders.integration.test.ts:5',
      'mock-invocation-only error test/integration/orders.integration.test.ts:6',
      'mocked-dependency info test/minified.test.js:1',
    ]);
    expect(json.code).toBe(1);
    expect(table.code).toBe(1);
  });

  it('prints the files not audited in the table, one line each with the reason', () => {
    expect(table.stdout).toContain('  Not read   5 files (listed below)');
    expect(table.stdout).toContain('Files not audited (5)');
    expect(table.stdout).toContain("  test/syntax-error.test.ts\n    parse-error: syntax error at line 5: '}' expected.\n");
    expect(table.stdout).toContain('  test/merge-conflict.test.ts\n    parse-error: syntax error at line 4: Merge conflict marker encountered.\n');
  });
});

describe('broken context files become warnings, never errors', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli([fixture('broken-context'), '--format', 'json']);
  });

  it('names each file and its problem; compose and .env lines that do not parse are skipped silently', () => {
    const report = JSON.parse(run.stdout) as Report;
    expect(report.warnings).toEqual([
      "jest.config.js: syntax error at line 3: ',' expected.",
      "knexfile.js: syntax error at line 4: ',' expected.",
      'ormconfig.json: invalid JSON at line 1: Expression expected.',
      "package.json: invalid JSON at line 5: '}' expected.",
      "tsconfig.json: invalid JSON at line 5: '}' expected.",
    ]);
    expect(report.errors).toEqual([]);
  });

  it('still audits the tests', () => {
    const report = JSON.parse(run.stdout) as Report;
    expect(filesOf(report)).toEqual([['test/integration/orders.integration.test.ts', 1]]);
    expect(findingsOf(report)).toEqual([
      'mocked-dependency error test/integration/orders.integration.test.ts:3',
      'all-stubbed-integration warning test/integration/orders.integration.test.ts:5',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  });
});

/** Content that git would mangle or that is too big to keep: bytes, sizes, nesting depths. */
function generatedFiles(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  files['package.json'] = '{ "name": "generated", "dependencies": { "pg": "8" }, "devDependencies": { "jest": "29" } }';
  files['test/integration/healthy.integration.test.ts'] = "import { Pool } from 'pg';\njest.mock('pg');\nit('saves', async () => {\n  expect(await new Pool().query('select 1')).toEqual({ rows: [] });\n});\n";
  files['test/bom.test.ts'] = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("jest.mock('axios');\nit('bom', () => {\n  expect(1).toBe(1);\n});\n")]);
  files['test/crlf.test.ts'] = "describe('crlf', () => {\r\n  it('a', () => {\r\n    jest.mock('ioredis');\r\n  });\r\n});\r\n";
  files['test/latin1.test.ts'] = Buffer.from("it('caf\xe9 \x9b31m', () => {\n  expect('\xe9').toBe('\xe9');\n});\n", 'latin1');
  files['test/nul.test.ts'] = Buffer.from("it('has a NUL', () => {});\n\u0000\n", 'utf8');
  let many = "describe('many', () => {\n";
  for (let i = 0; i < 20_000; i++) many += `  it('case ${i}', () => { expect(${i}).toBe(${i}); });\n`;
  files['test/twenty-thousand.test.ts'] = `${many}});\n`;
  let big = "import { db } from '../src/db';\n";
  for (let i = 0; big.length < 5 * 1024 * 1024; i++) {
    big += `it('row ${i}', async () => { expect(await db.query('select ${i}')).toEqual([${'{ id: 1, name: "n" }, '.repeat(20)}]); });\n`;
  }
  files['test/five-megabytes.test.ts'] = big;
  files['test/nested-500.test.ts'] = `${"describe('level', () => {\n".repeat(500)}it('deep', () => { expect(1).toBe(1); });\n${'});\n'.repeat(500)}`;
  files['test/deep-expression.test.ts'] = `it('parens', () => { expect(${'('.repeat(20_000)}1${')'.repeat(20_000)}).toBe(1); });\n`;
  files['test/too-deep.test.ts'] = `it('parens', () => { expect(${'('.repeat(300_000)}1${')'.repeat(300_000)}).toBe(1); });\n`;
  files['test/long-chain.test.ts'] = `it('chain', () => { expect(${Array(100_000).fill('1').join('+')}).toBeGreaterThan(1); });\n`;
  let bundle = '!function(){';
  for (let i = 0; i < 20_000; i++) bundle += `var a${i}=function(e,t){return e+t+${i}};`;
  files['test/bundle.min.test.js'] = `${bundle}describe("min",function(){it("x",function(){expect(a1(1,2)).toBe(4)})})}();`;
  return files;
}

describe('generated input: encodings, binary content, sizes and nesting', () => {
  let root: string;
  let run: CliRun;
  let report: Report;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'test-audit-generated-'));
    for (const [path, content] of Object.entries(generatedFiles())) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    }
    // 9 GB without using the disk: the size check must come before any read.
    const sparse = await open(join(root, 'test/nine-gigabytes.test.ts'), 'w');
    await sparse.truncate(9 * 1024 ** 3);
    await sparse.close();
    // A generous budget: these files take seconds, and a slow CI machine must not turn them into timeouts.
    run = await runCli([root, '--format', 'json', '--file-budget', '120000']);
    report = JSON.parse(run.stdout) as Report;
  }, 300_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('lists binary, oversized and too-deep files as errors', () => {
    expect(report.errors).toEqual([
      { path: 'test/nine-gigabytes.test.ts', kind: 'too-large', message: 'file is 9216 MB, above the 8 MB limit' },
      { path: 'test/nul.test.ts', kind: 'binary', message: 'file contains NUL bytes: binary content, not source' },
      { path: 'test/too-deep.test.ts', kind: 'too-complex', message: 'nesting too deep to analyse (stack limit reached)' },
    ]);
  });

  it('audits the rest: BOM, CRLF and Latin-1 files, 5 MB, 20,000 tests, 500 nested describes, deep expressions, a minified bundle', () => {
    expect(filesOf(report)).toEqual([
      ['test/bom.test.ts', 1],
      ['test/bundle.min.test.js', 1],
      ['test/crlf.test.ts', 1],
      ['test/deep-expression.test.ts', 1],
      ['test/five-megabytes.test.ts', report.files.find((f) => f.path === 'test/five-megabytes.test.ts')!.tests],
      ['test/integration/healthy.integration.test.ts', 1],
      ['test/latin1.test.ts', 1],
      ['test/long-chain.test.ts', 1],
      ['test/nested-500.test.ts', 1],
      ['test/twenty-thousand.test.ts', 20_000],
    ]);
    expect(report.files.find((f) => f.path === 'test/five-megabytes.test.ts')!.tests).toBeGreaterThan(10_000);
    expect(report.summary.errors).toBe(3);
  });

  it('says when a file was decoded as Latin-1', () => {
    expect(report.warnings).toEqual(['test/latin1.test.ts: not valid UTF-8: decoded as Latin-1']);
  });

  it('places findings on the right lines after a BOM and in CRLF files, and keeps the healthy file failing the run', () => {
    expect(findingsOf(report)).toEqual([
      'mocked-dependency info test/bom.test.ts:1',
      'no-assertion warning test/crlf.test.ts:2',
      'mocked-dependency info test/crlf.test.ts:3',
      'mocked-dependency error test/integration/healthy.integration.test.ts:2',
      'all-stubbed-integration warning test/integration/healthy.integration.test.ts:3',
    ]);
    expect(report.findings.find((f) => f.path === 'test/crlf.test.ts')!.test).toBe('crlf › a');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  });
});

describe('the per-file time budget', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'test-audit-budget-'));
    await mkdir(join(root, 'test'));
    await writeFile(join(root, 'test/twenty-thousand.test.ts'), generatedFiles()['test/twenty-thousand.test.ts']!);
    await writeFile(join(root, 'test/small.test.ts'), "jest.mock('pg');\nit('small', () => {});\n");
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('skips a file that takes longer than --file-budget and audits the others', async () => {
    // Reading 20,000 tests (a megabyte of source) takes far longer than 50 ms on any machine, and the
    // walk stops at its first check; a one-test file, its rules included, takes a small part of it.
    const run = await runCli([root, '--format', 'json', '--file-budget', '50']);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.errors).toEqual([
      { path: 'test/twenty-thousand.test.ts', kind: 'timeout', message: 'analysis took longer than the per-file time budget (50 ms): skipped' },
    ]);
    expect(filesOf(report)).toEqual([['test/small.test.ts', 1]]);
    expect(run.code).toBe(0);
  });

  it('rejects a budget that is not a whole number of milliseconds', async () => {
    const run = await runCli([root, '--file-budget', '1.5s']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("option '--file-budget <ms>' argument '1.5s' is invalid");
    expect(run.stdout).toBe('');
  });
});

describe('pathological context files', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'test-audit-context-'));
    await mkdir(join(root, 'test'));
    // 1 MB of datasource blocks that never close, then a real one after a generator block.
    const unclosed = 'datasource a {\n'.repeat(65_000);
    await writeFile(join(root, 'schema.prisma'), `${unclosed}}\ngenerator client {\n  provider = "prisma-client-js"\n}\ndatasource db {\n  provider = "postgresql"\n}\n`);
    // Jest projects nested 30,000 deep: valid JSON, and a recursion that used to exhaust the stack.
    let projects = '{ "clearMocks": true }';
    for (let i = 0; i < 30_000; i++) projects = `{ "projects": [${projects}] }`;
    await writeFile(join(root, 'package.json'), `{ "name": "deep", "devDependencies": { "jest": "29" }, "jest": ${projects} }`);
    await writeFile(join(root, 'test/db.test.ts'), "import Database from 'better-sqlite3';\nconst db = new Database(':memory:');\nit('x', () => { expect(db).toBeDefined(); });\n");
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('reads a 1 MB schema of unclosed blocks in linear time and 30,000 nested jest projects without crashing', async () => {
    const started = Date.now();
    const run = await runCli([root, '--format', 'json']);
    // Scanning block by block takes well under a second; the old lazy regex took 15 s of CPU here.
    expect(Date.now() - started).toBeLessThan(8_000);
    const report = JSON.parse(run.stdout) as Report & { findings: { message: string }[] };
    expect(report.findings.map((f) => f.ruleId)).toEqual(['sqlite-for-postgres']);
    expect(report.findings[0]!.message).toContain('Prisma datasource provider "postgresql" at schema.prisma:65006)');
    expect(report.warnings).toEqual([]);
    // A unit test: SQLite there is a warning, below the default fail level.
    expect(run.code).toBe(0);
  });
});

describe('a rule that throws', () => {
  it('costs its own findings on that file, listed as an internal error; the other rules still report', async () => {
    const boom: RuleDefinition = {
      meta: { id: 'boom', description: 'throws on one file', rationale: '', severity: { default: { unit: 'error', integration: 'error', e2e: 'error' } }, messages: { m: 'm' } },
      check(file) {
        if (file.path === 'test/integration/orders.integration.test.ts') throw new Error('exploded');
        return [];
      },
    };
    const result = await audit({ root: fixture('syntax'), rules: [...rules, boom] });
    expect(result.errors.filter((e) => e.kind === 'internal-error')).toEqual([
      { path: 'test/integration/orders.integration.test.ts', kind: 'internal-error', message: 'rule boom failed: exploded (a bug in test-audit: please report it)' },
    ]);
    expect(result.findings.map((f) => `${f.ruleId} ${f.path}:${f.line}`)).toEqual([
      'mocked-dependency test/integration/orders.integration.test.ts:3',
      'all-stubbed-integration test/integration/orders.integration.test.ts:5',
      'mock-invocation-only test/integration/orders.integration.test.ts:6',
      'mocked-dependency test/minified.test.js:1',
    ]);
  });
});

describe('rules past the time budget', () => {
  it('list the file as timed out and audit the others', async () => {
    // A rule slower than the whole budget on one file: the rules after it are not run there.
    const slow: RuleDefinition = {
      meta: { id: 'slow', description: 'takes long on one file', rationale: '', severity: { default: { unit: 'error', integration: 'error', e2e: 'error' } }, messages: { m: 'm' } },
      check(file) {
        if (file.path === 'test/integration/orders.integration.test.ts') {
          const until = Date.now() + 300;
          while (Date.now() < until);
        }
        return [];
      },
    };
    const result = await audit({ root: fixture('syntax'), rules: [slow, ...rules], fileBudgetMs: 100 });
    expect(result.errors.filter((e) => e.kind === 'timeout')).toEqual([
      { path: 'test/integration/orders.integration.test.ts', kind: 'timeout', message: 'the rules took longer than the per-file time budget (100 ms): skipped' },
    ]);
    expect(result.files.map((f) => f.path)).not.toContain('test/integration/orders.integration.test.ts');
    expect(result.findings.map((f) => `${f.ruleId} ${f.path}:${f.line}`)).toEqual(['mocked-dependency test/minified.test.js:1']);
  });
});
