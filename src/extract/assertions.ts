/**
 * Assertions, classified: about a double's invocations (toHaveBeenCalledWith, sinon.assert,
 * nock scope.done()) or about a real output or state. Covers expect (Jest, Vitest, chai,
 * Playwright, Jasmine), node:assert and chai assert, sinon-chai, should, supertest `.expect`,
 * node:test / AVA / tap context assertions, Cypress `.should`, and helpers that assert.
 */
import { ts } from 'ts-morph';
import type { AssertionKind } from '../model/test-model.js';
import { anyNode, isFunctionLike, rootIdentifier, unwrap, type Chain } from './chain.js';
import type { ExtractionState } from './state.js';
import {
  ASSERTING_HELPER,
  ASSERT_MODULES,
  CONTEXT_ASSERTIONS,
  HTTP_METHODS,
  JASMINE_CALLS_METHODS,
  MOCK_STATE_PROPS,
  SINON_CALL_PROPS,
  SINON_CHAI_WORDS,
  SINON_GENERIC_PROPS,
  SPY_MATCHERS,
} from './vocabulary.js';

const EXPECT_NAMES = new Set(['expect', 'expectAsync', 'expectTypeOf', 'assertType']);
const EXPECT_VARIANTS = new Set(['soft', 'poll']);

/** Recognises assertions at a chain top. Returns true when the chain was an assertion. */
export function recogniseAssertion(state: ExtractionState, chain: Chain): boolean {
  return (
    expectAssertion(state, chain) ||
    assertCall(state, chain) ||
    contextAssertion(state, chain) ||
    shouldAssertion(state, chain) ||
    httpExpectAssertion(state, chain) ||
    nockDone(state, chain)
  );
}

function add(state: ExtractionState, node: ts.Node, kind: AssertionKind, matcher: string, subject: ts.Expression | null): void {
  let subjectRoot: string | null = null;
  if (subject) {
    const inner = unwrapMocked(subject);
    subjectRoot = rootIdentifier(inner);
  }
  state.model.assertions.push({ kind, matcher, owner: state.owner, subjectRoot, ...state.position(node) });
}

/** `jest.mocked(x)` / `vi.mocked(x)` / `mocked(x)` → x. */
function unwrapMocked(expr: ts.Expression): ts.Expression {
  const inner = unwrap(expr);
  if (ts.isCallExpression(inner) && inner.arguments.length >= 1) {
    const callee = inner.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (name === 'mocked') return unwrap(inner.arguments[0]!);
  }
  return inner;
}

function isExpectRoot(state: ExtractionState, root: string): boolean {
  if (EXPECT_NAMES.has(root)) return true;
  const origin = state.originOf(root);
  return !!origin && origin.name === 'expect' && !origin.instance;
}

function expectAssertion(state: ExtractionState, chain: Chain): boolean {
  if (!chain.root || !isExpectRoot(state, chain.root)) return false;
  const links = chain.links;
  let e = -1;
  if (links[0]!.call) e = 0;
  else if (links.length > 1 && EXPECT_VARIANTS.has(links[1]!.name) && links[1]!.call) e = 1;
  if (e < 0 || links.length <= e + 1) return false;
  const last = links[links.length - 1]!;
  if (last.name === '') return false;
  const subject = links[e]!.call!.arguments[0] ?? null;
  const after = links.slice(e + 1).map((l) => l.name);
  let kind: AssertionKind = 'value';
  if (after.some((n) => SPY_MATCHERS.has(n) || SINON_CHAI_WORDS.has(n))) kind = 'mock-invocation';
  else if (subject && refersToInvocationData(state, subject)) kind = 'mock-invocation';
  add(state, last.node, kind, last.name, subject);
  return true;
}

function assertCall(state: ExtractionState, chain: Chain): boolean {
  const root = chain.root;
  if (!root) return false;
  const last = chain.links[chain.links.length - 1]!;
  if (!last.call) return false;
  const names = chain.links.map((l) => l.name);
  // sinon.assert.calledWith(...), or `assert` imported from sinon.
  if (state.sinonRoots.has(root) && names[1] === 'assert' && names.length === 3) {
    add(state, last.node, 'mock-invocation', `sinon.assert.${names[2]}`, last.call.arguments[0] ?? null);
    return true;
  }
  const origin = state.originOf(root);
  if (origin?.module === 'sinon' && origin.name === 'assert') {
    add(state, last.node, 'mock-invocation', `sinon.assert.${names[names.length - 1]}`, last.call.arguments[0] ?? null);
    return true;
  }
  let isAssert = false;
  if (origin && !origin.instance && origin.module && ASSERT_MODULES.has(origin.module)) {
    // chai's expect is handled above; `should` below.
    if (origin.name !== 'expect' && origin.name !== 'should') isAssert = true;
  } else if (!origin && root === 'assert') {
    isAssert = true;
  }
  if (!isAssert) return false;
  if (names.length > 1 && names[names.length - 1] === '') return false;
  const matcher = names.length === 1 ? root : `assert.${names.slice(1).join('.')}`;
  const args = last.call.arguments;
  const kind: AssertionKind = args.some((a) => refersToInvocationData(state, a)) ? 'mock-invocation' : 'value';
  add(state, last.node, kind, matcher, args[0] ?? null);
  return true;
}

