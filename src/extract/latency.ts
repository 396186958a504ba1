/**
 * Latency a test simulates is not a wait of the test. A fixed wait inside a function the test hands
 * to other code (a query's `queryFn`, a component's prop, a request handler, a double's
 * implementation) runs when that code calls it, and the test waits for what the code produces.
 * A wait in the test's own flow stays a wait, even inside a nested function: a callback run there
 * and then (act, waitFor, `.then`, `items.map`, an immediately called function, a Promise executor),
 * a function the test declares and calls, or a handed-over callback that asserts or ends the test.
 * Only asked once a wait is found.
 */
import { ts } from '../typescript.js';
import { looksLikeAssertion } from './assertions.js';
import { anyNode, climbWrappers, flattenChain, isFunctionLike, rootIdentifier, unwrap } from './chain.js';
import type { ExtractionState } from './state.js';
import { BEHAVIOUR_METHODS, DESCRIBE_ROOTS, HOOK_KINDS, JASMINE_BEHAVIOURS, TEST_ROOTS, isFnDoubleChain } from './vocabulary.js';

/**
 * Where a function (or a value holding one) goes:
 * - 'flow': it runs where it is written, as part of the code around it (look further out);
 * - 'handed': other code calls it when it decides;
 * - 'double': it is a double's behaviour or a mock server's handler;
 * - 'own': nothing shows where it goes, so it is taken to be the test's own.
 */
type Use = 'flow' | 'handed' | 'double' | 'own';

/**
 * Calls that run the callback they are given before they return or settle, inside the test's
 * flow: promise chains, array iteration, React's act, Testing Library's waitFor, Playwright's and
 * WebdriverIO's steps and page scripts.
 */
const RUNS_NOW = new Set([
  'then', 'catch', 'finally',
  'map', 'forEach', 'flatMap', 'reduce', 'reduceRight', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'from', 'each', 'times',
  'act', 'waitFor', 'waitUntil', 'step',
  'evaluate', 'evaluateHandle', '$eval', '$$eval', 'execute', 'executeAsync', 'executeScript', 'executeAsyncScript',
]);

/** Sinon's behaviours that take the double's implementation or value (its `get`, `value` or `withArgs` are too generic to tell by name). */
const SINON_IMPLEMENTATIONS = new Set(['callsFake', 'returns', 'resolves']);

/** How deep a chain of function → holder → function may go before the answer is 'own'. */
const MAX_DEPTH = 8;

/** Whether a wait runs inside (or is itself) something the test hands to other code rather than sits through. */
export function simulatesLatency(state: ExtractionState, wait: ts.Node, ancestors: readonly ts.Node[]): boolean {
  // A timer-made promise handed to a double as its value: `mockReturnValue(new Promise(…setTimeout…))`.
  const [value, index] = climbWrappers(wait, ancestors, ancestors.length - 1);
  const holder = ancestors[index];
  if (holder && ts.isCallExpression(holder) && holder.arguments.includes(value as ts.Expression) && callUse(state, holder) === 'double') return true;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const fn = ancestors[i]!;
    if (!isFunctionNode(fn)) continue;
    const use = functionUse(state, fn, ancestors, i, 0);
    if (use === 'double') return true;
    if (use === 'own') return false;
    if (use === 'flow') continue;
    // A handed-over callback that asserts or calls done is the test going on in a callback
    // (`withServer(async () => { … expect … })`); one that settles a promise made around it
    // (`new Promise((resolve) => server.listen(0, async () => { await sleep(50); resolve(); }))`)
    // goes on with whatever awaits that promise.
    if (assertsOrFinishes(state, fn)) return false;
    if (!settlesEnclosingPromise(fn, ancestors, i)) return true;
  }
  return false;
}

/** Whether a function calls the resolve or reject of a `new Promise` executor it sits in. */
function settlesEnclosingPromise(fn: ts.Node, ancestors: readonly ts.Node[], index: number): boolean {
  const settlers = new Set<string>();
  for (let i = index - 1; i > 0; i--) {
    const executor = ancestors[i]!;
    const made = ancestors[i - 1]!;
    if (!isFunctionLike(executor) || !ts.isNewExpression(made) || !ts.isIdentifier(made.expression) || made.expression.text !== 'Promise') continue;
    for (const param of executor.parameters.slice(0, 2)) if (ts.isIdentifier(param.name)) settlers.add(param.name.text);
  }
  if (settlers.size === 0) return false;
  return anyNode(fn, (n) => ts.isCallExpression(n) && ts.isIdentifier(n.expression) && settlers.has(n.expression.text));
}

