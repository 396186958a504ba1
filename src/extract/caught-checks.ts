/**
 * Checks that run only when the code throws: `try { await charge(card) } catch (e) {
 * expect(e.code).toBe('card_declined') }`. When the call does not throw, the check never runs and
 * the test passes. Called for each recognised assertion; the work past the first test of the
 * ancestors happens only for assertions inside a catch clause.
 */
import { ts } from '../typescript.js';
import type { Chain } from './chain.js';
import type { ExtractionState } from './state.js';

/** Matchers that check nothing was thrown (`expect(e).toBeUndefined()`, `assert.fail(e)`): the catch guards a no-throw test. */
const NO_THROW_MATCHER = /^(toBeUndefined|toBeNull|toBeFalsy|toBeFalse|fail|assert\.fail|assert\.ifError|.*\.fail|ifError)$/;

/** Calls that fail a test outright when the code did not throw: `fail(…)`, `expect.fail(…)`, `done.fail(…)`, `t.fail(…)`. */
const FAIL_CALL = /\bfail\s*\(/;

/**
 * True when the assertion just recorded from `chain` sits in a catch clause of a try statement in
 * the test's own callback, checks the caught error, and nothing else makes the test fail when the
 * try block completes: no `throw` or `fail(…)` in the try block or after the try statement.
 */
export function isCaughtOnlyCheck(state: ExtractionState, chain: Chain, subjectRoot: string | null, matcher: string, ancestors: readonly ts.Node[]): boolean {
  let i = ancestors.length - 1;
  for (; i >= 0; i--) {
    const kind = ancestors[i]!.kind;
    if (kind === ts.SyntaxKind.CatchClause) break;
    if (isFunction(kind)) return false;
  }
  if (i < 1) return false;
  const clause = ancestors[i] as ts.CatchClause;
  const attempt = ancestors[i - 1]!;
  if (!ts.isTryStatement(attempt) || attempt.finallyBlock) return false;
  const caught = clause.variableDeclaration?.name;
  // Only checks of the caught error: `catch (e) { expect(e.code)… }`, positive ones.
  if (!caught || !ts.isIdentifier(caught) || subjectRoot !== caught.text || chain.names.includes('not') || NO_THROW_MATCHER.test(matcher)) return false;
  // A callback-style test (`done`) or one given a context may end or fail through it: not judged.
  if (state.testContextParam !== null) return false;
  let j = i - 2;
  for (; j >= 0; j--) {
    if (isFunction(ancestors[j]!.kind)) break;
  }
  const body = ancestors[j];
  if (!body || state.entries.get(body)?.kind !== 'test') return false;
  if (failsOtherwise(state, attempt.tryBlock)) return false;
  const holder = ancestors[i - 2];
  if (holder && ts.isBlock(holder)) {
    const after = holder.statements.slice(holder.statements.indexOf(attempt) + 1);
    if (after.some((statement) => failsOtherwise(state, statement))) return false;
  }
  // `expect.assertions(1)` in the test, or `expect.hasAssertions()` in a hook of the file, fails a test that checks nothing.
  return !/expect\s*\.\s*assertions\s*\(/.test(state.text(body)) && !state.sourceFile.text.includes('hasAssertions');
}

/** A `throw` statement or a `fail(…)` call anywhere in `node`: the test fails when the code does not throw. */
function failsOtherwise(state: ExtractionState, node: ts.Node): boolean {
  if (FAIL_CALL.test(state.text(node))) return true;
  const visit = (child: ts.Node): boolean => ts.isThrowStatement(child) || ts.forEachChild(child, visit) === true;
  return visit(node);
}

function isFunction(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.ArrowFunction || kind === ts.SyntaxKind.FunctionExpression || kind === ts.SyntaxKind.FunctionDeclaration || kind === ts.SyntaxKind.MethodDeclaration;
}
