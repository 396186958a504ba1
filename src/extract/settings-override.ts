/**
 * A module factory that keeps the real module and changes part of it:
 * `vi.mock('./constants', async () => ({ ...(await vi.importActual('./constants')), POLL_MS: 20 }))`,
 * `jest.mock('react-router-dom', () => ({ ...jest.requireActual('react-router-dom'), useNavigate: () => navigate }))`.
 * Settings changed to literal values fake nothing (every function still runs); other members are
 * replaced, and only those. Cold code: asked only for a `jest.mock`/`vi.mock` call given a factory.
 */
import { ts } from '../typescript.js';
import { dottedName, isFunctionLike, literalText, propertyKey, unwrap } from './chain.js';

/**
 * What a module factory that spreads the real module puts in its place: the names of the members
 * it replaces with anything but a literal setting. Null when the factory does not keep the real
 * module (no spread of it, or a spread of something else); an empty list when it only tunes settings.
 */
export function replacedOverActual(factory: ts.Expression, specifier: string): string[] | null {
  if (!isFunctionLike(factory)) return null;
  const parameter = factory.parameters[0]?.name;
  // vitest hands the factory `importOriginal`
  const original = parameter && ts.isIdentifier(parameter) ? parameter.text : null;
  const locals = ts.isBlock(factory.body) ? factory.body.statements : [];
  const produced = factoryResult(factory);
  if (!produced) return null;
  const object = unwrap(produced);
  if (!ts.isObjectLiteralExpression(object)) return null;
  let keepsActual = false;
  const replaced: string[] = [];
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property)) {
      if (!isActualModule(property.expression, specifier, original, locals)) return null;
      keepsActual = true;
      continue;
    }
    if (ts.isPropertyAssignment(property) && isSettingValue(property.initializer)) continue;
    const name = property.name ? propertyKey(property.name) : null;
    if (name === null) return null;
    replaced.push(name);
  }
  return keepsActual ? replaced : null;
}

/** What a module factory returns: its expression body, or the value of the first `return` among its statements. */
export function factoryResult(factory: ts.ArrowFunction | ts.FunctionExpression): ts.Expression | undefined {
  if (!ts.isBlock(factory.body)) return factory.body;
  return factory.body.statements.find((s): s is ts.ReturnStatement => ts.isReturnStatement(s))?.expression;
}

/** `jest.requireActual(spec)`, `await vi.importActual(spec)`, `await importOriginal()`, or a local holding one. */
function isActualModule(expr: ts.Expression, specifier: string, original: string | null, locals: readonly ts.Statement[]): boolean {
  let inner = unwrap(expr);
  if (ts.isAwaitExpression(inner)) inner = unwrap(inner.expression);
  if (ts.isIdentifier(inner)) {
    const init = localInitializer(inner.text, locals);
    return !!init && isActualModule(init, specifier, original, []);
  }
  if (!ts.isCallExpression(inner)) return false;
  const callee = dottedName(inner.expression);
  if (callee !== null && callee === original && inner.arguments.length === 0) return true;
  if (callee !== 'jest.requireActual' && callee !== 'vi.importActual') return false;
  return literalText(inner.arguments[0]) === specifier;
}

function localInitializer(name: string, statements: readonly ts.Statement[]): ts.Expression | null {
  for (const statement of statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer) return declaration.initializer;
    }
  }
  return null;
}

/** A literal setting: a number, string, boolean or null, or an array or object of them. */
function isSettingValue(expr: ts.Expression): boolean {
  const value = unwrap(expr);
  if (ts.isNumericLiteral(value) || ts.isStringLiteral(value) || value.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral) return true;
  if (value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword || value.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.MinusToken) return ts.isNumericLiteral(unwrap(value.operand));
  if (ts.isArrayLiteralExpression(value)) return value.elements.every((element) => isSettingValue(element));
  if (ts.isObjectLiteralExpression(value)) {
    return value.properties.every((property) => ts.isPropertyAssignment(property) && isSettingValue(property.initializer));
  }
  return false;
}
