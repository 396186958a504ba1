/**
 * Functions assigned to the hooks an object calls to tell its user something happened
 * (`ws.onmessage = …`, `queue.drain = …`): they listen, they stand in for nothing.
 */
import { ts } from '../typescript.js';
import { anyNode, isFunctionLike, unwrap } from './chain.js';

/** DOM and Node style handlers (`onmessage`, `onerror`) and camel-cased ones (`onProgress`, `onChange`). */
const HANDLER = /^on[A-Z]\w*$|^on(load|loadend|error|message|close|open|change|click|input|submit|abort|progress|timeout|success|upgradeneeded|readystatechange|end|data|connect|disconnect)$/;

/** The hooks of work queues (fastq, async.queue): called when the queue empties, fills or runs dry. */
const QUEUE_HOOK = /^(drain|saturated|unsaturated|empty)$/;

/**
 * True when `value` assigned to `member` is a listener. Queue hook names are ordinary words, so
 * there the function must also hand back nothing: `queue.drain = () => ['patched']` replaces a
 * method that returns work, `queue.drain = function () { drained = true }` listens.
 */
export function isListenerAssignment(member: string, value: ts.Expression): boolean {
  if (HANDLER.test(member)) return true;
  if (!QUEUE_HOOK.test(member)) return false;
  if (ts.isIdentifier(value)) return true;
  return isFunctionLike(value) && !handsBackValue(value);
}

/** A returned value: an expression body that is not a call or assignment, or a `return x` of its own. */
function handsBackValue(fn: ts.ArrowFunction | ts.FunctionExpression): boolean {
  const body = fn.body;
  if (!ts.isBlock(body)) {
    const inner = unwrap(body);
    return !ts.isCallExpression(inner) && !(ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.EqualsToken);
  }
  return anyNode(body, (node) => {
    if (isFunctionLike(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isClassDeclaration(node) || ts.isClassExpression(node)) return 'skip';
    return ts.isReturnStatement(node) && node.expression !== undefined;
  });
}
