/**
 * Checks that run only when something throws: `try { await save(); } catch (e) { expect(e)… }`.
 * When the code stops throwing, the catch never runs and the test passes having checked nothing,
 * unless the try block fails on its own (`fail()`, `assert.fail()`, `expect.unreachable()`, a
 * `throw`, or a check of its own) or the test counts
 * its assertions (`expect.assertions(1)`, `expect.hasAssertions()`). Asked only for assertions.
 */
import { ts } from '../typescript.js';
import { anyNode } from './chain.js';

const FAILS = new Set(['fail', 'unreachable']);

/** True when the nearest catch around the node belongs to a try block that cannot pass on its own. */
export function onlyInCatch(node: ts.Node, ancestors: readonly ts.Node[]): boolean {
  let child: ts.Node = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const above = ancestors[i]!;
    if (ts.isCatchClause(above)) {
      const owner = ancestors[i - 1];
      return !!owner && ts.isTryStatement(owner) && !failsWithoutThrow(owner.tryBlock);
    }
    // Inside the try or finally block, not the catch: this check runs either way.
    if (ts.isTryStatement(above) && child !== above.catchClause) return false;
    child = above;
  }
  return false;
}

/** A `throw` or a `fail(…)` / `assert.fail(…)` / `expect.unreachable()` in the try block. */
function failsWithoutThrow(block: ts.Node): boolean {
  return anyNode(block, (n) => {
    if (ts.isThrowStatement(n)) return true;
    if (!ts.isCallExpression(n)) return false;
    const callee = n.expression;
    return (ts.isIdentifier(callee) && callee.text === 'fail') || (ts.isPropertyAccessExpression(callee) && FAILS.has(callee.name.text));
  });
}
