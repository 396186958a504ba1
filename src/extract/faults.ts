/**
 * Fault injection: a double whose only behaviour is to fail (`.throws(err)`, `.rejects(err)`,
 * `mockRejectedValueOnce(err)`, `mockImplementation(() => { throw err; })`). It replaces one call
 * with a failure so a test can reach an error path of otherwise real code; it does not stand in
 * for the system behind it.
 */
import { ts } from '../typescript.js';
import { anyNode, isFunctionLike, unwrap, type Chain } from './chain.js';

/** Behaviours that only fail, whatever their argument. */
const FAILING = new Set([
  'mockRejectedValue',
  'mockRejectedValueOnce',
  'mockThrow',
  'mockThrowOnce',
  'throws',
  'throwsException',
  'throwsArg',
  'rejects',
  'throwError',
  'rejectWith',
]);

/** Behaviours that run a function: they fail only when the function does nothing else. */
const IMPLEMENTING = /^(mockImplementation|mockImplementationOnce|callsFake|callFake)$/;

/** True when a behaviour (`method(arg)`) only makes the double fail. */
export function isFailingBehaviour(method: string, arg: ts.Expression | undefined): boolean {
  if (FAILING.has(method)) return true;
  return IMPLEMENTING.test(method) && arg !== undefined && onlyFails(arg);
}

/**
 * True when every behaviour chained after `from` (`jest.spyOn(a, 'b').mockRejectedValueOnce(e)`,
 * `sinon.stub(A.prototype, 'save').throws(e)`) only fails, and there is at least one.
 * `isBehaviour` says which link names give behaviour; the others (`.and`, `.withArgs`) are skipped.
 */
export function chainOnlyFails(chain: Chain, from: number, isBehaviour: (name: string) => boolean): boolean {
  let seen = false;
  for (let i = from + 1; i < chain.links.length; i++) {
    const link = chain.links[i]!;
    if (!link.call || !isBehaviour(link.name)) continue;
    if (!isFailingBehaviour(link.name, link.call.arguments[0])) return false;
    seen = true;
  }
  return seen;
}

/** A function whose body only throws or returns a rejection: `() => { throw e; }`, `async () => Promise.reject(e)`. */
function onlyFails(expr: ts.Expression): boolean {
  const fn = unwrap(expr);
  if (!isFunctionLike(fn)) return false;
  const body = fn.body;
  if (!ts.isBlock(body)) return isRejection(body);
  const statements = body.statements;
  if (statements.length === 0) return false;
  const last = statements[statements.length - 1]!;
  const fails = ts.isThrowStatement(last) || (ts.isReturnStatement(last) && last.expression !== undefined && isRejection(last.expression));
  if (!fails) return false;
  // Any other return means some calls succeed.
  return !anyNode(body, (n) => {
    if (n !== body && (isFunctionLike(n) || ts.isFunctionDeclaration(n))) return 'skip';
    return ts.isReturnStatement(n) && n !== last;
  });
}

function isRejection(expr: ts.Expression): boolean {
  const inner = unwrap(expr);
  if (!ts.isCallExpression(inner)) return false;
  const callee = inner.expression;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Promise' && callee.name.text === 'reject';
}
