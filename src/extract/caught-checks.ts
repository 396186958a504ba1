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

/** Calls that fail a test outright when the code did not throw: `fail(…)`, `expect.fail(…)`, `t.fail(…)`, `expect.unreachable()`. */
const FAIL_CALL = /\bfail\s*\(|\.unreachable\s*\(/;

/**
 * True when the assertion just recorded from `chain` checks the error caught in the test's own
 * callback, either in a catch clause (`try { … } catch (e) { expect(e.code)… }`) or in a promise's
 * catch callback that the test awaits or returns (`await charge(card).catch((e) => expect(e.code)…)`),
 * and nothing else makes the test fail when the code completes: no `throw` or `fail(…)` in the try
 * block or after the statement, no `expect.assertions(n)`, no `expect.hasAssertions()` in the file.
 */
export function isCaughtOnlyCheck(state: ExtractionState, chain: Chain, subjectRoot: string | null, matcher: string, ancestors: readonly ts.Node[]): boolean {
  let i = ancestors.length - 1;
  for (; i >= 0; i--) {
    const kind = ancestors[i]!.kind;
    if (kind === ts.SyntaxKind.CatchClause || isFunction(kind)) break;
  }
  if (i < 2) return false;
  const found = ancestors[i]!.kind === ts.SyntaxKind.CatchClause ? catchClauseAt(ancestors, i) : catchCallbackAt(state, ancestors, i);
  // Only positive checks of the caught error: `expect(e.code).toBe(…)`, not `expect(e).toBeUndefined()`.
  if (!found || subjectRoot !== found.caught || chain.names.includes('not') || NO_THROW_MATCHER.test(matcher)) return false;
  // A callback-style test (`done`) or one given a context may end or fail through it: not judged.
  if (state.testContextParam !== null) return false;
  let j = found.statement - 1;
  for (; j >= 0; j--) {
    // `await act(async () => { try … catch … })`: React's act runs the callback there and then.
    if (isFunction(ancestors[j]!.kind) && !isActCallback(ancestors, j)) break;
  }
  const body = ancestors[j];
  if (!body || state.entries.get(body)?.kind !== 'test') return false;
  if (found.attempt && failsOtherwise(state, found.attempt)) return false;
  const statement = ancestors[found.statement]!;
  const holder = ancestors[found.statement - 1];
  if (holder && ts.isBlock(holder)) {
    const after = holder.statements.slice(holder.statements.indexOf(statement as ts.Statement) + 1);
    if (after.some((next) => failsOtherwise(state, next))) return false;
  }
  // `expect.assertions(1)` in the test, or `expect.hasAssertions()` in a hook of the file, fails a test that checks nothing.
  return !/expect\s*\.\s*assertions\s*\(/.test(state.text(body)) && !state.sourceFile.text.includes('hasAssertions');
}

interface CatchSite {
  /** The name the error is bound to. */
  caught: string;
  /** Code that runs when nothing is thrown and could fail the test itself (the try block). */
  attempt: ts.Node | null;
  /** Index in the ancestors of the statement (or expression body) that holds the catch. */
  statement: number;
}

/** `try { … } catch (e) { … }` without a finally block; the catch clause is `ancestors[i]`. */
function catchClauseAt(ancestors: readonly ts.Node[], i: number): CatchSite | null {
  const attempt = ancestors[i - 1]!;
  if (!ts.isTryStatement(attempt) || attempt.finallyBlock) return null;
  const caught = (ancestors[i] as ts.CatchClause).variableDeclaration?.name;
  if (!caught || !ts.isIdentifier(caught)) return null;
  return { caught: caught.text, attempt: attempt.tryBlock, statement: i - 1 };
}

/**
 * `await p.catch((e) => expect(e.code)…)` or `return p.catch(…)`: the function at `ancestors[i]` is
 * the only argument of a `.catch` call that is awaited or returned. A `.then` before it may throw
 * into the catch (`p.then(() => { throw … }).catch(…)`): not judged.
 */
function catchCallbackAt(state: ExtractionState, ancestors: readonly ts.Node[], i: number): CatchSite | null {
  const callback = ancestors[i] as ts.ArrowFunction | ts.FunctionExpression;
  const call = ancestors[i - 1]!;
  if (!ts.isCallExpression(call) || call.arguments.length !== 1 || call.arguments[0] !== callback) return null;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'catch' || /\.then\s*\(/.test(state.text(callee.expression))) return null;
  const param = callback.parameters?.[0]?.name;
  if (!param || !ts.isIdentifier(param)) return null;
  const above = ancestors[i - 2]!;
  if (ts.isAwaitExpression(above) && i >= 3 && ts.isExpressionStatement(ancestors[i - 3]!)) return { caught: param.text, attempt: null, statement: i - 3 };
  if (ts.isReturnStatement(above)) return { caught: param.text, attempt: null, statement: i - 2 };
  // `it('x', () => p.catch((e) => …))`: the test's expression body returns it.
  if (isFunction(above.kind) && (above as ts.ArrowFunction).body === call) return { caught: param.text, attempt: null, statement: i - 1 };
  return null;
}

/** A `throw` statement or a `fail(…)` call anywhere in `node`: the test fails when the code does not throw. */
function failsOtherwise(state: ExtractionState, node: ts.Node): boolean {
  if (FAIL_CALL.test(state.text(node))) return true;
  const visit = (child: ts.Node): boolean => ts.isThrowStatement(child) || ts.forEachChild(child, visit) === true;
  return visit(node);
}

function isActCallback(ancestors: readonly ts.Node[], i: number): boolean {
  const call = ancestors[i - 1];
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== ancestors[i]) return false;
  return ts.isIdentifier(call.expression) && call.expression.text === 'act';
}

function isFunction(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.ArrowFunction || kind === ts.SyntaxKind.FunctionExpression || kind === ts.SyntaxKind.FunctionDeclaration || kind === ts.SyntaxKind.MethodDeclaration;
}
