/**
 * What a source module's functions and methods return, read statically (never run): whether each
 * one only hands back what a dependency call gave it (`return this.repo.find()`), or does
 * something with it. Made from the same parse as the module's imports (module-summary.ts).
 */
import { ts } from '../typescript.js';

/** What a function returns, as far as its source shows. */
export type ReturnVerdict =
  /** Every return is a dependency call's result, as is: `calls` are the methods or functions called. */
  | { kind: 'pass-through'; calls: string[]; line: number }
  /** Some return is anything else: a computed value, a literal, a chain on the result, nothing. */
  | { kind: 'transforms'; line: number; why: string };

export interface ClassSummary {
  /** Instance methods (and arrow-function properties), by name. */
  methods: Map<string, ReturnVerdict>;
  /** True when the class extends another: a method it lacks may be inherited. */
  inherits: boolean;
}

export interface CodeSummary {
  /** Top-level functions (`function f`, `const f = () => …`, `exports.f = …`), by local name. */
  functions: Map<string, ReturnVerdict>;
  classes: Map<string, ClassSummary>;
  /** Top-level `const users = new UsersService()`: the local holds an instance of that class. */
  instances: Map<string, string>;
  /** Exported name → local name ('default' for `export default` and `module.exports = x`). */
  exports: Map<string, string>;
  /** Local names bound by imports: where they come from. */
  imports: Map<string, { specifier: string; name: string }>;
  /** `export { a as b } from './x'` (names: b → a) and `export * from './x'` (names null). */
  reexports: { specifier: string; names: Map<string, string> | null }[];
}

export function emptyCodeSummary(): CodeSummary {
  return { functions: new Map(), classes: new Map(), instances: new Map(), exports: new Map(), imports: new Map(), reexports: [] };
}

type FunctionNode = ts.FunctionLikeDeclaration;

/** How many calls to the same file's own functions (`this.load()`, `load()`) a return is followed through. */
const FOLLOW_DEPTH = 3;