function isFunctionNode(node: ts.Node): boolean {
  return (
    isFunctionLike(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** Where a function goes; `parents[index]` is the function itself, the entries above it its ancestors. */
function functionUse(state: ExtractionState, fn: ts.Node, parents: readonly ts.Node[], index: number, depth: number): Use {
  const entry = state.entries.get(fn);
  // Tests, hooks and describe bodies are the test's flow; a helper at file or describe scope is
  // judged, like any named function, by how the file uses it.
  if (entry && entry.kind !== 'helper') return 'own';
  if (depth > MAX_DEPTH) return 'own';
  if (ts.isFunctionDeclaration(fn)) return fn.name ? namedUse(state, fn.name.text, fn, scopeOf(state, parents, index - 1), depth + 1) : 'own';
  const parent = parents[index - 1];
  if (ts.isMethodDeclaration(fn)) return parent && ts.isObjectLiteralExpression(parent) ? containerUse(state, parents, index - 1, depth + 1) : 'own';
  if (!isFunctionLike(fn)) return 'own';
  return valueUse(state, fn, parents, index - 1, depth + 1);
}

/** Where a function value goes, from what holds it (`parents[index]`). */
function valueUse(state: ExtractionState, node: ts.Node, parents: readonly ts.Node[], index: number, depth: number): Use {
  const [value, i] = climbWrappers(node, parents, index);
  const parent = parents[i];
  if (!parent) return 'own';
  if (ts.isCallExpression(parent)) {
    if (parent.expression === value) return 'flow';
    return parent.arguments.includes(value as ts.Expression) ? callUse(state, parent) : 'own';
  }
  if (ts.isNewExpression(parent)) {
    if (!parent.arguments?.includes(value as ts.Expression)) return 'own';
    // A Promise runs its executor at once; other constructors keep the function for later.
    return ts.isIdentifier(parent.expression) && parent.expression.text === 'Promise' ? 'flow' : 'handed';
  }
  if (ts.isPropertyAccessExpression(parent) && parent.expression === value) {
    // `fn.call(this, x)` and `fn.apply(this, args)` call it here; other members say nothing.
    const call = parents[i - 1];
    const calls = (parent.name.text === 'call' || parent.name.text === 'apply') && !!call && ts.isCallExpression(call) && call.expression === parent;
    return calls ? 'flow' : 'own';
  }
  if (ts.isJsxExpression(parent)) return 'handed';
  if ((ts.isPropertyAssignment(parent) && parent.initializer === value) || ts.isShorthandPropertyAssignment(parent)) {
    return containerUse(state, parents, i - 1, depth);
  }
  if (ts.isArrayLiteralExpression(parent) || ts.isSpreadElement(parent)) return containerUse(state, parents, i, depth);
  if (ts.isVariableDeclaration(parent) && parent.initializer === value && ts.isIdentifier(parent.name)) {
    return namedUse(state, parent.name.text, parent, scopeOf(state, parents, i - 1), depth + 1);
  }
  if (ts.isBinaryExpression(parent) && parent.right === value && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    // `window.fetch = async () => …` replaces a member of something else by hand.
    const left = unwrap(parent.left);
    return ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left) ? 'handed' : 'own';
  }
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === value)) return returnedUse(state, parents, i, depth);
  return 'own';
}

