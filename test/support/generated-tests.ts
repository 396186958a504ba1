/**
 * fast-check arbitraries for the fuzz test: test files built from the vocabulary test-audit
 * recognises (Jest, Vitest, sinon, nock, shared state), names that collide with Object.prototype,
 * titles full of control characters, and mutations of those programs at the token level.
 */
import fc from 'fast-check';
import { ts } from 'ts-morph';

/** Identifiers, including ones a plain object answers from its prototype. */
const identifier = fc.constantFrom(
  'db', 'repo', 'client', 'pool', 'api', 'user', 'cache', 'list', 'result', 'service',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'then', 'prototype',
  'jest', 'vi', 'sinon', 'nock', 'axios', 'fetch', 'process', 'globalThis', 'Date', 'Math',
);
const member = fc.constantFrom('query', 'find', 'get', 'post', 'send', 'save', 'connect', 'now', 'constructor', '__proto__', 'toString', 'mock', 'calls');
const moduleName = fc.constantFrom(
  'pg', 'axios', 'knex', 'better-sqlite3', 'pg-mem', 'nock', 'msw/node', 'jsonwebtoken', 'ioredis', 'node:fs',
  '@aws-sdk/client-s3', '@nestjs/testing', 'vitest', '@jest/globals', 'sinon', 'mongodb-memory-server',
  '../src/db', './helpers', '../../outside', 'constructor', '__proto__', 'toString', '', '\u0000', 'pg\nx',
);
const envKey = fc.constantFrom('DATABASE_URL', 'NODE_ENV', 'API_KEY', 'constructor', '__proto__', 'TZ');
/** Titles with what terminals and CI logs act on: ANSI escapes, newlines, C1 CSI, bidi overrides, workflow commands. */
const title = fc.oneof(
  fc.constantFrom('works', 'integration', 'e2e flow', '\u001b[31mred\u001b[0m', 'line\nforged ✓', 'cr\rover', '\u009b2J', '\u202eevil\u202c', '::error::x', '%0A', '`tick` | pipe', '{placeholder}', ''),
  fc.string({ maxLength: 12 }),
);
const literal = fc.oneof(
  fc.constantFrom('1', 'null', 'undefined', 'true', '[]', '{}', '{ rows: [] }', "'postgres://u:p@host/db'", "'sqlite::memory:'", "':memory:'"),
  title.map((t) => JSON.stringify(t)),
);

const statement: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(identifier, literal).map(([a, v]) => `expect(${a}).toBe(${v});`),
  fc.tuple(identifier, member, literal).map(([a, m, v]) => `expect(${a}.${m}).toHaveBeenCalledWith(${v});`),
  fc.tuple(identifier, member).map(([a, m]) => `expect(${a}.${m}).toHaveBeenCalledTimes(1);`),
  fc.tuple(identifier, member, literal).map(([a, m, v]) => `${a}.${m}.mockResolvedValue(${v});`),
  fc.tuple(identifier, member).map(([a, m]) => `${a}.${m}.mockReturnValueOnce(1);`),
  fc.tuple(identifier, member).map(([a, m]) => `jest.spyOn(${a}, ${JSON.stringify(m)}).mockImplementation(() => 1);`),
  fc.tuple(identifier, member).map(([a, m]) => `vi.spyOn(${a}, ${JSON.stringify(m)});`),
  fc.tuple(identifier, member).map(([a, m]) => `sinon.stub(${a}, ${JSON.stringify(m)}).resolves(1);`),
  fc.constant(`nock('https://api.example.com').get('/x').reply(200, {});`),
  fc.tuple(envKey, literal).map(([k, v]) => `process.env.${k} = ${v};`),
  envKey.map((k) => `delete process.env[${JSON.stringify(k)}];`),
  fc.tuple(identifier, literal).map(([a, v]) => `globalThis.${a} = ${v};`),
  fc.tuple(identifier, literal).map(([a, v]) => `${a} = ${v};`),
  fc.tuple(identifier, literal).map(([a, v]) => `${a}.push(${v});`),
  fc.tuple(identifier, member).map(([a, m]) => `await ${a}.${m}('select 1');`),
  fc.tuple(identifier, moduleName).map(([a, m]) => `const ${a}2 = new ${a}(${JSON.stringify(m)});`),
  fc.constantFrom('jest.resetAllMocks();', 'vi.restoreAllMocks();', 'sinon.restore();', 'helper();', 'jest.useFakeTimers();'),
);
const statements = fc.array(statement, { maxLength: 5 }).map((list) => list.join('\n    '));

const topLevel: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(identifier, moduleName).map(([a, m]) => `import ${a} from ${JSON.stringify(m)};`),
  fc.tuple(identifier, moduleName).map(([a, m]) => `import { ${a} as x${a} } from ${JSON.stringify(m)};`),
  fc.tuple(identifier, moduleName).map(([a, m]) => `const ${a} = require(${JSON.stringify(m)});`),
  moduleName.map((m) => `jest.mock(${JSON.stringify(m)});`),
  moduleName.map((m) => `vi.mock(${JSON.stringify(m)}, () => ({ default: vi.fn() }));`),
  moduleName.map((m) => `jest.mock(${JSON.stringify(m)}, () => ({ Pool: jest.fn(() => ({ query: jest.fn() })) }));`),
  fc.tuple(identifier, literal).map(([a, v]) => `let ${a} = ${v};`),
  statements.map((body) => `function helper() {\n    ${body}\n}`),
);