export function summarizeCode(sourceFile: ts.SourceFile): CodeSummary {
  const summary = emptyCodeSummary();
  const functionNodes = new Map<string, FunctionNode>();
  const classNodes = new Map<string, { methods: Map<string, FunctionNode>; inherits: boolean }>();
  /** Top-level names a return may call as a dependency: imports and module-level values. */
  const moduleValues = new Set<string>();

  const addFunction = (name: string, node: ts.Node | undefined): boolean => {
    const fn = node && functionOf(node);
    if (!fn) return false;
    functionNodes.set(name, fn);
    return true;
  };
  const addClass = (name: string, node: ts.ClassLikeDeclaration): void => {
    const methods = new Map<string, FunctionNode>();
    for (const member of node.members) {
      if (isStatic(member) || !member.name || !(ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
      const name = member.name.text;
      if (ts.isMethodDeclaration(member) && member.body) methods.set(name, member);
      else if (ts.isPropertyDeclaration(member) && member.initializer) {
        const fn = functionOf(member.initializer);
        if (fn) methods.set(name, fn);
      }
    }
    const inherits = !!node.heritageClauses?.some((h: { token: ts.SyntaxKind }) => h.token === ts.SyntaxKind.ExtendsKeyword);
    classNodes.set(name, { methods, inherits });
  };
  const exported = (node: ts.Node): boolean => hasModifier(node, ts.SyntaxKind.ExportKeyword);
  const isDefault = (node: ts.Node): boolean => hasModifier(node, ts.SyntaxKind.DefaultKeyword);

  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly) continue;
      if (clause.name) summary.imports.set(clause.name.text, { specifier, name: 'default' });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) summary.imports.set(bindings.name.text, { specifier, name: '*' });
      else if (bindings) for (const e of bindings.elements) if (!e.isTypeOnly) summary.imports.set(e.name.text, { specifier, name: (e.propertyName ?? e.name).text });
    } else if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      addFunction(statement.name.text, statement);
      if (exported(statement)) summary.exports.set(isDefault(statement) ? 'default' : statement.name.text, statement.name.text);
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      addClass(statement.name.text, statement);
      if (exported(statement)) summary.exports.set(isDefault(statement) ? 'default' : statement.name.text, statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        const name = declaration.name.text;
        const init = declaration.initializer && strip(declaration.initializer);
        if (exported(statement)) summary.exports.set(name, name);
        if (init && ts.isClassExpression(init)) addClass(name, init);
        else if (!addFunction(name, init)) {
          moduleValues.add(name);
          if (init && ts.isNewExpression(init) && ts.isIdentifier(init.expression)) summary.instances.set(name, init.expression.text);
          const required = init && requireOf(init);
          if (required) summary.imports.set(name, { specifier: required, name: '*' });
        }
      }
      // `const { a, b } = require('./x')`
      for (const declaration of statement.declarationList.declarations) {
        const required = declaration.initializer && requireOf(strip(declaration.initializer));
        if (!required || !ts.isObjectBindingPattern(declaration.name)) continue;
        for (const element of declaration.name.elements) {
          if (!ts.isIdentifier(element.name)) continue;
          const from = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
          summary.imports.set(element.name.text, { specifier: required, name: from });
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      const value = strip(statement.expression);
      if (ts.isIdentifier(value)) summary.exports.set('default', value.text);
      else if (addFunction('default', value)) summary.exports.set('default', 'default');
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const clause = statement.exportClause;
      const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : null;
      if (specifier) {
        if (!clause) summary.reexports.push({ specifier, names: null });
        else if (ts.isNamedExports(clause)) {
          const names = new Map<string, string>();
          for (const e of clause.elements) if (!e.isTypeOnly) names.set(e.name.text, (e.propertyName ?? e.name).text);
          summary.reexports.push({ specifier, names });
        }
      } else if (clause && ts.isNamedExports(clause)) {
        for (const e of clause.elements) if (!e.isTypeOnly) summary.exports.set(e.name.text, (e.propertyName ?? e.name).text);
      }
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      commonJsExport(statement.expression, summary, addFunction, addClass);
    }
  }
  for (const name of summary.imports.keys()) moduleValues.add(name);

  // Verdicts, memoised; a call to the same file's own function or method is followed a few deep.
  const memo = new Map<FunctionNode, ReturnVerdict>();
  const verdictOf = (fn: FunctionNode, owner: { methods: Map<string, FunctionNode> } | null, depth: number): ReturnVerdict => {
    const known = memo.get(fn);
    if (known) return known;
    const verdict = judge(fn, sourceFile, {
      moduleValues,
      follow: (kind, name) => {
        if (depth >= FOLLOW_DEPTH) return null;
        const target = kind === 'method' ? owner?.methods.get(name) : functionNodes.get(name);
        if (!target || target === fn) return null;
        return verdictOf(target, kind === 'method' ? owner : null, depth + 1);
      },
    });
    if (depth === 0) memo.set(fn, verdict);
    return verdict;
  };
  for (const [name, fn] of functionNodes) summary.functions.set(name, verdictOf(fn, null, 0));
  for (const [name, cls] of classNodes) {
    const methods = new Map<string, ReturnVerdict>();
    for (const [method, fn] of cls.methods) methods.set(method, verdictOf(fn, cls, 0));
    summary.classes.set(name, { methods, inherits: cls.inherits });
  }
  return summary;
}

/** `module.exports = { getUser, find: async () => … }`, `module.exports = Service`, `exports.getUser = async function …`. */
function commonJsExport(
  assignment: ts.BinaryExpression,
  summary: CodeSummary,
  addFunction: (name: string, node: ts.Node | undefined) => boolean,
  addClass: (name: string, node: ts.ClassLikeDeclaration) => void,
): void {
  const target = assignment.left;
  const value = strip(assignment.right);
  const isModuleExports = (e: ts.Expression): boolean =>
    ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'module' && e.name.text === 'exports';
  if (isModuleExports(target)) {
    if (ts.isIdentifier(value)) summary.exports.set('default', value.text);
    else if (ts.isObjectLiteralExpression(value)) {
      for (const property of value.properties) {
        if (ts.isShorthandPropertyAssignment(property)) summary.exports.set(property.name.text, property.name.text);
        else if ((ts.isPropertyAssignment(property) || ts.isMethodDeclaration(property)) && ts.isIdentifier(property.name)) {
          const name = property.name.text;
          const init = ts.isPropertyAssignment(property) ? strip(property.initializer) : property;
          if (ts.isIdentifier(init)) summary.exports.set(name, init.text);
          else if (addFunction(`exports.${name}`, init)) summary.exports.set(name, `exports.${name}`);
        }
      }
    } else if (ts.isClassExpression(value)) {
      addClass('exports.default', value);
      summary.exports.set('default', 'exports.default');
    } else if (addFunction('exports.default', value)) summary.exports.set('default', 'exports.default');
    return;
  }
  if (ts.isPropertyAccessExpression(target) && (isModuleExports(target.expression) || (ts.isIdentifier(target.expression) && target.expression.text === 'exports'))) {
    const name = target.name.text;
    if (ts.isIdentifier(value)) summary.exports.set(name, value.text);
    else if (addFunction(`exports.${name}`, value)) summary.exports.set(name, `exports.${name}`);
  }
}

