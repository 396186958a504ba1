/**
 * What a double gives back, read from its replacement: `() => true`, `jest.fn(() => user)`,
 * `(req, res, next) => next()`, `mockResolvedValue({ id: 1 })`. Used to tell auth doubles that
 * always allow, and values a test later expects back unchanged.
 */
import { ts } from '../typescript.js';
import { AUTH_METHODS, describeAllow } from '../model/auth-allow.js';
import type { ReturnShape } from '../model/test-model.js';
import { anyNode, flattenChain, isFunctionLike, unwrap } from './chain.js';
import { BEHAVIOUR_METHODS, isFnDoubleChain, JASMINE_BEHAVIOURS, SINON_BEHAVIOURS } from './vocabulary.js';
import { guardClassAllows } from './guard-classes.js';

/** The shape of what a value expression stands for when returned. */
export function shapeOfValue(expr: ts.Expression | undefined): ReturnShape {
  if (!expr) return 'other';
  const inner = unwrap(expr);
  if (inner.kind === ts.SyntaxKind.TrueKeyword) return 'true';
  if (inner.kind === ts.SyntaxKind.FalseKeyword || inner.kind === ts.SyntaxKind.NullKeyword) return 'false';
  if (ts.isIdentifier(inner) && inner.text === 'undefined') return 'false';
  if (ts.isObjectLiteralExpression(inner)) return 'object';
  if (ts.isIdentifier(inner) || ts.isPropertyAccessExpression(inner)) return 'object';
  // A returned middleware that always calls next() (`authenticate` returning `(req, res, next) => next()`).
  if (isFunctionLike(inner)) return shapeOfFunction(inner) === 'next' ? 'next' : 'other';
  if (ts.isCallExpression(inner)) {
    // Promise.resolve(true), of(true) (RxJS guards)
    const callee = inner.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    if ((name === 'resolve' || name === 'of') && inner.arguments.length === 1) return shapeOfValue(inner.arguments[0]);
  }
  return 'other';
}

/** What a function returns on every path we can see, or that it calls its `next` parameter. */
export function shapeOfFunction(fn: ts.Node): ReturnShape {
  const inner = ts.isExpression(fn as ts.Expression) ? unwrap(fn as ts.Expression) : fn;
  if (!isFunctionLike(inner) && !ts.isMethodDeclaration(inner) && !ts.isFunctionDeclaration(inner)) return 'other';
  const params = inner.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
  const next = params.length >= 3 ? params[2] : null;
  const body = inner.body;
  if (!body) return 'other';
  if (!ts.isBlock(body)) {
    if (next && isCallOf(body, next)) return 'next';
    return shapeOfValue(body);
  }
  const statements = body.statements;
  if (next && statements.some((s) => ts.isExpressionStatement(s) && isCallOf(s.expression, next))) return 'next';
  if (next && statements.some((s) => ts.isReturnStatement(s) && s.expression && isCallOf(s.expression, next))) return 'next';
  const returns: ts.ReturnStatement[] = [];
  anyNode(body, (n) => {
    if (n !== body && (isFunctionLike(n) || ts.isFunctionDeclaration(n))) return 'skip';
    if (ts.isReturnStatement(n)) returns.push(n);
    return false;
  });
  if (returns.length === 0) return 'other';
  const shapes = new Set(returns.map((r) => shapeOfValue(r.expression)));
  return shapes.size === 1 ? [...shapes][0]! : 'other';
}

function isCallOf(expr: ts.Expression, name: string): boolean {
  const inner = unwrap(expr);
  return ts.isCallExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === name;
}

/**
 * The shape a double gives back: a function double's implementation (`jest.fn(() => true)`,
 * `jest.fn().mockReturnValue(true)`, `sinon.stub().returns(true)`), a plain function, or a value.
 */
export function shapeOfDouble(expr: ts.Expression, sinonRoots: ReadonlySet<string>): ReturnShape {
  const inner = unwrap(expr);
  if (isFunctionLike(inner)) return shapeOfFunction(inner);
  if (ts.isCallExpression(inner)) {
    const chain = flattenChain(inner);
    if (chain && isFnDoubleChain(chain, sinonRoots)) {
      for (const link of chain.links) {
        if (!link.call) continue;
        if (BEHAVIOUR_METHODS[link.name]) {
          return link.name.startsWith('mockImplementation') ? shapeOfFunction(link.call.arguments[0]!) : shapeOfValue(link.call.arguments[0]);
        }
        if (SINON_BEHAVIOURS[link.name]) return link.name === 'callsFake' ? shapeOfFunction(link.call.arguments[0]!) : shapeOfValue(link.call.arguments[0]);
        if (JASMINE_BEHAVIOURS[link.name]) return link.name === 'callFake' ? shapeOfFunction(link.call.arguments[0]!) : shapeOfValue(link.call.arguments[0]);
      }
      const head = chain.links.find((l) => l.call);
      const impl = head?.call?.arguments[0];
      return impl ? shapeOfFunction(impl) : 'other';
    }
  }
  return 'other';
}

/**
 * For an object literal standing in for an auth component (a guard value, a module factory's
 * exports): the first auth method it replaces with one that always allows.
 */
export function allowsInObject(object: ts.ObjectLiteralExpression, sinonRoots: ReadonlySet<string>): string | null {
  for (const property of object.properties) {
    const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteralLike(property.name)) ? property.name.text : null;
    if (!name) continue;
    let shape: ReturnShape = 'other';
    if (ts.isMethodDeclaration(property)) shape = shapeOfFunction(property);
    else if (ts.isPropertyAssignment(property)) shape = shapeOfDouble(property.initializer, sinonRoots);
    if (name === 'default' || name === '__esModule') continue;
    if (shape === 'next' || AUTH_METHODS.test(name)) {
      const allow = describeAllow(name, shape);
      if (allow) return allow;
    }
    // A guard class, or a mixin that makes one (`AuthGuard: () => class { canActivate() { return true } }`).
    const allow = ts.isPropertyAssignment(property) ? guardClassAllows(property.initializer) : null;
    if (allow) return `${name}: ${allow}`;
  }
  return null;
}
