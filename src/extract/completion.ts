/**
 * Callback-style tests (Mocha's and Jasmine's `done`): which ones only a later callback ends. Such a
 * test fails by timeout when the event it waits for never comes, so it checks that the event comes:
 * `it('emits ready', (done) => { client.once('ready', () => done()); })`. A test that calls `done()`
 * in its own body ends there, whatever happened; one that only hands `done` to a function
 * (`start(done)`) ends when that function calls back, with no check of what it did.
 */
import { ts } from '../typescript.js';
import { isFunctionLike, unwrap, type Chain } from './chain.js';
import type { ExtractionState } from './state.js';

/** Methods that register an event listener: `done` handed to one waits for that event. */
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);

/**
 * Callbacks that run whatever the code under test does: timers fire anyway, array methods and a
 * Promise executor run at once. `done` called from these alone waits for nothing.
 */
const RUN_ANYWAY = new Set([
  'setTimeout',
  'setInterval',
  'setImmediate',
  'nextTick',
  'queueMicrotask',
  'forEach',
  'map',
  'filter',
  'some',
  'every',
  'find',
  'findIndex',
  'reduce',
  'flatMap',
]);

/** How one use of `done` ends the test: in its own body, from a callback the code under test runs, or neither. */
type Use = 'body' | 'later' | 'neutral';

/** `done(…)`, the test's own completion callback called. */
export function recogniseCompletionCall(state: ExtractionState, chain: Chain, ancestors: readonly ts.Node[]): void {
  const done = state.testContextParam;
  if (!done || chain.root !== done || chain.links.length !== 1 || !chain.links[0]!.call) return;
  const use = useOf(state, done, ancestors.length, ancestors);
  if (use) state.noteCompletion(use);
}

/** `emitter.once('end', done)`: the test ends when the event comes. */
export function recogniseCompletionListener(state: ExtractionState, node: ts.Identifier, ancestors: readonly ts.Node[]): void {
  const parent = ancestors[ancestors.length - 1];
  if (!parent || !ts.isCallExpression(parent) || !parent.arguments.includes(node)) return;
  const callee = unwrap(parent.expression);
  if (!ts.isPropertyAccessExpression(callee) || !LISTENER_METHODS.has(callee.name.text)) return;
  // The listener is registered wherever the call is; only shadowing matters.
  if (useOf(state, node.text, ancestors.length - 1, ancestors)) state.noteCompletion('later');
}

/**
 * How a use of `done` (the node below `ancestors[top - 1]`) ends the test, or null when the name is
 * not the test's own parameter there (a nested function declares its own, or no test encloses it).
 */
function useOf(state: ExtractionState, done: string, top: number, ancestors: readonly ts.Node[]): Use | null {
  if (state.currentTestId === null) return null;
  let nested = false;
  let later = false;
  let guarded = false;
  for (let i = top - 1; i >= 0; i--) {
    const node = ancestors[i]!;
    if (state.isTestCallback(node)) {
      if (later) return 'later';
      if (nested) return 'neutral';
      // `if (!supported) return done();` skips; it does not end every run of the test.
      return guarded ? 'neutral' : 'body';
    }
    if (ts.isIfStatement(node) || ts.isConditionalExpression(node)) guarded = true;
    if (!isFunctionLike(node) && !ts.isFunctionDeclaration(node) && !ts.isMethodDeclaration(node)) continue;
    if (node.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === done)) return null;
    nested = true;
    if (!runsAnyway(node, ancestors[i - 1], ancestors[i - 2])) later = true;
  }
  return null;
}

/** A timer callback, an array method's callback or a Promise executor (`parent` holds the function). */
function runsAnyway(fn: ts.Node, parent: ts.Node | undefined, grandparent: ts.Node | undefined): boolean {
  let holder = parent;
  // `setTimeout((() => done()), 10)`: parentheses sit between.
  if (holder && ts.isParenthesizedExpression(holder)) holder = grandparent;
  if (!holder) return false;
  if (ts.isNewExpression(holder)) return ts.isIdentifier(holder.expression) && holder.expression.text === 'Promise';
  if (!ts.isCallExpression(holder)) return false;
  const callee = unwrap(holder.expression);
  // `(() => done())()` runs at once.
  if (callee === fn) return true;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  return name !== null && RUN_ANYWAY.has(name);
}
