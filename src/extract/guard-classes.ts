/**
 * Guard classes a module mock hands out: `AuthGuard: () => class { canActivate() { return true } }`
 * replaces every guard the factory makes with one that always allows.
 */
import { ts } from '../typescript.js';
import { AUTH_METHODS, describeAllow } from '../model/auth-allow.js';
import { isFunctionLike, unwrap } from './chain.js';
import { shapeOfFunction } from './returns.js';

/** How the class a value is, or the class a function returns straight away (a mixin), always allows; else null. */
export function guardClassAllows(value: ts.Expression): string | null {
  const cls = classMade(value);
  return cls ? allowsInClass(cls) : null;
}

/** The class an expression is, or the class a function returns straight away (a mixin). */
function classMade(expr: ts.Expression): ts.ClassExpression | null {
  const inner = unwrap(expr);
  if (ts.isClassExpression(inner)) return inner;
  if (!isFunctionLike(inner)) return null;
  if (!ts.isBlock(inner.body)) return ts.isClassExpression(unwrap(inner.body)) ? (unwrap(inner.body) as ts.ClassExpression) : null;
  const last = inner.body.statements[inner.body.statements.length - 1];
  return last && ts.isReturnStatement(last) && last.expression && ts.isClassExpression(unwrap(last.expression)) ? (unwrap(last.expression) as ts.ClassExpression) : null;
}

/** The first auth method of a class that always allows. */
function allowsInClass(cls: ts.ClassExpression): string | null {
  for (const member of cls.members) {
    if (!ts.isMethodDeclaration(member) || !member.name || !ts.isIdentifier(member.name) || !AUTH_METHODS.test(member.name.text)) continue;
    const allow = describeAllow(member.name.text, shapeOfFunction(member));
    if (allow) return allow;
  }
  return null;
}