function requireOf(expr: ts.Expression): string | null {
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'require') {
    const arg = expr.arguments[0];
    if (arg && ts.isStringLiteral(arg)) return arg.text;
  }
  return null;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  const modifiers = (node as { modifiers?: ts.NodeArray<ts.Node> }).modifiers;
  return !!modifiers?.some((m) => m.kind === kind);
}

function isStatic(member: ts.ClassElement): boolean {
  return hasModifier(member, ts.SyntaxKind.StaticKeyword);
}

/** A nested function or class: its returns are its own. */
function isNestedScope(node: ts.Node): boolean {
  return (
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isClassExpression(node)
  );
}

function functionOf(node: ts.Node): FunctionNode | null {
  const inner = ts.isExpression(node) ? strip(node) : node;
  if ((ts.isFunctionDeclaration(inner) || ts.isFunctionExpression(inner) || ts.isMethodDeclaration(inner)) && inner.body) return inner;
  if (ts.isArrowFunction(inner)) return inner;
  return null;
}

/** Parentheses, `await`, type assertions: none changes the value. */
function strip(expr: ts.Expression): ts.Expression {
  let current = expr;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAwaitExpression(current)) current = current.expression;
    else if (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) current = current.expression;
    else return current;
  }
}

interface JudgeContext {
  /** Imports and module-level values: a call on one is a dependency's answer. */
  moduleValues: ReadonlySet<string>;
  /** The verdict of the same file's own method (`this.load()`) or function (`load()`), or null. */
  follow: (kind: 'method' | 'function', name: string) => ReturnVerdict | null;
}

/** Chained on a promise, these change what comes back. */
const RESULT_CHAIN = new Set(['then', 'catch', 'finally']);