/** A call given a function: does it run it now, keep it as a double's behaviour, or keep it for later? */
function callUse(state: ExtractionState, call: ts.CallExpression): Use {
  const callee = unwrap(call.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  const root = rootIdentifier(callee);
  if (BEHAVIOUR_METHODS[name] || JASMINE_BEHAVIOURS[name] || SINON_IMPLEMENTATIONS.has(name)) return 'double';
  const chain = flattenChain(call);
  if (chain && isFnDoubleChain(chain, state.sinonRoots)) return 'double';
  if (!root) return RUNS_NOW.has(name) ? 'flow' : 'handed';
  const origin = state.originOf(root);
  // msw's http.get(url, resolver), graphql.query(name, resolver): the mock server's answer.
  if (origin?.module === 'msw') return 'double';
  // Cypress commands queue on the test; cy.intercept's handler answers the app's requests.
  if (root === 'cy') return name === 'intercept' ? 'double' : 'flow';
  if (RUNS_NOW.has(name)) return 'flow';
  // The test framework runs what its structure is given: test.step, test.extend's fixtures (also as `test as base`).
  for (const framework of [root, origin && !origin.instance ? origin.name : root]) {
    if (TEST_ROOTS.has(framework) || DESCRIBE_ROOTS.has(framework) || HOOK_KINDS[framework]) return 'flow';
  }
  // expect(fn).rejects, assert.rejects(fn), t.throwsAsync(fn): the assertion runs it.
  if (chain && looksLikeAssertion(state, chain)) return 'flow';
  return 'handed';
}

/**
 * A function inside an object or array literal (`{ queryFn: async () => … }`, `[handler]`): where
 * the literal goes. `parents[index]` is the innermost literal or property holding the function.
 */
function containerUse(state: ExtractionState, parents: readonly ts.Node[], index: number, depth: number): Use {
  let i = index;
  let value: ts.Node = parents[i]!;
  while (i > 0) {
    const p = parents[i - 1]!;
    const holds =
      ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p) || ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) ||
      ts.isSpreadElement(p) || ts.isSpreadAssignment(p) || ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p);
    if (!holds) break;
    value = p;
    i--;
  }
  const parent = parents[i - 1];
  if (!parent) return 'own';
  // An options object or a list handed to a call goes where the call takes its functions:
  // `useQuery({ queryFn })` keeps it, Playwright's `test.extend({ fixture })` runs it for each test.
  if (ts.isCallExpression(parent) && parent.arguments.includes(value as ts.Expression)) return callUse(state, parent);
  if (ts.isNewExpression(parent) && parent.arguments?.includes(value as ts.Expression)) return 'handed';
  if (ts.isJsxExpression(parent) || ts.isJsxSpreadAttribute(parent)) return 'handed';
  if (ts.isVariableDeclaration(parent) && parent.initializer === value && ts.isIdentifier(parent.name)) {
    return namedUse(state, parent.name.text, parent, scopeOf(state, parents, i - 2), depth + 1);
  }
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === value)) return returnedUse(state, parents, i - 1, depth);
  return 'own';
}

/**
 * A value a function returns goes wherever that function's result goes: a mock factory's module
 * (`vi.mock('./api', () => ({ load: async () => … }))`) is handed over with the factory. What a
 * helper or the test returns is not followed.
 */
function returnedUse(state: ExtractionState, parents: readonly ts.Node[], index: number, depth: number): Use {
  for (let i = index; i >= 0; i--) {
    const fn = parents[i]!;
    if (!isFunctionNode(fn)) continue;
    if (state.entries.has(fn)) return 'own';
    const use = functionUse(state, fn, parents, i, depth + 1);
    return use === 'handed' || use === 'double' ? use : 'own';
  }
  return 'own';
}

/** The function or file whose body declares what sits at `parents[index]` or below (the walk's ancestors leave the file out). */
function scopeOf(state: ExtractionState, parents: readonly ts.Node[], index: number): ts.Node {
  for (let i = index; i >= 0; i--) {
    const node = parents[i]!;
    if (ts.isSourceFile(node) || isFunctionNode(node)) return node;
  }
  return state.sourceFile;
}

/**
 * A named function or object (`const fetcher = async () => …`, `function Query() …`): how its
 * scope uses the name. Called anywhere, or used in a way that says nothing, it is the test's; only
 * a name that is always handed over (`useQuery({ queryFn })`, `<Form load={load} />`) is not.
 */
function namedUse(state: ExtractionState, name: string, declaration: ts.Node, scope: ts.Node, depth: number): Use {
  if (depth > MAX_DEPTH) return 'own';
  const uses = new Set<Use>();
  const parents: ts.Node[] = [];
  let overflow = false;
  const visit = (node: ts.Node): void => {
    if (overflow || uses.has('own')) return;
    if (parents.length > 200) {
      overflow = true;
      return;
    }
    if (node === declaration) return;
    if (ts.isIdentifier(node) && node.text === name && isReference(node, parents[parents.length - 1])) {
      uses.add(valueUse(state, node, parents, parents.length - 1, depth));
      return;
    }
    parents.push(node);
    ts.forEachChild(node, visit);
    parents.pop();
  };
  // The declaration itself is skipped: `function f() {}` names f without using it.
  parents.push(scope);
  ts.forEachChild(scope, visit);
  if (overflow || uses.size === 0 || uses.has('own')) return 'own';
  if (uses.has('flow')) return 'flow';
  return uses.has('handed') ? 'handed' : 'double';
}

/** An identifier that refers to a variable, not a property name, a key or an attribute name. */
function isReference(node: ts.Identifier, parent: ts.Node | undefined): boolean {
  if (!parent) return true;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === node;
  if (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) return parent.name !== node;
  if (ts.isJsxAttribute(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent)) return false;
  return true;
}

/** A callback that asserts or calls the test's done carries the test on, wherever it is handed. */
function assertsOrFinishes(state: ExtractionState, fn: ts.Node): boolean {
  return anyNode(fn, (n) => {
    if (!ts.isCallExpression(n)) return false;
    const chain = flattenChain(n);
    return !!chain && looksLikeAssertion(state, chain);
  });
}
