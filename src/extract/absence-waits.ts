/**
 * Waits that come right before a check that something did not happen:
 * `await sleep(60); expect(poll).not.toHaveBeenCalled()`. Such a wait fails in the other
 * direction: when the code is slower than the wait, the check runs too early and passes anyway.
 * Asked only once a fixed wait is found.
 */
import { ts } from '../typescript.js';
import { anyNode, isFunctionLike, rootIdentifier } from './chain.js';

/**
 * True when the statement after the wait checks an absence. A wait that ends a callback run there
 * and then (`await act(async () => { await sleep(60); })`) is followed by what follows that call.
 */
export function precedesAbsenceCheck(node: ts.Node, ancestors: readonly ts.Node[]): boolean {
  let child: ts.Node = node;
  let climbs = 0;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const above = ancestors[i]!;
    if (ts.isBlock(above) || ts.isSourceFile(above)) {
      const statements = above.statements as ts.NodeArray<ts.Node>;
      const next = statements[statements.indexOf(child) + 1];
      if (next) return checksAbsence(next) || checksUnsetFlag(next, ancestors.slice(0, i + 1));
      const owner = ancestors[i - 1];
      if (!ts.isBlock(above) || !owner || !isFunctionLike(owner) || ++climbs > 2) return false;
    }
    child = above;
  }
  return false;
}

const NONE_TIMES = new Set(['toHaveBeenCalledTimes', 'toBeCalledTimes']);
const NOT_CALLED = new Set(['notCalled', 'neverCalledWith']);

/** `expect(x).not.…`, `expect(spy).toHaveBeenCalledTimes(0)`, `sinon.assert.notCalled(spy)`. */
function checksAbsence(statement: ts.Node): boolean {
  return anyNode(statement, (n) => {
    if (isFunctionLike(n)) return 'skip';
    if (ts.isPropertyAccessExpression(n)) {
      const name = n.name.text;
      if (name === 'not') return rootIdentifier(n.expression) === 'expect';
      return NOT_CALLED.has(name);
    }
    if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || !NONE_TIMES.has(n.expression.name.text)) return false;
    const count = n.arguments[0];
    return count !== undefined && ts.isNumericLiteral(count) && Number(count.text) === 0;
  });
}

const FALSE_MATCHERS = new Set(['toBe', 'toEqual', 'toStrictEqual']);
const EQUALS = new Set(['equal', 'strictEqual', 'deepEqual', 'deepStrictEqual']);

/**
 * A check that a flag the test set up as `let done = false` is still false (`assert.strictEqual(done,
 * false)`, `expect(done).toBe(false)`, `expect(done).toBeFalsy()`, `assert.ok(!done)`): the flag
 * turns true when the awaited thing happens, so this too checks that something did not happen.
 * A property or a call (`cache.has(key)`) can turn false because something did happen, so only
 * local flags count.
 */
function checksUnsetFlag(statement: ts.Node, blocks: readonly ts.Node[]): boolean {
  if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return false;
  const flag = checkedFalse(statement.expression);
  return flag !== null && startsFalse(flag, blocks);
}

/** The identifier a check asserts to be false, or null. */
function checkedFalse(call: ts.CallExpression): string | null {
  const callee = call.expression;
  const args = call.arguments;
  const isFalse = (n: ts.Node | undefined): boolean => !!n && n.kind === ts.SyntaxKind.FalseKeyword;
  const name = (n: ts.Node | undefined): string | null => (n && ts.isIdentifier(n) ? n.text : null);
  const negated = (n: ts.Node | undefined): string | null =>
    n && ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken ? name(n.operand) : null;
  // assert(!done), assert.ok(!done)
  if (ts.isIdentifier(callee) && callee.text === 'assert') return negated(args[0]);
  if (!ts.isPropertyAccessExpression(callee)) return null;
  const method = callee.name.text;
  const target = callee.expression;
  if (ts.isIdentifier(target) && target.text === 'assert') {
    if (method === 'ok') return negated(args[0]);
    if (method === 'isFalse') return name(args[0]);
    if (EQUALS.has(method)) return isFalse(args[1]) ? name(args[0]) : isFalse(args[0]) ? name(args[1]) : null;
    return null;
  }
  // expect(done).toBe(false), expect(done).toBeFalsy()
  if (!ts.isCallExpression(target) || !ts.isIdentifier(target.expression) || target.expression.text !== 'expect') return null;
  if (method === 'toBeFalsy' || (FALSE_MATCHERS.has(method) && isFalse(args[0]))) return name(target.arguments[0]);
  return null;
}

/** Declared `let flag = false` in one of the blocks around the check. */
function startsFalse(flag: string, blocks: readonly ts.Node[]): boolean {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (!ts.isBlock(block) && !ts.isSourceFile(block)) continue;
    for (const statement of block.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === flag) return d.initializer?.kind === ts.SyntaxKind.FalseKeyword;
      }
    }
  }
  return false;
}
