/**
 * Reads JavaScript/TypeScript configuration files as syntax, never executing them: finds the
 * exported object (module.exports, export default, defineConfig(...)) and evaluates the parts
 * that are literal. Anything computed at run time is left out rather than guessed.
 */
import { PARSE_OPTIONS, ts } from '../typescript.js';

export type StaticValue = string | number | boolean | null | StaticValue[] | StaticObject;
export interface StaticObject {
  [key: string]: StaticValue;
}

export type StaticRead = { ok: true; value: StaticObject | null; constructed?: StaticObject[] } | { ok: false; message: string };

const MAX_DEPTH = 12;

/**
 * Reads a config file's exported object. With `constructors`, also the literal objects handed to
 * those constructors and factories anywhere in the file (`new DataSource({...})`,
 * `createConnection({...})`): configuration that is built, not exported. One parse serves both.
 */
export function readStaticConfig(path: string, text: string, constructors?: ReadonlySet<string>): StaticRead {
  if (path.endsWith('.json') || /(^|\/)\.[a-z]+rc$/.test(path)) {
    try {
      const value = JSON.parse(stripJsonComments(text)) as unknown;
      return { ok: true, value: isObject(value) ? (value as StaticObject) : null };
    } catch {
      return { ok: false, message: jsonProblem(path, text) };
    }
  }
  const kind = /\.[cm]?tsx?$/.test(path) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  let sourceFile: ts.SourceFile;
  try {
    sourceFile = ts.createSourceFile(path, text, PARSE_OPTIONS, false, kind);
  } catch (error) {
    // The parser recurses: a config nested deeper than the stack allows is reported, not fatal.
    if (error instanceof RangeError) return { ok: false, message: 'nesting too deep to read' };
    throw error;
  }
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  if (diagnostics.length > 0) {
    const first = diagnostics[0]!;
    const line = first.start !== undefined ? sourceFile.getLineAndCharacterOfPosition(first.start).line + 1 : 0;
    return { ok: false, message: `syntax error at line ${line}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}` };
  }
  const evaluator = new Evaluator(sourceFile);
  const exported = evaluator.exportedExpression();
  const value = exported ? evaluator.configObject(exported, 0) : null;
  return constructors ? { ok: true, value, constructed: constructedConfigs(sourceFile, evaluator, constructors) } : { ok: true, value };
}

function constructedConfigs(sourceFile: ts.SourceFile, evaluator: Evaluator, callees: ReadonlySet<string>): StaticObject[] {
  const out: StaticObject[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.arguments?.[0]) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
      const object = name !== null && callees.has(name) ? evaluator.configObject(node.arguments[0], 0) : null;
      if (object) out.push(object);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return out;
}

/**
 * Where and why JSON is broken, from TypeScript's JSON parser: the same wording on every Node
 * version (JSON.parse's messages change between versions and quote the file's text).
 */
