/**
 * Which files are tests, by the conventions of Jest, Vitest, Mocha, Jasmine, node:test,
 * Playwright and Cypress, and which folders hold test support code.
 */
const EXT = String.raw`\.[cm]?[jt]sx?$`;
/**
 * Names the runners pick up by default: Jest `?(*.)+(spec|test).[jt]s?(x)`, Vitest and Playwright
 * `*.{test,spec}.*`, Cypress `*.cy.*`, and the dotted tier names configs add (`*.e2e-spec.ts`).
 */
const TEST_NAME = new RegExp(String.raw`\.(test|spec|e2e-spec|e2e|cy|int-spec|integration-spec)${EXT}`);
/**
 * Names only some runners use: node:test `*-test.js`, `*_test.js`, `test-*.js`, `test.js`; Jasmine
 * `*[sS]pec.js`. Production code is named like this too (`api-under-test.js`), so such a file is
 * a test only when it declares tests.
 */
const WEAK_TEST_NAME = new RegExp(String.raw`[-_](test|spec|e2e-spec|e2e|cy|int-spec|integration-spec)${EXT}|[a-z0-9]Spec${EXT}|^(test|spec)([-_][^/]*)?${EXT}`);
const TEST_FOLDERS = new Set(['__tests__', 'test', 'tests', 'spec', '__test__', 'e2e', 'integration']);
const SUPPORT_SEGMENT = /^(test|tests|__tests__|__test__|spec|testing|test-utils|test-helpers|testutils|testhelpers|__mocks__|mocks|e2e|integration|support|helpers)$/i;
// "x-under-test" names the code under test, not code that serves tests.
const SUPPORT_NAME =
  /(^|[-_.])(?<!under[-_.])(test|tests|testing|spec|mock|mocks|fake|fakes|stub|stubs|setup|helpers?|fixtures?|teardown)([-_.]|$)|[a-z](Test|Mock|Fake|Stub|Setup|Helper|Fixture)s?[A-Z._-]|^(test|mock|fake|setup)[A-Z]/;

export function isSourceFile(path: string): boolean {
  return /\.[cm]?[jt]sx?$/.test(path) && !path.endsWith('.d.ts') && !/\.d\.[cm]ts$/.test(path);
}

/** Named like a test by the runners' default patterns (`x.test.ts`, `x.spec.js`, `x.e2e-spec.ts`, `x.cy.ts`). */
export function hasTestName(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return TEST_NAME.test(base);
}

/** Named like a test by a convention some runners follow (`x-test.js`, `x_test.js`, `fooSpec.js`): a test if it declares tests. */
export function hasWeakTestName(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return WEAK_TEST_NAME.test(base);
}

/** Inside a folder that conventionally holds tests (`__tests__/`, `test/`, `tests/`, `spec/`). */
export function inTestFolder(path: string): boolean {
  const segments = path.split('/');
  segments.pop();
  return segments.some((s) => TEST_FOLDERS.has(s));
}

/** Inside a `__mocks__` folder: Jest manual mocks. */
export function inMocksFolder(path: string): boolean {
  return path.split('/').slice(0, -1).includes('__mocks__');
}

/**
 * A test candidate: named like a test, or in a test folder or named like one by a weaker
 * convention (then a test only when it declares tests).
 */
export function isTestCandidate(path: string): boolean {
  if (!isSourceFile(path) || inMocksFolder(path)) return false;
  if (/(^|\/)(jest|vitest|vite|playwright|cypress|karma|wdio|babel|webpack|rollup|eslint|prettier)\.config\.[cm]?[jt]s$/.test(path)) return false;
  return hasTestName(path) || inTestFolder(path) || hasWeakTestName(path);
}

/** A file that by its location or name serves tests (kept when a test imports it). */
export function looksLikeSupport(path: string): boolean {
  const segments = path.split('/');
  const base = segments.pop()!;
  return segments.some((s) => SUPPORT_SEGMENT.test(s)) || SUPPORT_NAME.test(base);
}
