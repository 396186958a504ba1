/**
 * A source module's imports, read once per run: what a mocked module of your own reaches.
 * Only top-level, non-type imports count: a type import reaches nothing at run time.
 * From the same parse, what its functions and methods return (code-summary.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from '../typescript.js';
import { scriptKindFor } from '../extract/extract-file.js';
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
}

function emptySummary(): ModuleSummary {
  return { imports: [], bindings: new Map(), code: null };
}

const MAX_MODULE_BYTES = 2 * 1024 * 1024;

export class ModuleSummaries {
  private readonly cache = new Map<string, ModuleSummary>();

  constructor(private readonly root: string) {}

  get(path: string): ModuleSummary {
    const cached = this.cache.get(path);
    if (cached) return cached;
    const summary = this.read(path);
    this.cache.set(path, summary);
    return summary;
  }

  private read(path: string): ModuleSummary {
    let text: string;
    try {
      // Size first: a huge file costs a stat, not its size in memory.
      if (statSync(join(this.root, path)).size > MAX_MODULE_BYTES) return emptySummary();
      const buffer = readFileSync(join(this.root, path));
      if (buffer.length > MAX_MODULE_BYTES || buffer.includes(0)) return emptySummary();
      text = buffer.toString('utf8');
    } catch {
      return emptySummary();
    }
    return summarize(path, text);
  }
}

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
  return { imports: importsOf(sourceFile), bindings, code };
}

function parse(path: string, text: string): ts.SourceFile | null {
  try {
    return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKindFor(path));
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
