/**
 * Which files are tests, by the conventions of Jest, Vitest, Mocha, Jasmine, node:test,
 * Playwright and Cypress, and which folders hold test support code.
 */
const EXT = String.raw`\.[cm]?[jt]sx?$`;
const TEST_NAME = new RegExp(String.raw`(\.|-|_)(test|spec|e2e-spec|e2e|cy|int-spec|integration-spec)${EXT}|[a-z0-9]Spec${EXT}`);
const TEST_FOLDERS = new Set(['__tests__', 'test', 'tests', 'spec', '__test__', 'e2e', 'integration']);
const SUPPORT_SEGMENT = /^(test|tests|__tests__|__test__|spec|testing|test-utils|test-helpers|testutils|testhelpers|__mocks__|mocks|e2e|integration|support|helpers)$/i;
const SUPPORT_NAME =
  /(^|[-_.])(test|tests|testing|spec|mock|mocks|fake|fakes|stub|stubs|setup|helpers?|fixtures?|teardown)([-_.]|$)|[a-z](Test|Mock|Fake|Stub|Setup|Helper|Fixture)s?[A-Z._-]|^(test|mock|fake|setup)[A-Z]/;

export function isSourceFile(path: string): boolean {
  return /\.[cm]?[jt]sx?$/.test(path) && !path.endsWith('.d.ts') && !/\.d\.[cm]ts$/.test(path);
}

/** Named like a test (`x.test.ts`, `x.spec.js`, `x.e2e-spec.ts`, `x.cy.ts`, `fooSpec.js`). */
export function hasTestName(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return TEST_NAME.test(base);
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

/** A test candidate: named like a test, or in a test folder (decided by whether it declares tests). */
export function isTestCandidate(path: string): boolean {
  if (!isSourceFile(path) || inMocksFolder(path)) return false;
  if (/(^|\/)(jest|vitest|vite|playwright|cypress|karma|wdio|babel|webpack|rollup|eslint|prettier)\.config\.[cm]?[jt]s$/.test(path)) return false;
  return hasTestName(path) || inTestFolder(path);
}

/** A file that by its location or name serves tests (kept when a test imports it). */
export function looksLikeSupport(path: string): boolean {
  const segments = path.split('/');
  const base = segments.pop()!;
  return segments.some((s) => SUPPORT_SEGMENT.test(s)) || SUPPORT_NAME.test(base);
}