function jsonProblem(path: string, text: string): string {
  try {
    const parsed = ts.parseJsonText(path, text);
    const first = (parsed as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics?.[0];
    if (!first || first.start === undefined) return 'invalid JSON';
    const line = ts.getLineAndCharacterOfPosition(parsed, first.start).line + 1;
    return `invalid JSON at line ${line}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`;
  } catch {
    // The parser recurses: JSON nested deeper than the stack allows has no better description.
    return 'invalid JSON';
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with comments (tsconfig, some rc files): drop // and /* *\/ comments outside strings. */
export function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) i++;
      i++;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

class Evaluator {
  private readonly consts = new Map<string, ts.Expression>();

  constructor(private readonly sourceFile: ts.SourceFile) {
    for (const statement of sourceFile.statements) {
      if (ts.isVariableStatement(statement)) {
        for (const decl of statement.declarationList.declarations) {
          if (ts.isIdentifier(decl.name) && decl.initializer) this.consts.set(decl.name.text, decl.initializer);
        }
      }
    }
  }

  /** The expression a config file exports. */
  exportedExpression(): ts.Expression | null {
    for (const statement of this.sourceFile.statements) {
      if (ts.isExportAssignment(statement)) return statement.expression;
      if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression)) {
        const { left, right, operatorToken } = statement.expression;
        if (operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
        const target = left.getText(this.sourceFile);
        if (target === 'module.exports' || target === 'exports.default') return right;
      }
    }
    return null;
  }

  /** Follows wrappers (defineConfig(...), arrow functions, identifiers) down to an object literal. */
  configObject(expr: ts.Expression, depth: number): StaticObject | null {
    if (depth > MAX_DEPTH) return null;
    const inner = strip(expr);
    if (ts.isObjectLiteralExpression(inner)) {
      const value = this.evaluate(inner, depth + 1);
      return value && isObject(value) ? (value as StaticObject) : null;
    }
    if (ts.isIdentifier(inner)) {
      const init = this.consts.get(inner.text);
      return init ? this.configObject(init, depth + 1) : null;
    }
    if (ts.isCallExpression(inner)) {
      // mergeConfig(base, {...}) / defineConfig({...}) / defineConfig(() => ({...}))
      const merged: StaticObject = {};
      let found = false;
      for (const arg of inner.arguments) {
        const object = this.configObject(arg, depth + 1);
        if (object) {
          Object.assign(merged, object);
          found = true;
        }
      }
      return found ? merged : null;
    }
    if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) {
      if (!ts.isBlock(inner.body)) return this.configObject(inner.body, depth + 1);
      for (const statement of inner.body.statements) {
        if (ts.isReturnStatement(statement) && statement.expression) return this.configObject(statement.expression, depth + 1);
      }
    }
    return null;
  }

  evaluate(expr: ts.Expression, depth: number): StaticValue | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const inner = strip(expr);
    if (ts.isStringLiteralLike(inner)) return inner.text;
    if (ts.isNumericLiteral(inner)) return Number(inner.text);
    if (inner.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (inner.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (inner.kind === ts.SyntaxKind.NullKeyword) return null;
    if (ts.isArrayLiteralExpression(inner)) {
      const items: StaticValue[] = [];
      for (const element of inner.elements) {
        if (ts.isSpreadElement(element)) {
          const spread = this.evaluate(element.expression, depth + 1);
          if (Array.isArray(spread)) items.push(...spread);
          continue;
        }
        const value = this.evaluate(element, depth + 1);
        if (value !== undefined) items.push(value);
      }
      return items;
    }
    if (ts.isObjectLiteralExpression(inner)) {
      const object: StaticObject = {};
      for (const property of inner.properties) {
        if (ts.isSpreadAssignment(property)) {
          const spread = this.evaluate(property.expression, depth + 1);
          if (spread && isObject(spread)) Object.assign(object, spread);
          continue;
        }
        if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
        const key = keyText(property.name);
        // `__proto__: {...}` would set the object's prototype rather than a key.
        if (key === null || key === '__proto__') continue;
        const value = ts.isPropertyAssignment(property) ? this.evaluate(property.initializer, depth + 1) : this.evaluate(property.name, depth + 1);
        if (value !== undefined) object[key] = value;
      }
      return object;
    }
    if (ts.isIdentifier(inner)) {
      const init = this.consts.get(inner.text);
      return init ? this.evaluate(init, depth + 1) : undefined;
    }
    if (ts.isTemplateExpression(inner)) {
      // `${__dirname}/setup.ts` → './setup.ts'
      let text = inner.head.text;
      for (const span of inner.templateSpans) {
        const name = span.expression.getText(this.sourceFile);
        if (name === '__dirname' || name === 'rootDir' || name === 'process.cwd()') text += '.';
        else {
          const value = this.evaluate(span.expression, depth + 1);
          if (typeof value !== 'string') return undefined;
          text += value;
        }
        text += span.literal.text;
      }
      return text;
    }
    if (ts.isCallExpression(inner)) return this.evaluatePathCall(inner, depth);
    return undefined;
  }

  /** path.resolve(__dirname, 'x'), path.join(...), require.resolve('./x'), new URL('./x', import.meta.url). */
  private evaluatePathCall(call: ts.CallExpression, depth: number): StaticValue | undefined {
    const callee = call.expression.getText(this.sourceFile);
    if (/(^|\.)(resolve|join)$/.test(callee) || callee === 'fileURLToPath') {
      const parts: string[] = [];
      for (const arg of call.arguments) {
        const text = arg.getText(this.sourceFile);
        if (text === '__dirname' || text === 'process.cwd()' || text === 'import.meta.dirname') continue;
        if (ts.isNewExpression(arg) && arg.arguments?.[0]) {
          const value = this.evaluate(arg.arguments[0], depth + 1);
          if (typeof value === 'string') parts.push(value);
          continue;
        }
        const value = this.evaluate(arg, depth + 1);
        if (typeof value !== 'string') return undefined;
        parts.push(value);
      }
      if (parts.length === 0) return undefined;
      const joined = parts.join('/').replace(/\/+/g, '/');
      return joined.startsWith('.') || joined.startsWith('/') || joined.startsWith('<') ? joined : `./${joined}`;
    }
    return undefined;
  }
}

function strip(expr: ts.Expression): ts.Expression {
  let current = expr;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isTypeAssertionExpression(current) ||
    ts.isNonNullExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

function keyText(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  return null;
}
