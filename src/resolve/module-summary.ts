/**
 * A source module's imports, read once per run: what a mocked module of your own reaches.
 * Only top-level, non-type imports count: a type import reaches nothing at run time.
 * From the same parse, what its functions and methods return (code-summary.ts).
 */
import { join } from 'node:path';
import { PARSE_OPTIONS, ts } from '../typescript.js';
import { scriptKindFor } from '../extract/extract-file.js';
import { readBounded } from '../extract/read-source.js';
import { emptyCodeSummary, summarizeCode, type CodeSummary } from './code-summary.js';

export interface ModuleSummary {
  imports: string[];
  /**
   * Top-level names bound to a module, and the specifier: `import db from '../db'`, `const { Pool }
   * = require('pg')`, and values made directly from such a name (`const pool = new Pool()`, `const
   * db = knex(config)`). What rewire's `__set__('db', fake)` replaces is what the name comes from.
   */
  bindings: Map<string, string>;
  /** Its functions and classes, and what each returns; null when the file could not be read or parsed. */
  code: CodeSummary | null;
  /**
   * Inversify container configuration in this module: `container.bind<T>(TYPES.X).to(PgX)`,
   * `.toDynamicValue(() => new PgX())`, `.toConstantValue(new PgX())`, with the token and the
   * implementation each named by the module they are imported from.
   */
  containerBindings: ContainerBinding[];
}

/** A token bound to an implementation class imported from another module. */
export interface ContainerBinding {
  /** The module the token's root name is imported from, or null when the root is declared in this module. */
  tokenSpecifier: string | null;
  /**
   * The token as exported from that module: the exported name and the members after it
   * (`TYPES.OrderRepository` → 'TYPES.OrderRepository'; `default.X` for a default import).
   */
  tokenPath: string;
  /** The implementation as written here, and the module it is imported from. */
  implementation: string;
  implementationSpecifier: string;
}

function emptySummary(): ModuleSummary {
  return { imports: [], bindings: new Map(), code: null, containerBindings: [] };
}

const MAX_MODULE_BYTES = 2 * 1024 * 1024;

export class ModuleSummaries {
  private readonly cache = new Map<string, ModuleSummary>();

  constructor(private readonly root: string) {}

  get(path: string): ModuleSummary {
    const cached = this.cache.get(path);
    if (cached) return cached;
    const text = this.text(path);
    const summary = text === null ? emptySummary() : summarize(path, text);
    this.cache.set(path, summary);
    return summary;
  }

  /**
   * The container bindings of a module, read only when its text mentions `needle` and `bind` (a
   * search for the configuration of one token need not parse every module of the package).
   */
  containerBindings(path: string, needle: string): ContainerBinding[] {
    const cached = this.cache.get(path);
    if (cached) return cached.containerBindings;
    const text = this.text(path);
    if (text === null || !text.includes(needle) || !BIND_HINT.test(text)) return [];
    const summary = summarize(path, text);
    this.cache.set(path, summary);
    return summary.containerBindings;
  }

  /** A module's text; null when it is unreadable, not a regular file, too large or binary. */
  private text(path: string): string | null {
    // Size is checked before reading: a huge file costs a stat, not its size in memory.
    const read = readBounded(join(this.root, path), MAX_MODULE_BYTES);
    if (!read.ok || read.bytes.includes(0)) return null;
    return read.bytes.toString('utf8');
  }
}

const BIND_HINT = /\bbind\s*(<[^()]*>)?\s*\(/;

/** One parse of a module: its imports, its top-level bindings and what its functions return. */
export function summarize(path: string, text: string): ModuleSummary {
  const sourceFile = parse(path, text);
  if (!sourceFile) return emptySummary();
  const bindings = new Map<string, string>();
  recordBindings(sourceFile, (name, specifier) => {
    if (!bindings.has(name)) bindings.set(name, specifier);
  });
  let code: CodeSummary | null;
  try {
    code = summarizeCode(sourceFile);
  } catch (error) {
    // Deeply nested code is summarised no further, like the parse itself.
    if (!(error instanceof RangeError)) throw error;
    code = emptyCodeSummary();
  }
  let containerBindings: ContainerBinding[] = [];
  if (BIND_HINT.test(text)) {
    try {
      containerBindings = containerBindingsOf(sourceFile);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return { imports: importsOf(sourceFile), bindings, code, containerBindings };
}

/** Top-level imported names: local name → [specifier, exported name ('default', '*' or the name)]. */
function importedNames(sourceFile: ts.SourceFile): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (!clause || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const specifier = statement.moduleSpecifier.text;
      if (clause.name) out.set(clause.name.text, [specifier, 'default']);
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) out.set(named.name.text, [specifier, '*']);
      if (named && ts.isNamedImports(named)) {
        for (const element of named.elements) out.set(element.name.text, [specifier, (element.propertyName ?? element.name).text]);
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const specifier = decl.initializer ? requireOf(decl.initializer) : null;
        if (!specifier || !decl.initializer) continue;
        const direct = ts.isCallExpression(skipOuter(decl.initializer));
        if (ts.isIdentifier(decl.name) && direct) out.set(decl.name.text, [specifier, '*']);
        else if (ts.isObjectBindingPattern(decl.name) && direct) {
          for (const element of decl.name.elements) {
            if (!ts.isIdentifier(element.name)) continue;
            const exported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
            out.set(element.name.text, [specifier, exported]);
          }
        }
      }
    }
  }
  return out;
}

