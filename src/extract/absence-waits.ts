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
      if (next) return checksAbsence(next);
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
