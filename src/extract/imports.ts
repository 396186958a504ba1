/**
 * Imports and requires: records each module a file loads and where each local name came from,
 * so that `jest.spyOn(pool, 'query')` can be traced to 'pg'.
 */
import { ts } from '../typescript.js';
import { dottedName as dottedNameOf, flattenChain, literalText, rootIdentifier as rootIdentifierOf, unwrap } from './chain.js';
import { typeNodeName } from './types.js';
import { isSandboxCreation, type ExtractionState } from './state.js';

/** Records an ES import declaration. */
export function recordImportDeclaration(state: ExtractionState, node: ts.ImportDeclaration): void {
  const specifier = literalText(node.moduleSpecifier as ts.Expression);
  if (specifier === null) return;
  const clause = node.importClause;
  const locals: string[] = [];
  const importedNames: string[] = [];
  const typeOnly = !!clause?.isTypeOnly;
  if (clause?.name) {
    locals.push(clause.name.text);
    importedNames.push('default');
    state.setOrigin(clause.name.text, { module: specifier, name: 'default', instance: false });
  }
  const bindings = clause?.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) {
    locals.push(bindings.name.text);
    importedNames.push('*');
    state.setOrigin(bindings.name.text, { module: specifier, name: '*', instance: false });
  } else if (bindings && ts.isNamedImports(bindings)) {
    for (const element of bindings.elements) {
      locals.push(element.name.text);
      const imported = element.propertyName ? element.propertyName.text : element.name.text;
      importedNames.push(imported);
      state.setOrigin(element.name.text, { module: specifier, name: imported, instance: false });
    }
  }
  state.model.imports.push({ specifier, locals, imported: importedNames, typeOnly, ...state.position(node) });
  if (!typeOnly) for (const local of locals) state.importLocals.add(local);
}

/** `import x = require('y')`. */
export function recordImportEquals(state: ExtractionState, node: ts.ImportEqualsDeclaration): void {
  const ref = node.moduleReference;
  if (!ts.isExternalModuleReference(ref)) return;
  const specifier = literalText(ref.expression);
  if (specifier === null) return;
  state.setOrigin(node.name.text, { module: specifier, name: '*', instance: false });
  state.model.imports.push({ specifier, locals: [node.name.text], imported: ['*'], typeOnly: node.isTypeOnly, ...state.position(node) });
}

/** The specifier of `require('x')`, `require('x').y`, `await import('x')`, or null. */
export function requiredSpecifier(expr: ts.Expression): { specifier: string; member: string | null } | null {
  let inner = unwrap(expr);
  let member: string | null = null;
  if (ts.isPropertyAccessExpression(inner)) {
    member = inner.name.text;
    inner = unwrap(inner.expression);
  }
  if (!ts.isCallExpression(inner)) return null;
  const callee = inner.expression;
  const isRequire =
    (ts.isIdentifier(callee) && callee.text === 'require') ||
    callee.kind === ts.SyntaxKind.ImportKeyword ||
    (ts.isPropertyAccessExpression(callee) && /^(requireActual|requireMock|importActual|importMock)$/.test(callee.name.text));
  if (!isRequire) return null;
  const specifier = literalText(inner.arguments[0]);
  return specifier === null ? null : { specifier, member };
}

/**
 * A variable declaration: `const x = require('y')`, `const pool = new Pool()`,
 * `const mocked = jest.mocked(axios)`, `const { a } = require('b')`.
 */
export function recordVariableOrigin(state: ExtractionState, decl: ts.VariableDeclaration): void {
  if (!decl.initializer) return;
  const init = unwrap(decl.initializer);
  const required = requiredSpecifier(init);
  if (required) {
    const locals: string[] = [];
    const importedNames: string[] = [];
    if (ts.isIdentifier(decl.name)) {
      locals.push(decl.name.text);
      importedNames.push(required.member ?? '*');
      state.setOrigin(decl.name.text, { module: required.specifier, name: required.member ?? '*', instance: false });
    } else if (ts.isObjectBindingPattern(decl.name)) {
      for (const element of decl.name.elements) {
        if (!ts.isIdentifier(element.name)) continue;
        const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
        locals.push(element.name.text);
        importedNames.push(imported);
        state.setOrigin(element.name.text, { module: required.specifier, name: imported, instance: false });
      }
    }
    // Only top-level requires are imports; requireActual inside factories is not.
    if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require') {
      state.model.imports.push({ specifier: required.specifier, locals, imported: importedNames, typeOnly: false, ...state.position(decl) });
      for (const local of locals) state.importLocals.add(local);
    }
    return;
  }
  if (!ts.isIdentifier(decl.name)) return;
  const name = decl.name.text;
  if (isSandboxCreation(init)) state.sinonRoots.add(name);
  const source = valueSource(state, init) ?? (decl.type ? typeSource(state, decl.type) : null);
  if (source) state.setOrigin(name, source);
}

/** `let repo: UserRepository` / `Repository<User>` / `jest.Mocked<UsersService>`: an instance of that type. */
export function typeSource(state: ExtractionState, type: ts.TypeNode): { module: string | null; name: string; instance: boolean } | null {
  const name = typeNodeName(type);
  if (!name) return null;
  const origin = state.originOf(name.split('.')[0]!);
  return origin?.module ? { module: origin.module, name, instance: true } : null;
}

