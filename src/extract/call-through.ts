/**
 * A hand-written wrapper put over a method that still runs the method it replaced:
 * `const original = Client.prototype.send; Client.prototype.send = function (...args) {
 * seen.push(args); return original.call(this, ...args); }`. Like a spy given no behaviour, it
 * observes (or delays) the real method and fakes nothing. Cold code: asked only for an
 * assignment of a function over a member.
 */
import { ts } from '../typescript.js';
import { anyNode, unwrap } from './chain.js';
import type { ExtractionState } from './state.js';

export function callsThroughOriginal(state: ExtractionState, fn: ts.Node, left: ts.Expression): boolean {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return false;
  const target = textOf(state, left);
  const isOriginal = (callee: ts.Expression): boolean => {
    let inner = unwrap(callee);
    // original.call(this, …), original.apply(this, args)
    if (ts.isPropertyAccessExpression(inner) && (inner.name.text === 'call' || inner.name.text === 'apply')) inner = unwrap(inner.expression);
    if (!ts.isIdentifier(inner)) return false;
    let init = state.initializers.get(inner.text);
    if (!init) return false;
    init = unwrap(init);
    // const original = client.close.bind(client)
    if (ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === 'bind') init = unwrap(init.expression.expression);
    return textOf(state, init) === target;
  };
  return anyNode(body, (n) => ts.isCallExpression(n) && isOriginal(n.expression));
}

function textOf(state: ExtractionState, node: ts.Node): string {
  return node.getText(state.sourceFile).replace(/\s+/g, '').replace(/!/g, '');
}
