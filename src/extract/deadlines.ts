/**
 * A deadline kept in a variable and raced against the work (`const guard = new Promise((r) =>
 * setTimeout(r, 1000, 'hung')); … await Promise.race([closing, guard])`): like a deadline written
 * inside the race, the test sits through it only when the work is late. Cold code: asked only
 * once a fixed wait has been found.
 */
import { ts } from '../typescript.js';
import { anyNode, dottedName, isFunctionLike, unwrap } from './chain.js';

export function racedThroughVariable(node: ts.Node, ancestors: readonly ts.Node[]): boolean {
  let i = ancestors.length - 1;
  while (i >= 0 && (ts.isParenthesizedExpression(ancestors[i]!) || ts.isAsExpression(ancestors[i]!))) i--;
  const declaration = ancestors[i];
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer || !ts.isIdentifier(declaration.name)) return false;
  if (unwrap(declaration.initializer) !== node && declaration.initializer !== node) return false;
  const name = declaration.name.text;
  let scope: ts.Node | undefined;
  for (let j = i - 1; j >= 0 && !scope; j--) if (isFunctionLike(ancestors[j]!)) scope = ancestors[j];
  scope ??= ancestors[0];
  if (!scope) return false;
  const isName = (e: ts.Node): boolean => {
    const inner = unwrap(e as ts.Expression);
    return ts.isIdentifier(inner) && inner.text === name;
  };
  let raced = false;
  // Awaited on its own anywhere, it is a plain sleep after all.
  const awaitedAlone = anyNode(scope, (n) => {
    if (ts.isAwaitExpression(n) && isName(n.expression)) return true;
    if (ts.isCallExpression(n) && dottedName(n.expression) === 'Promise.race') {
      const list = n.arguments[0] ? unwrap(n.arguments[0]) : undefined;
      if (list && ts.isArrayLiteralExpression(list) && list.elements.length > 1 && list.elements.some(isName)) raced = true;
    }
    return false;
  });
  return raced && !awaitedAlone;
}
