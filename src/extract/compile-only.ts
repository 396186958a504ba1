/**
 * A test whose body runs nothing: it only declares types and functions it never calls
 * (`it('infers the record type', () => { type Foo = …; const _Dummy = () => useGetOne<Foo>(…); })`).
 * It is a compile-time check the type checker makes; at run time there is nothing to assert on.
 * Cold code: asked once per test with an inline body.
 */
import { ts } from '../typescript.js';
import { anyNode, isFunctionLike, unwrap } from './chain.js';

export function runsNothing(callback: ts.Node): boolean {
  if (!isFunctionLike(callback) || !ts.isBlock(callback.body)) return false;
  const statements = callback.body.statements;
  if (statements.length === 0 || !statements.every(declaresOnly)) return false;
  // Something for the checker to check: a type declared, or a generic called with a type.
  return anyNode(callback.body, (n) => {
    const kind = n.kind;
    return kind === ts.SyntaxKind.TypeAliasDeclaration || kind === ts.SyntaxKind.InterfaceDeclaration || (ts.isCallExpression(n) && !!n.typeArguments?.length);
  });
}

function declaresOnly(statement: ts.Statement): boolean {
  const kind = statement.kind;
  if (kind === ts.SyntaxKind.TypeAliasDeclaration || kind === ts.SyntaxKind.InterfaceDeclaration || ts.isFunctionDeclaration(statement)) return true;
  if (!ts.isVariableStatement(statement)) return false;
  return statement.declarationList.declarations.every((d) => !!d.initializer && isFunctionLike(unwrap(d.initializer)));
}