/** node:test `t.assert.equal(...)`, AVA `t.is(...)`, tap `t.equal(...)`. */
function contextAssertion(state: ExtractionState, chain: Chain): boolean {
  const context = state.testContextParam;
  if (!context || chain.root !== context) return false;
  const names = chain.links.map((l) => l.name);
  const last = chain.links[chain.links.length - 1]!;
  if (!last.call) return false;
  const isAssertion =
    (names.length === 3 && names[1] === 'assert') || (names.length === 2 && CONTEXT_ASSERTIONS.has(names[1]!));
  if (!isAssertion) return false;
  const args = last.call.arguments;
  const kind: AssertionKind = args.some((a) => refersToInvocationData(state, a)) ? 'mock-invocation' : 'value';
  add(state, last.node, kind, `t.${names.slice(1).join('.')}`, args[0] ?? null);
  return true;
}

/** should.js / chai should / Cypress: `x.should.equal(1)`, `cy.get(s).should('be.visible')`. */
function shouldAssertion(state: ExtractionState, chain: Chain): boolean {
  const names = chain.links.map((l) => l.name);
  const index = names.indexOf('should');
  if (index < 0) return false;
  const isCall = !!chain.links[index]!.call;
  if (!isCall && index === names.length - 1) return false;
  if (index === 0 && !isCall) return false;
  const last = chain.links[chain.links.length - 1]!;
  let kind: AssertionKind = 'value';
  if (names.slice(index + 1).some((n) => SINON_CHAI_WORDS.has(n))) kind = 'mock-invocation';
  const shouldCall = chain.links[index]!.call;
  if (shouldCall) {
    const first = shouldCall.arguments[0];
    if (first && ts.isStringLiteralLike(first) && /\b(been\.)?called|callCount/.test(first.text)) kind = 'mock-invocation';
  }
  const subject = index === 0 ? (shouldCall?.arguments[0] ?? null) : null;
  add(state, last.node, kind, 'should', subject);
  return true;
}

/** supertest and friends: `request(app).get('/x').expect(200)`. */
function httpExpectAssertion(state: ExtractionState, chain: Chain): boolean {
  if (!chain.root || isExpectRoot(state, chain.root)) return false;
  const links = chain.links;
  let sawRequest = false;
  let found = false;
  for (let i = 1; i < links.length; i++) {
    const link = links[i]!;
    if (link.call && HTTP_METHODS.has(link.name)) sawRequest = true;
    if (sawRequest && link.name === 'expect' && link.call) {
      add(state, link.node, 'value', 'http.expect', null);
      found = true;
    }
  }
  return found;
}

/** nock: `scope.done()` throws unless every interceptor was called. */
function nockDone(state: ExtractionState, chain: Chain): boolean {
  if (!chain.root || !state.nockScopes.has(chain.root)) return false;
  const last = chain.links[chain.links.length - 1]!;
  if (last.name !== 'done' || !last.call || chain.links.length !== 2) return false;
  add(state, last.node, 'mock-invocation', 'nock.done', null);
  return true;
}

/**
 * True when an expression reads a double's invocation record: `fn.mock.calls`, `spy.callCount`,
 * `stub.firstCall.args`, `spy.calls.count()`, `scope.isDone()`.
 */
export function refersToInvocationData(state: ExtractionState, expr: ts.Node): boolean {
  return anyNode(expr, (node) => {
    if (isFunctionLike(node)) return 'skip';
    if (!ts.isPropertyAccessExpression(node)) return false;
    const name = node.name.text;
    const object = node.expression;
    if (MOCK_STATE_PROPS.has(name) && ts.isPropertyAccessExpression(object) && object.name.text === 'mock') return true;
    if (SINON_CALL_PROPS.has(name) || name === 'isDone' || name === 'pendingMocks') return true;
    if (SINON_GENERIC_PROPS.has(name)) {
      const root = rootIdentifier(object);
      return !!root && state.doubleNames.has(root);
    }
    return JASMINE_CALLS_METHODS.has(name) && ts.isPropertyAccessExpression(object) && object.name.text === 'calls';
  });
}

/** A call to a helper we cannot see into whose name says it asserts: counted as a real assertion. */
export function recogniseAssertingHelper(state: ExtractionState, call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  if (!name || state.helperNames.has(name) || !ASSERTING_HELPER.test(name)) return false;
  add(state, call, 'helper', name, call.arguments[0] ?? null);
  return true;
}