/** Methods that hand out an instance from a DI container: `module.get(X)`, `TestBed.inject(X)`, `container.resolve(X)`. */
const CONTAINER_GETTERS = new Set(['get', 'resolve', 'inject', 'select', 'getOrThrow']);

/** Where a value expression comes from: an alias of an import, or an instance made from one. */
export function valueSource(
  state: ExtractionState,
  init: ts.Expression,
): { module: string | null; name: string; instance: boolean; constructed?: boolean } | null {
  if (ts.isIdentifier(init)) {
    const origin = state.originOf(init.text);
    return origin ? { ...origin } : null;
  }
  if (ts.isNewExpression(init)) {
    const chain = flattenChain(init.expression);
    const root = chain?.root ?? (ts.isIdentifier(init.expression) ? init.expression.text : null);
    if (!root) return null;
    const origin = state.originOf(root);
    if (!origin) return null;
    const name = ts.isIdentifier(init.expression) ? init.expression.text : state.shortText(init.expression, 40);
    return { module: origin.module, name, instance: true, constructed: true };
  }
  if (ts.isCallExpression(init)) {
    const chain = flattenChain(init);
    if (!chain?.root) return null;
    const names = chain.names;
    const last = chain.links[chain.links.length - 1]!;
    if (last.call && CONTAINER_GETTERS.has(last.name) && chain.links.length >= 2) {
      const typed = last.call.typeArguments?.[0] ? typeNodeName(last.call.typeArguments[0]) : null;
      const arg = last.call.arguments[0] ? unwrap(last.call.arguments[0]) : undefined;
      const token = typed ?? (arg && (ts.isIdentifier(arg) || ts.isPropertyAccessExpression(arg)) ? dottedNameOf(arg) : null);
      if (token) {
        const origin = state.originOf(token.split('.')[0]!);
        if (origin?.module) return { module: origin.module, name: token, instance: true };
      }
      if (arg && ts.isCallExpression(arg)) {
        const callee = rootIdentifierOf(arg.expression);
        const origin = callee ? state.originOf(callee) : null;
        if (origin?.module) return { module: origin.module, name: state.shortText(arg, 60), instance: true };
      }
      if (token || arg) return null;
    }
    // jest.mocked(x), vi.mocked(x), mocked(x): the same thing, typed as a double.
    if ((names[1] === 'mocked' || names[0] === 'mocked') && chain.links.length <= 2) {
      const arg = chain.links[chain.links.length - 1]!.call?.arguments[0];
      if (arg) {
        const inner = unwrap(arg);
        const root = ts.isIdentifier(inner) ? inner.text : null;
        if (root) return state.originOf(root);
      }
      return null;
    }
    const origin = state.originOf(chain.root);
    if (origin?.module) return { module: origin.module, name: names.join('.'), instance: true };
  }
  if (ts.isPropertyAccessExpression(init)) {
    const chain = flattenChain(init);
    if (chain?.root) {
      const origin = state.originOf(chain.root);
      if (origin?.module) return { module: origin.module, name: chain.names.join('.'), instance: origin.instance };
    }
  }
  return null;
}

/**
 * The module's top-level exports that name a local: `export const x`, `export default x`,
 * `export { a as b }`, `module.exports = x`, `module.exports = { a }`, `exports.b = a`. Read from
 * the file's statements once, after the walk: tests import doubles and resets by these names.
 */
export function recordExports(state: ExtractionState): void {
  const out = state.model.exports;
  for (const statement of state.sourceFile.statements) {
    if (ts.isVariableStatement(statement) || ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
      const modifiers = (statement as { modifiers?: ts.NodeArray<ts.Node> }).modifiers;
      if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      const isDefault = modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      if (ts.isVariableStatement(statement)) {
        for (const decl of statement.declarationList.declarations) if (ts.isIdentifier(decl.name)) out.push({ name: decl.name.text, local: decl.name.text });
      } else if (statement.name) {
        out.push({ name: isDefault ? 'default' : statement.name.text, local: statement.name.text });
      }
    } else if (ts.isExportAssignment(statement)) {
      const value = unwrap(statement.expression);
      if (ts.isIdentifier(value)) out.push({ name: 'default', local: value.text });
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        out.push({ name: element.name.text, local: (element.propertyName ?? element.name).text });
      }
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      recordCommonJsExport(out, statement.expression.left, unwrap(statement.expression.right));
    }
  }
}

function recordCommonJsExport(out: { name: string; local: string }[], left: ts.Expression, right: ts.Expression): void {
  const target = dottedNameOf(left);
  if (target === 'module.exports') {
    if (ts.isIdentifier(right)) {
      // `module.exports = x`: `require()` gives x itself, `import x from` its default.
      out.push({ name: '*', local: right.text }, { name: 'default', local: right.text });
    } else if (ts.isObjectLiteralExpression(right)) {
      for (const property of right.properties) {
        if (ts.isShorthandPropertyAssignment(property)) out.push({ name: property.name.text, local: property.name.text });
        else if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && ts.isIdentifier(unwrap(property.initializer))) {
          out.push({ name: property.name.text, local: (unwrap(property.initializer) as ts.Identifier).text });
        }
      }
    }
    return;
  }
  const match = target ? /^(?:module\.)?exports\.([\w$]+)$/.exec(target) : null;
  if (match && ts.isIdentifier(right)) out.push({ name: match[1]!, local: right.text });
}