const BIND_TO = new Set(['to', 'toConstantValue', 'toDynamicValue']);

function containerBindingsOf(sourceFile: ts.SourceFile): ContainerBinding[] {
  const imported = importedNames(sourceFile);
  const out: ContainerBinding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && BIND_TO.has(node.expression.name.text)) {
      const binding = bindingOf(node, node.expression.name.text, node.expression.expression, imported);
      if (binding) out.push(binding);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return out;
}

function bindingOf(call: ts.CallExpression, method: string, bindExpr: ts.Expression, imported: Map<string, [string, string]>): ContainerBinding | null {
  // container.bind<T>(token) / bind(token) inside a ContainerModule
  if (!ts.isCallExpression(bindExpr) || bindExpr.arguments.length !== 1) return null;
  const callee = bindExpr.expression;
  const isBind = (ts.isIdentifier(callee) && callee.text === 'bind') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 'bind');
  if (!isBind) return null;
  const token = dotted(skipOuter(bindExpr.arguments[0]!));
  if (!token) return null;
  const implementation = implementationOf(method, call.arguments[0]);
  if (!implementation) return null;
  const from = imported.get(implementation);
  if (!from || from[1] === '*') return null;
  const [root, ...members] = token.split('.');
  const tokenImport = imported.get(root!);
  let tokenPath: string;
  if (tokenImport) {
    if (tokenImport[1] === '*') {
      if (members.length === 0) return null;
      tokenPath = members.join('.');
    } else tokenPath = [tokenImport[1], ...members].join('.');
  } else tokenPath = token;
  return { tokenSpecifier: tokenImport ? tokenImport[0] : null, tokenPath, implementation, implementationSpecifier: from[0] };
}

/** The class a binding makes: `to(PgX)`, `toConstantValue(new PgX())`, `toDynamicValue(() => new PgX())`. */
function implementationOf(method: string, arg: ts.Expression | undefined): string | null {
  if (!arg) return null;
  const value = skipOuter(arg);
  if (method === 'to') return ts.isIdentifier(value) ? value.text : null;
  if (method === 'toConstantValue') return constructed(value);
  if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) {
    if (ts.isBlock(value.body)) {
      const returns = value.body.statements.filter(ts.isReturnStatement);
      if (returns.length !== 1 || !returns[0]!.expression) return null;
      return constructed(skipOuter(returns[0]!.expression));
    }
    return constructed(skipOuter(value.body));
  }
  return null;
}

function constructed(expr: ts.Expression): string | null {
  return ts.isNewExpression(expr) && ts.isIdentifier(expr.expression) ? expr.expression.text : null;
}

/** `A` or `A.B.C` of plain identifiers. */
function dotted(expr: ts.Expression): string | null {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.name)) {
    const left = dotted(expr.expression);
    return left ? `${left}.${expr.name.text}` : null;
  }
  return null;
}