function judge(fn: FunctionNode, sourceFile: ts.SourceFile, context: JudgeContext): ReturnVerdict {
  const line = sourceFile.getLineAndCharacterOfPosition(fn.getStart(sourceFile)).line + 1;
  if (fn.asteriskToken) return { kind: 'transforms', line, why: 'a generator' };
  const body = fn.body;
  if (!body) return { kind: 'transforms', line, why: 'no body' };
  const params = new Set<string>();
  for (const p of fn.parameters) if (ts.isIdentifier(p.name)) params.add(p.name.text);
  const returned: ts.Expression[] = [];
  if (!ts.isBlock(body)) returned.push(body);
  else {
    let bare = false;
    const visit = (node: ts.Node): void => {
      if (isNestedScope(node)) return;
      if (ts.isReturnStatement(node)) {
        if (node.expression) returned.push(node.expression);
        else bare = true;
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(body, visit);
    if (bare) return { kind: 'transforms', line, why: 'returns nothing on some path' };
    if (returned.length === 0) return { kind: 'transforms', line, why: 'returns nothing' };
  }
  const calls: string[] = [];
  for (const expr of returned) {
    const direct = directCall(strip(expr), fn, params, context, 0);
    if (!direct) {
      const at = sourceFile.getLineAndCharacterOfPosition(expr.getStart(sourceFile)).line + 1;
      return { kind: 'transforms', line, why: `line ${at} returns ${shorten(expr.getText(sourceFile))}` };
    }
    for (const name of direct) if (!calls.includes(name)) calls.push(name);
  }
  return { kind: 'pass-through', calls, line };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/**
 * The names of the dependency calls whose result `expr` is, as is; null when it is anything else.
 * A dependency is reached through `this.<field>`, a parameter, an import or a module-level value.
 * A local variable counts when it only holds such a result and is otherwise only tested
 * (`if (!user) throw …`), never read into, mutated or handed on.
 */
function directCall(expr: ts.Expression, fn: FunctionNode, params: ReadonlySet<string>, context: JudgeContext, depth: number): string[] | null {
  if (ts.isIdentifier(expr)) return depth === 0 ? heldCall(expr.text, fn, params, context) : null;
  if (!ts.isCallExpression(expr) || expr.questionDotToken) return null;
  const callee = strip(expr.expression);
  if (ts.isIdentifier(callee)) {
    const name = callee.text;
    if (params.has(name) || context.moduleValues.has(name)) return [name];
    const own = context.follow('function', name);
    return own?.kind === 'pass-through' ? own.calls : null;
  }
  if (!ts.isPropertyAccessExpression(callee)) return null;
  const method = callee.name.text;
  if (RESULT_CHAIN.has(method)) return null;
  // Walk to the root through member reads only: a method called on another call's result
  // (`db.all().map(…)`, a query builder chain) may do anything with it.
  let object: ts.Expression = strip(callee.expression);
  let links = 0;
  while (ts.isPropertyAccessExpression(object)) {
    object = strip(object.expression);
    links++;
  }
  if (object.kind === ts.SyntaxKind.ThisKeyword) {
    if (links === 0 && ts.isPropertyAccessExpression(callee) && strip(callee.expression).kind === ts.SyntaxKind.ThisKeyword) {
      // `this.load()`: the class's own method, followed.
      const own = context.follow('method', method);
      return own?.kind === 'pass-through' ? own.calls : null;
    }
    return [method];
  }
  if (ts.isIdentifier(object) && (params.has(object.text) || context.moduleValues.has(object.text))) return [method];
  return null;
}

/** `const users = await this.repo.find(); …; return users;` — the variable only carries the result. */
function heldCall(name: string, fn: FunctionNode, params: ReadonlySet<string>, context: JudgeContext): string[] | null {
  const body = fn.body;
  if (!body || !ts.isBlock(body)) return null;
  let declaration: ts.VariableDeclaration | null = null;
  let declarationList: ts.Node | null = null;
  let declarations = 0;
  let clean = true;
  // The nodes above the one visited: modules are parsed without parent links (they cost a pass).
  const ancestors: ts.Node[] = [body];
  const visit = (node: ts.Node): void => {
    if (!clean) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) {
      declaration = node;
      declarationList = ancestors[ancestors.length - 1]!;
      declarations++;
      if (node.initializer) {
        ancestors.push(node);
        visit(node.initializer);
        ancestors.pop();
      }
      return;
    }
    if (ts.isIdentifier(node) && node.text === name && !isNameOfMember(node, ancestors[ancestors.length - 1]!)) {
      if (!onlyTested(node, ancestors)) clean = false;
      return;
    }
    ancestors.push(node);
    ts.forEachChild(node, visit);
    ancestors.pop();
  };
  ts.forEachChild(body, visit);
  const found = declaration as ts.VariableDeclaration | null;
  if (!clean || declarations !== 1 || !found?.initializer) return null;
  const list = declarationList as ts.Node | null;
  if (!list || !ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const || list.flags & ts.NodeFlags.Let)) return null;
  return directCall(strip(found.initializer), fn, params, context, 1);
}

/** A property name (`a.users`, `{ users: … }`), not a read of the variable. */
function isNameOfMember(node: ts.Identifier, parent: ts.Node): boolean {
  return (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
}

/**
 * A use that leaves the value as it is: returned, or tested for presence (`!user`, `user == null`,
 * `if (user)`). ancestors: the nodes above it, innermost last.
 */
function onlyTested(node: ts.Identifier, ancestors: readonly ts.Node[]): boolean {
  let child: ts.Node = node;
  let i = ancestors.length - 1;
  let parent = ancestors[i]!;
  while (i > 0 && (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent) || ts.isAsExpression(parent) || ts.isAwaitExpression(parent))) {
    child = parent;
    parent = ancestors[--i]!;
  }
  if (ts.isReturnStatement(parent)) return true;
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ts.isIfStatement(parent) && parent.expression === child) return true;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    const other = parent.left === child ? parent.right : parent.left;
    const nullish = other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === 'undefined');
    return nullish && (op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken);
  }
  return false;
}