const testCase = fc
  .tuple(fc.constantFrom('it', 'test', 'it.skip', 'it.only', 'test.concurrent', 'it.each([[1]])', 'specify'), title, statements)
  .map(([fn, t, body]) => `${fn}(${JSON.stringify(t)}, async () => {\n    ${body}\n  });`);
const hook = fc
  .tuple(fc.constantFrom('beforeEach', 'afterEach', 'beforeAll', 'afterAll'), statements)
  .map(([kind, body]) => `${kind}(() => {\n    ${body}\n  });`);

const { block } = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    testCase,
    hook,
    fc
      .tuple(fc.constantFrom('describe', 'describe.skip', 'context', 'suite'), title, fc.array(tie('block'), { maxLength: 4 }))
      .map(([fn, t, inner]) => `${fn}(${JSON.stringify(t)}, () => {\n  ${inner.join('\n  ')}\n});`),
  ),
}));

/** A whole test file: top-level statements, then blocks. */
export const testProgram: fc.Arbitrary<string> = fc
  .tuple(fc.array(topLevel, { maxLength: 5 }), fc.array(block, { minLength: 1, maxLength: 4 }))
  .map(([top, blocks]) => `${top.join('\n')}\n\n${blocks.join('\n\n')}\n`);

export type Mutation = { op: 'delete' | 'duplicate' | 'truncate'; at: number } | { op: 'insert'; at: number; token: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom('(', ')', '{', '}', '`', '"', "'", '/*', '<', '=>', '${', '\u0000', '\r', '\u2028', '\uFEFF', '@', '#', 'describe(', 'it(') }),
);

/** Splits source text into tokens (trivia included, so joining them gives the text back). */
export function tokens(text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.JSX, text);
  const out: string[] = [];
  let last = 0;
  while (scanner.scan() !== ts.SyntaxKind.EndOfFileToken) {
    const end = scanner.getTextPos();
    if (end <= last) break;
    out.push(text.slice(last, end));
    last = end;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Applies mutations to a program's tokens: deletion, duplication, truncation, insertion. */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let list = tokens(text);
  for (const m of mutations) {
    if (list.length === 0) break;
    const at = m.at % list.length;
    if (m.op === 'delete') list.splice(at, 1);
    else if (m.op === 'duplicate') list.splice(at, 0, list[at]!);
    else if (m.op === 'truncate') list = list.slice(0, at);
    else if (m.op === 'insert') list.splice(at, 0, m.token);
  }
  return list.join('');
}

/** A valid program, one mutated by up to four token edits, or arbitrary text (any code points, line endings, a BOM). */
export const testFileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: testProgram, weight: 3 },
  { arbitrary: fc.tuple(testProgram, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([text, edits]) => mutate(text, edits)), weight: 3 },
  { arbitrary: fc.tuple(fc.constantFrom('', '\uFEFF'), fc.string({ unit: 'binary', maxLength: 80 }), fc.constantFrom('\n', '\r\n')).map(([bom, text, eol]) => bom + text.replaceAll('\n', eol)), weight: 1 },
);

const TEST_PATHS = [
  'test/a.test.ts',
  'test/integration/orders.integration.test.ts',
  'src/__tests__/b.spec.js',
  'e2e/flow.e2e.test.tsx',
  'test/c.test.mjs',
  'test/d.test.cjs',
  'packages/api/test/e.int.test.ts',
  'test/ui.test.jsx',
];

const manifest = fc.oneof(fc.constantFrom(
  null,
  '{"name":"x","dependencies":{"pg":"8"},"devDependencies":{"jest":"29"}}',
  '{"name":"x","devDependencies":{"vitest":"1"},"jest":{"resetMocks":true}}',
  '{"dependencies":{"constructor":"1","__proto__":"1","toString":"1"}}',
  '{"name": "broken", "dependencies": {',
  '[1, 2, 3]',
  '',
), fc.tuple(fc.constant('{"name":"x","dependencies":{"pg":"8"},"jest":{"setupFiles":["./test/setup.js"]}}'), fc.nat(), fc.nat()).map(([text, at, length]) => text.slice(0, at % text.length) + text.slice((at % text.length) + (length % 5))));
const jestConfig = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    "module.exports = { setupFilesAfterEnv: ['./test/setup.ts'], clearMocks: true };",
    'export default { __proto__: { resetMocks: true }, roots: ["<rootDir>/../.."] };',
  ),
  fc.tuple(fc.constant("module.exports = { setupFiles: ['<rootDir>/test/setup.js'], restoreMocks: true };"), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([text, edits]) => mutate(text, edits)),
);

export interface GeneratedRepo {
  /** Test files by path: every one of them must end up audited or in errors[]. */
  tests: Record<string, string>;
  /** Context files (package.json, jest.config.js) by path. */
  context: Record<string, string>;
}

export const generatedRepo: fc.Arbitrary<GeneratedRepo> = fc
  .tuple(fc.uniqueArray(fc.constantFrom(...TEST_PATHS), { minLength: 1, maxLength: 3 }), fc.array(testFileText, { minLength: 3, maxLength: 3 }), manifest, jestConfig)
  .map(([paths, texts, pkg, config]) => {
    const tests: Record<string, string> = {};
    paths.forEach((path, i) => (tests[path] = texts[i]!));
    const context: Record<string, string> = {};
    if (pkg !== null) context['package.json'] = pkg;
    if (config !== null) context['jest.config.js'] = config;
    return { tests, context };
  });