function parse(path: string, text: string): ts.SourceFile | null {
  try {
    // No parent links: setting them is one more pass over the tree, and nothing here reads them.
    return ts.createSourceFile(path, text, PARSE_OPTIONS, false, scriptKindFor(path));
  } catch (error) {
    // The parser recurses: a module nested deeper than the stack allows is followed no further.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

export function topLevelImports(path: string, text: string): string[] {
  const sourceFile = parse(path, text);
  return sourceFile ? importsOf(sourceFile) : [];
}

function importsOf(sourceFile: ts.SourceFile): string[] {
  const imports: string[] = [];
  const add = (specifier: string | undefined): void => {
    if (specifier && !imports.includes(specifier)) imports.push(specifier);
  };
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (statement.importClause?.isTypeOnly) continue;
      const named = statement.importClause?.namedBindings;
      if (
        statement.importClause &&
        !statement.importClause.name &&
        named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly)
      ) {
        continue;
      }
      add((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      add((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const expr = statement.moduleReference.expression;
      if (ts.isStringLiteral(expr)) add(expr.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const init = decl.initializer;
        const call = init && ts.isPropertyAccessExpression(init) ? init.expression : init;
        if (call && ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'require') {
          const arg = call.arguments[0];
          if (arg && ts.isStringLiteral(arg)) add(arg.text);
        }
      }
    } else if (ts.isExpressionStatement(statement) && ts.isCallExpression(statement.expression)) {
      const call = statement.expression;
      if (ts.isIdentifier(call.expression) && call.expression.text === 'require' && call.arguments[0] && ts.isStringLiteral(call.arguments[0])) {
        add(call.arguments[0].text);
      }
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression)) {
      // CommonJS barrels: module.exports = { a: require('./a') }, exports.b = require('./b')
      for (const specifier of requiresIn(statement.expression.right)) add(specifier);
    }
  }
  return imports;
}

/** `require('x')` calls in an export value, one level of object literal deep. */
function requiresIn(expr: ts.Expression): string[] {
  const out: string[] = [];
  const take = (e: ts.Expression): void => {
    let inner = e;
    if (ts.isPropertyAccessExpression(inner)) inner = inner.expression;
    if (ts.isCallExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === 'require') {
      const arg = inner.arguments[0];
      if (arg && ts.isStringLiteral(arg)) out.push(arg.text);
    }
  };
  take(expr);
  if (ts.isObjectLiteralExpression(expr)) {
    for (const property of expr.properties) if (ts.isPropertyAssignment(property)) take(property.initializer);
  }
  return out;
}

/** Names of top-level declarations bound to a module (see ModuleSummary.bindings). */
function recordBindings(sourceFile: ts.SourceFile, bind: (name: string, specifier: string) => void): void {
  const imported = new Map<string, string>();
  const note = (name: string, specifier: string): void => {
    if (!imported.has(name)) imported.set(name, specifier);
    bind(name, specifier);
  };
  const declarations: ts.VariableDeclaration[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const specifier = statement.moduleSpecifier.text;
      if (clause.name) note(clause.name.text, specifier);
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) note(named.name.text, specifier);
      if (named && ts.isNamedImports(named)) for (const element of named.elements) if (!element.isTypeOnly) note(element.name.text, specifier);
    } else if (ts.isImportEqualsDeclaration(statement) && !statement.isTypeOnly && ts.isExternalModuleReference(statement.moduleReference)) {
      const expr = statement.moduleReference.expression;
      if (ts.isStringLiteral(expr)) note(statement.name.text, expr.text);
    } else if (ts.isVariableStatement(statement)) {
      declarations.push(...statement.declarationList.declarations);
    }
  }
  for (const decl of declarations) {
    const specifier = decl.initializer ? requireOf(decl.initializer) : null;
    if (!specifier) continue;
    if (ts.isIdentifier(decl.name)) note(decl.name.text, specifier);
    else if (ts.isObjectBindingPattern(decl.name)) {
      for (const element of decl.name.elements) if (ts.isIdentifier(element.name)) note(element.name.text, specifier);
    }
  }
  // Values made directly from an imported name: `new Pool()`, `knex(config)`, `redis.createClient()`.
  // Only imported names count: a value made by a local helper is the module's own.
  for (const decl of declarations) {
    if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
    const maker = madeFrom(decl.initializer);
    const specifier = maker ? imported.get(maker) : undefined;
    if (specifier) bind(decl.name.text, specifier);
  }
}

/** `require('x')`, `require('x').y`: the specifier. */
function requireOf(init: ts.Expression): string | null {
  let expr = skipOuter(init);
  if (ts.isPropertyAccessExpression(expr)) expr = expr.expression;
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'require') {
    const arg = expr.arguments[0];
    if (arg && ts.isStringLiteral(arg)) return arg.text;
  }
  return null;
}

/** The name a value is made from: `new Pool()` → Pool, `knex(c)` → knex, `await redis.createClient()` → redis. */
function madeFrom(init: ts.Expression): string | null {
  const expr = skipOuter(init);
  if (!ts.isNewExpression(expr) && !ts.isCallExpression(expr)) return null;
  let callee: ts.Expression = expr.expression;
  while (ts.isPropertyAccessExpression(callee)) callee = callee.expression;
  return ts.isIdentifier(callee) ? callee.text : null;
}

function skipOuter(expr: ts.Expression): ts.Expression {
  let inner = expr;
  while (ts.isAwaitExpression(inner) || ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isNonNullExpression(inner) || ts.isSatisfiesExpression(inner)) {
    inner = inner.expression;
  }
  return inner;
}
