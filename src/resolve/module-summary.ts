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
  /** Its functions and classes, and what each returns; null when the file could not be read or parsed. */
  code: CodeSummary | null;
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
      if (statSync(join(this.root, path)).size > MAX_MODULE_BYTES) return { imports: [], code: null };
      const buffer = readFileSync(join(this.root, path));
      if (buffer.length > MAX_MODULE_BYTES || buffer.includes(0)) return { imports: [], code: null };
      text = buffer.toString('utf8');
    } catch {
      return { imports: [], code: null };
    }
    const sourceFile = parse(path, text);
    if (!sourceFile) return { imports: [], code: null };
    let code: CodeSummary | null;
    try {
      code = summarizeCode(sourceFile);
    } catch (error) {
      // Deeply nested code is summarised no further, like the parse itself.
      if (!(error instanceof RangeError)) throw error;
      code = emptyCodeSummary();
    }
    return { imports: importsOf(sourceFile), code };
  }
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
