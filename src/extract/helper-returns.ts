/**
 * Doubles a local helper builds and hands back in an object (`const setup = () => { const msg =
 * { ack: jest.fn() }; return { listener, msg }; }`), picked out where a test destructures the
 * call (`const { listener, msg } = await setup()`). Such a double is the test's own, just as if it
 * were declared in the test: handed to the unit (`listener.onMessage(data, msg)`), it is the unit's
 * output channel. Cold code: it runs only for destructured calls of a local helper.
 */
import { ts } from '../typescript.js';
import { anyNode, flattenChain, isFunctionLike, unwrap } from './chain.js';
import { isDoubleValue } from './mocks.js';
import type { ExtractionState } from './state.js';
import { isFnDoubleChain } from './vocabulary.js';

export function trackDestructuredHelperDoubles(state: ExtractionState, declaration: ts.VariableDeclaration): void {
  if (!ts.isObjectBindingPattern(declaration.name) || !declaration.initializer) return;
  const init = unwrap(declaration.initializer);
  if (!ts.isCallExpression(init) || !ts.isIdentifier(init.expression)) return;
  const helper = state.helperFunctions.get(init.expression.text);
  if (!helper) return;
  const returned = returnedProperties(helper);
  if (returned.size === 0) return;
  for (const element of declaration.name.elements) {
    if (element.dotDotDotToken || !ts.isIdentifier(element.name)) continue;
    const property = element.propertyName ? (ts.isIdentifier(element.propertyName) ? element.propertyName.text : null) : element.name.text;
    const value = property === null ? undefined : returned.get(property);
    if (!value) continue;
    const made = madeIn(helper, value);
    if (!made) continue;
    const local = element.name.text;
    if (ts.isObjectLiteralExpression(made) && isDoubleValue(state, made, 0)) {
      state.localDoubleObjects.add(local);
      state.trackObject(local, true);
    } else if (ts.isCallExpression(made) && isFnDouble(state, made)) {
      state.doubleNames.add(local);
      state.trackFnDouble(local);
    }
  }
}

/**
 * What the helper's own body hands back: its expression body, or the value of each of its
 * `return`s (undefined for a bare `return`), not those of functions nested in it.
 */
function returnedValues(helper: ts.Node): (ts.Expression | undefined)[] {
  const body = (helper as ts.FunctionLikeDeclaration).body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  const out: (ts.Expression | undefined)[] = [];
  anyNode(body, (node) => {
    if (isFunctionLike(node)) return 'skip';
    if (ts.isReturnStatement(node)) out.push(node.expression);
    return false;
  });
  return out;
}

/** The properties of the object literals the helper returns, by name (the helper's own body only). */
function returnedProperties(helper: ts.Node): Map<string, ts.Expression> {
  const out = new Map<string, ts.Expression>();
  for (const expr of returnedValues(helper)) {
    const value = expr ? unwrap(expr) : undefined;
    if (!value || !ts.isObjectLiteralExpression(value)) continue;
    for (const p of value.properties) {
      if (ts.isShorthandPropertyAssignment(p)) out.set(p.name.text, p.name);
      else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) out.set(p.name.text, p.initializer);
    }
  }
  return out;
}

/** What a returned value was made from: an expression written in place, or the initializer of the helper's own variable. */
function madeIn(helper: ts.Node, value: ts.Expression): ts.Expression | null {
  const expr = unwrap(value);
  if (!ts.isIdentifier(expr)) return expr;
  const body = (helper as ts.FunctionLikeDeclaration).body;
  if (!body || !ts.isBlock(body)) return null;
  let found: ts.Expression | null = null;
  anyNode(body, (node) => {
    if (isFunctionLike(node)) return 'skip';
    if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || node.name.text !== expr.text || !node.initializer) return false;
    found = unwrap(node.initializer);
    return true;
  });
  return found;
}

function isFnDouble(state: ExtractionState, call: ts.CallExpression): boolean {
  const chain = flattenChain(call);
  return !!chain && isFnDoubleChain(chain, state.sinonRoots);
}

/**
 * `const res = createResponse()`: a local helper that builds one object of doubles and hands it
 * back whole, either written in place (`() => ({ status: jest.fn().mockReturnThis(), json: jest.fn() })`)
 * or kept in its own variable, given its doubles there or member by member (`const res = {};
 * res.json = jest.fn(); return res`). Like a `res` built in the test, it is the test's own object:
 * handed to the unit, it is the unit's output channel. Cold code: only calls of a local helper.
 */
export function isHelperMadeDoubleObject(state: ExtractionState, initializer: ts.Expression): boolean {
  const call = unwrap(initializer);
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return false;
  const helper = state.helperFunctions.get(call.expression.text);
  const body = helper && (helper as ts.FunctionLikeDeclaration).body;
  if (!helper || !body) return false;
  const returned = returnedValues(helper).filter((value): value is ts.Expression => value !== undefined);
  if (returned.length !== 1) return false;
  const made = madeIn(helper, returned[0]!);
  if (!made || !ts.isObjectLiteralExpression(made)) return false;
  // `{ activityService: { complete: mock() }, … }`: a container of service doubles the unit depends on, not an object it writes to.
  if (made.properties.some((p) => ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(unwrap(p.initializer)))) return false;
  if (isDoubleValue(state, made, 0)) return true;
  const value = unwrap(returned[0]!);
  return ts.isIdentifier(value) && ts.isBlock(body) && membersGivenDoubles(state, body, value.text);
}

/** `res.status = jest.fn().mockReturnValue(res)` in the helper's own body: a member of `name` made a double. */
function membersGivenDoubles(state: ExtractionState, body: ts.Node, name: string): boolean {
  return anyNode(body, (node) => {
    if (isFunctionLike(node)) return 'skip';
    if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
    const left = unwrap(node.left);
    if (!ts.isPropertyAccessExpression(left) || !ts.isIdentifier(left.expression) || left.expression.text !== name) return false;
    const right = unwrap(node.right);
    return ts.isCallExpression(right) && isFnDouble(state, right);
  });
}

/**
 * `const listener = spyOnEvents(server)`, where the local helper makes a fn double, hands it to the
 * unit itself (`server.events.on('end', wrap(listener))`) and returns it: the test's variable is
 * that double. Recorded as an alias of the helper's binding, settled after the walk. Cold code: it
 * runs only for a variable given a call of a local helper.
 */
export function aliasReturnedHelperDouble(state: ExtractionState, declaration: ts.VariableDeclaration): void {
  if (!ts.isIdentifier(declaration.name) || !declaration.initializer) return;
  const init = unwrap(declaration.initializer);
  if (!ts.isCallExpression(init) || !ts.isIdentifier(init.expression)) return;
  const name = init.expression.text;
  const helper = state.helperFunctions.get(name);
  if (!helper) return;
  const returned = returnedIdentifier(helper);
  if (!returned) return;
  const made = madeIn(helper, returned);
  if (!made || !ts.isCallExpression(made) || !isFnDouble(state, made)) return;
  state.helperDoubleAliases.set(state.bindingKey(declaration.name.text), `${returned.text}@helper:${name}`);
}

/** The one variable every `return` of the helper's own body hands back, if there is one. */
function returnedIdentifier(helper: ts.Node): ts.Identifier | null {
  const body = (helper as ts.FunctionLikeDeclaration).body;
  if (!body || !ts.isBlock(body)) return null;
  let found: ts.Identifier | null = null;
  for (const expr of returnedValues(helper)) {
    const value = expr ? unwrap(expr) : undefined;
    if (!value || !ts.isIdentifier(value) || (found && found.text !== value.text)) return null;
    found = value;
  }
  return found;
}
