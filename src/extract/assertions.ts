/**
 * Assertions, classified: about a double's invocations (toHaveBeenCalledWith, sinon.assert,
 * nock scope.done()) or about a real output or state. Covers expect (Jest, Vitest, chai,
 * Playwright, Jasmine), node:assert and chai assert, sinon-chai, should, supertest `.expect`,
 * node:test / AVA / tap context assertions, Cypress `.should`, and helpers that assert.
 */
import { ts } from '../typescript.js';
import { exitStatusCommand } from './exit-status.js';
import type { Assertion, AssertionKind } from '../model/test-model.js';
import { anyNode, dottedName, isFunctionLike, literalText, rootIdentifier, unwrap, type Chain } from './chain.js';
import type { ExtractionState } from './state.js';
import { lookupTable } from '../lookup-table.js';
import { isHttpResponse } from './http-responses.js';
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
    nockDone(state, chain) ||
    nockRequestMatcher(state, chain) ||
    sagaPlanAssertion(state, chain)
  );
}

/** Testing Library queries that throw when nothing matches (queryBy* returns null instead). */
export const THROWING_QUERY = /^(get|find)(All)?By(Role|LabelText|PlaceholderText|Text|DisplayValue|AltText|Title|TestId)$/;
const THROWING_WAITS = new Set(['waitForElementToBeRemoved']);

export function isTestingLibrary(specifier: string | null): boolean {
  return !!specifier && specifier.startsWith('@testing-library/') && specifier !== '@testing-library/user-event' && specifier !== '@testing-library/jest-dom';
}

/**
 * Calls that fail the test when the page lacks what they look for: `screen.getByText('Saved')`,
 * `await screen.findByRole('alert')`, `within(row).getByText(…)`, queries bound from a Testing
 * Library render, `await waitForElementToBeRemoved(…)`. A findBy* query fails the test only when
 * awaited or returned. Playwright and vitest-browser locators of the same names are lazy and never
 * count: the receiver must come from Testing Library.
 */
export function recogniseImplicitCheck(state: ExtractionState, chain: Chain, call: ts.CallExpression, ancestors: readonly ts.Node[]): boolean {
  const links = chain.links;
  const last = links[links.length - 1]!;
  if (last.call !== call || !chain.root) return false;
  const command = exitStatusCommand(state, chain);
  if (command && (!command.mustBeAwaited || isAwaitedOrReturned(call, ancestors))) {
    add(state, call, 'implicit', command.name, null);
    return true;
  }
  if (cypressContains(state, chain, call)) {
    add(state, call, 'implicit', 'cy.contains', null);
    return true;
  }
  let fromLibrary = false;
  if (links.length === 1) {
    fromLibrary = state.renderQueryNames.has(chain.root) || isTestingLibrary(state.importedModule(chain.root));
  } else if (links.length === 2) {
    const receiver = links[0]!;
    const origin = state.importedModule(chain.root);
    fromLibrary = receiver.call ? receiver.name === 'within' && isTestingLibrary(origin) : isTestingLibrary(origin) || state.renderResults.has(chain.root);
  }
  if (!fromLibrary) return false;
  const name = last.name;
  if (!THROWING_QUERY.test(name) && !THROWING_WAITS.has(name)) return false;
  if ((name.startsWith('find') || THROWING_WAITS.has(name)) && !isAwaitedOrReturned(call, ancestors)) return false;
  add(state, call, 'implicit', name, null);
  return true;
}

/**
 * A Cypress chain that ends looking for a text, `cy.get('[data-test=list]').contains('Deleted')`:
 * it fails when the text never appears, which is what the test states. Followed by an action
 * (`.contains('Save').click()`) it finds something to act on and is not counted.
 */
function cypressContains(state: ExtractionState, chain: Chain, call: ts.CallExpression): boolean {
  if (chain.root !== 'cy' || chain.links.length < 2 || chain.links[chain.links.length - 1]!.name !== 'contains') return false;
  if (state.originOf('cy')) return false;
  const text = call.arguments[call.arguments.length - 1];
  return !!text && (ts.isStringLiteralLike(unwrap(text)) || ts.isRegularExpressionLiteral(unwrap(text)));
}

function isAwaitedOrReturned(call: ts.Node, ancestors: readonly ts.Node[]): boolean {
  let child: ts.Node = call;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const above = ancestors[i]!;
    if (ts.isParenthesizedExpression(above) || ts.isAsExpression(above) || ts.isNonNullExpression(above)) {
      child = above;
      continue;
    }
    if (ts.isAwaitExpression(above) || ts.isReturnStatement(above)) return true;
    // `() => screen.findByText('x')` handed to the runner or to waitFor returns the promise.
    return ts.isArrowFunction(above) && above.body === child;
  }
  return false;
}

/** redux-saga-test-plan assertions on the effects a saga yields. */
const SAGA_EFFECTS = new Set(['put', 'call', 'fork', 'spawn', 'select', 'take', 'takeMaybe', 'actionChannel', 'race', 'all', 'apply', 'cps', 'join', 'cancel', 'returns', 'hasFinalState', 'throws', 'isDone']);

/**
 * `expectSaga(saga).put(action).run()` (checked when run) and `testSaga(saga).next().put(action)`
 * (checked at once): each expected effect fails the test when the saga does otherwise.
 */
function sagaPlanAssertion(state: ExtractionState, chain: Chain): boolean {
  const root = chain.root;
  if (!root || (root !== 'expectSaga' && root !== 'testSaga')) return false;
  const origin = state.originOf(root);
  if (!origin?.module?.startsWith('redux-saga-test-plan') || origin.instance) return false;
  const names = chain.names;
  if (root === 'expectSaga' && !names.some((n) => n === 'run' || n === 'silentRun')) return false;
  const effect = chain.links.slice(1).find((l) => l.call && SAGA_EFFECTS.has(l.name));
  if (!effect) return false;
  add(state, effect.node, 'value', `${root}.${effect.name}`, null);
  return true;
}

interface Details {
  expected?: ts.Expression | undefined;
  http?: Assertion['http'];
}

function add(state: ExtractionState, node: ts.Node, kind: AssertionKind, matcher: string, subject: ts.Expression | null, details: Details = {}): void {
  let subjectRoot: string | null = null;
  if (subject) {
    const inner = unwrapMocked(subject);
    subjectRoot = rootIdentifier(inner);
  }
  const assertion: Assertion = { kind, matcher, owner: state.owner, subjectRoot, ...state.position(node) };
  if (details.expected) assertion.expected = valueRef(state, details.expected);
  if (subject) assertion.subjectFromCall = isCallResult(state, subject);
  if (subject && assertion.subjectFromCall) {
    const called = subjectCall(state, subject);
    if (called) assertion.subjectCall = called;
  }
  if (details.http) assertion.http = details.http;
  state.model.assertions.push(assertion);
  // Which variable the asserted double is, decided after the walk (output channel or stand-in).
  if (kind === 'mock-invocation' && subjectRoot !== null) {
    state.assertionSubjects.set(assertion, { key: state.bindingKey(subjectRoot), path: propertyPath(unwrapMocked(subject!)) });
  }
}

/**
 * The property names read from a subject's root before anything else (an index, a call):
 * `props.onSubmit` → ['onSubmit'], `pool.drain.mock.calls[0]` → ['drain', 'mock', 'calls'].
 */
function propertyPath(expr: ts.Expression): string[] {
  const names: string[] = [];
  let current = unwrap(expr);
  for (let guard = 0; guard < 64; guard++) {
    if (ts.isPropertyAccessExpression(current)) names.push(current.name.text);
    else if (ts.isElementAccessExpression(current) || ts.isCallExpression(current)) names.length = 0;
    else break;
    current = unwrap(current.expression);
  }
  return names.reverse();
}

/**
 * A value as written, when it can be compared by text: a name or dotted name, a literal, a short
 * object or array literal with whitespace removed. Null for anything computed.
 */
export function valueRef(state: ExtractionState, expr: ts.Expression): string | null {
  const inner = unwrap(expr);
  const name = dottedName(inner);
  if (name) return name;
  if (
    ts.isStringLiteralLike(inner) ||
    ts.isNumericLiteral(inner) ||
    inner.kind === ts.SyntaxKind.TrueKeyword ||
    inner.kind === ts.SyntaxKind.FalseKeyword ||
    inner.kind === ts.SyntaxKind.NullKeyword
  ) {
    return state.text(inner);
  }
  if (ts.isObjectLiteralExpression(inner) || ts.isArrayLiteralExpression(inner)) {
    const text = state.text(inner).replace(/\s+/g, '').replace(/,([}\]])/g, '$1');
    return text.length <= 400 ? text : null;
  }
  return null;
}

/** The subject is what a call returned: `expect(await svc.find())`, or a variable assigned from one. */
function isCallResult(state: ExtractionState, subject: ts.Expression): boolean {
  const inner = unwrap(subject);
  if (ts.isCallExpression(inner)) return true;
  if (ts.isIdentifier(inner)) {
    const init = state.initializers.get(inner.text);
    return !!init && ts.isCallExpression(unwrap(init));
  }
  return false;
}

/** The call a subject comes from: the subject itself, or what the variable holding it was given. */
function callOf(state: ExtractionState, subject: ts.Expression): ts.CallExpression | null {
  const inner = unwrap(subject);
  if (ts.isCallExpression(inner)) return inner;
  if (ts.isIdentifier(inner)) {
    const init = state.initializers.get(inner.text);
    const call = init ? unwrap(init) : null;
    if (call && ts.isCallExpression(call)) return call;
  }
  return null;
}

/** DI container look-ups that hand back an instance of the class they are given: `module.get(UsersService)`. */
const CONTAINER_GETTERS = new Set(['get', 'resolve', 'select']);

/** The class a variable's value is an instance of: `new UsersService(repo)`, `module.get<UsersService>(UsersService)`. */
function instanceClass(state: ExtractionState, name: string): string | undefined {
  const init = state.initializers.get(name);
  const value = init ? unwrap(init) : null;
  if (!value) return undefined;
  if (ts.isNewExpression(value)) return ts.isIdentifier(value.expression) ? value.expression.text : undefined;
  if (ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && CONTAINER_GETTERS.has(value.expression.name.text)) {
    const arg = value.arguments[0];
    if (arg && ts.isIdentifier(arg) && value.arguments.length <= 2) return arg.text;
  }
  return undefined;
}

/** The function an asserted call runs, by the file's own names; null for anything computed. */
function subjectCall(state: ExtractionState, subject: ts.Expression): Assertion['subjectCall'] | null {
  const call = callOf(state, subject);
  if (!call) return null;
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return { root: callee.text, member: null };
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && ts.isIdentifier(callee.name)) {
    const root = callee.expression.text;
    const instanceOf = instanceClass(state, root);
    return instanceOf ? { root, member: callee.name.text, instanceOf } : { root, member: callee.name.text };
  }
  return null;
}

const STATUS_PROPS = new Set(['status', 'statusCode']);
const EQUALITY = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eq', 'eql', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'is']);

/**
 * `res.status`, `response.statusCode`, Playwright `response.status()` of an HTTP response, or a
 * variable holding one (`const { status } = await axios.get(…)`). `order.status` is a field.
 */
function isStatusRead(state: ExtractionState, expr: ts.Expression): boolean {
  let inner = unwrap(expr);
  if (ts.isIdentifier(inner)) return state.statusNames.has(inner.text);
  if (ts.isCallExpression(inner) && inner.arguments.length === 0) inner = unwrap(inner.expression);
  return ts.isPropertyAccessExpression(inner) && STATUS_PROPS.has(inner.name.text) && isHttpResponse(state, inner.expression);
}

/** HTTP status codes run from 100 to 599; other numbers compared with a `status` are not one. */
function isPlausibleStatus(code: number): boolean {
  return Number.isInteger(code) && code >= 100 && code <= 599;
}

/**
 * Named status constants, by package: `HttpStatus.OK` (@nestjs/common), `httpStatus.CREATED` or
 * `status.OK` (http-status), `StatusCodes.NO_CONTENT` or a named `OK` (http-status-codes),
 * `HttpStatusCode.Ok` (axios). The value is the export the holder must be ('' for any).
 */
const STATUS_CONSTANT_MODULES: Record<string, string> = lookupTable({
  '@nestjs/common': 'HttpStatus',
  'http-status': '',
  'http-status-codes': '',
  axios: 'HttpStatusCode',
});

const STATUS_CODES: Record<string, number> = lookupTable({
  CONTINUE: 100,
  SWITCHING_PROTOCOLS: 101,
  OK: 200,
  CREATED: 201,
  ACCEPTED: 202,
  NON_AUTHORITATIVE_INFORMATION: 203,
  NO_CONTENT: 204,
  RESET_CONTENT: 205,
  PARTIAL_CONTENT: 206,
  MULTIPLE_CHOICES: 300,
  AMBIGUOUS: 300,
  MOVED_PERMANENTLY: 301,
  FOUND: 302,
  MOVED_TEMPORARILY: 302,
  SEE_OTHER: 303,
  NOT_MODIFIED: 304,
  TEMPORARY_REDIRECT: 307,
  PERMANENT_REDIRECT: 308,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  PROXY_AUTHENTICATION_REQUIRED: 407,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  GONE: 410,
  LENGTH_REQUIRED: 411,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  REQUEST_TOO_LONG: 413,
  REQUEST_ENTITY_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  EXPECTATION_FAILED: 417,
  I_AM_A_TEAPOT: 418,
  IM_A_TEAPOT: 418,
  MISDIRECTED_REQUEST: 421,
  UNPROCESSABLE_ENTITY: 422,
  LOCKED: 423,
  FAILED_DEPENDENCY: 424,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
  HTTP_VERSION_NOT_SUPPORTED: 505,
  INSUFFICIENT_STORAGE: 507,
});

/** A status code as written: a number, or a named constant from a status package (`HttpStatus.OK` → 200). */
function statusCodeOf(state: ExtractionState, expr: ts.Expression | undefined): number | null {
  if (!expr) return null;
  const inner = unwrap(expr);
  if (ts.isNumericLiteral(inner)) return isPlausibleStatus(Number(inner.text)) ? Number(inner.text) : null;
  let holder: ts.Identifier;
  let constant: string | null = null;
  if (ts.isPropertyAccessExpression(inner) && ts.isIdentifier(inner.expression)) {
    holder = inner.expression;
    constant = inner.name.text;
  } else if (ts.isIdentifier(inner)) holder = inner;
  else return null;
  const origin = state.originOf(holder.text);
  if (!origin?.module || origin.instance) return null;
  const required = STATUS_CONSTANT_MODULES[origin.module];
  if (required === undefined) return null;
  if (constant === null) {
    // `import { OK } from 'http-status-codes'`: the constant itself.
    if (required !== '') return null;
    constant = origin.name;
  } else if (required !== '' && origin.name !== required) return null;
  // HttpStatusCode.NoContent (axios) spells the names in PascalCase.
  return STATUS_CODES[constant.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()] ?? null;
}

function readsHeaders(expr: ts.Expression): boolean {
  return anyNode(expr, (n) => (ts.isPropertyAccessExpression(n) && (n.name.text === 'headers' || n.name.text === 'header')) || isFunctionLike(n) ? (isFunctionLike(n) ? 'skip' : true) : false);
}


/** What an expect-style assertion says about an HTTP response, if anything. */
function httpPartOfExpect(state: ExtractionState, subject: ts.Expression | null, names: string[], matcherArgs: readonly ts.Expression[]): Assertion['http'] | undefined {
  if (!subject) return undefined;
  const matcher = names[names.length - 1]!;
  const first = matcherArgs[0];
  if (isStatusRead(state, subject) && EQUALITY.has(matcher)) {
    const code = statusCodeOf(state, first);
    if (code !== null) return { part: 'status', code };
  }
  let inner = unwrap(subject);
  // Playwright's `response.ok()` is a method; fetch's `response.ok` a property.
  if (ts.isCallExpression(inner) && inner.arguments.length === 0 && ts.isPropertyAccessExpression(inner.expression) && inner.expression.name.text === 'ok') inner = inner.expression;
  if (ts.isPropertyAccessExpression(inner) && inner.name.text === 'ok' && isHttpResponse(state, inner.expression) && (matcher === 'toBe' || matcher === 'true' || matcher === 'toBeTruthy')) {
    if (matcher !== 'toBe' || (first && first.kind === ts.SyntaxKind.TrueKeyword)) return { part: 'status', code: 200, anySuccess: true };
  }
  if (matcher === 'toHaveProperty' && literalText(first) && /^(status|statusCode)$/.test(literalText(first)!) && isHttpResponse(state, subject)) {
    const code = statusCodeOf(state, matcherArgs[1]);
    if (code !== null) return { part: 'status', code };
  }
  if (matcher === 'status' || matcher === 'toHaveStatus') {
    const code = statusCodeOf(state, first);
    if (code !== null) return { part: 'status', code };
  }
  if (matcher === 'toBeOK') return { part: 'status', code: 200, anySuccess: true };
  if (readsHeaders(subject) || matcher === 'header' || matcher === 'toHaveHeader') return { part: 'header' };
  return undefined;
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

/**
 * Whether a call asserts or ends the test, judged by its spelling alone and recording nothing:
 * expect, assert (node's, chai's, sinon's), should, the test's own context (`done(…)`, `t.is(…)`),
 * helpers named to assert. For code the walk has not reached yet.
 */
export function looksLikeAssertion(state: ExtractionState, chain: Chain): boolean {
  const root = chain.root;
  if (!root) return false;
  const names = chain.names;
  if (isExpectRoot(state, root) || root === state.testContextParam || names.includes('should') || ASSERTING_HELPER.test(names[names.length - 1]!)) return true;
  if (state.sinonRoots.has(root) && names[1] === 'assert') return true;
  const origin = state.originOf(root);
  if (!origin) return root === 'assert';
  if (origin.instance || !origin.module) return false;
  // chai itself (chai.use, chai.request) is not an assertion; its assert is.
  return origin.name === 'assert' || (ASSERT_MODULES.has(origin.module) && origin.module !== 'chai');
}

function isExpectRoot(state: ExtractionState, root: string): boolean {
  if (EXPECT_NAMES.has(root)) return true;
  const origin = state.originOf(root);
  return !!origin && origin.name === 'expect' && !origin.instance;
}

/** chai itself, not one of its exports: `const chai = require('chai')`, `import * as chai from 'chai'`. */
function isChaiNamespace(state: ExtractionState, root: string): boolean {
  const origin = state.originOf(root);
  return !!origin && origin.module === 'chai' && !origin.instance && (origin.name === '*' || origin.name === 'default');
}

function expectAssertion(state: ExtractionState, chain: Chain): boolean {
  if (!chain.root) return false;
  // `chai.expect(x).to.equal(3)`: the same expect, reached through the chai namespace.
  const at = isExpectRoot(state, chain.root) ? 0 : chain.names[1] === 'expect' && isChaiNamespace(state, chain.root) ? 1 : -1;
  if (at < 0) return false;
  const links = chain.links;
  let e = -1;
  if (links[at]!.call) e = at;
  else if (links.length > at + 1 && EXPECT_VARIANTS.has(links[at + 1]!.name) && links[at + 1]!.call) e = at + 1;
  if (e < 0 || links.length <= e + 1) return false;
  const last = links[links.length - 1]!;
  if (last.name === '') return false;
  const subject = links[e]!.call!.arguments[0] ?? null;
  const after = links.slice(e + 1).map((l) => l.name);
  let kind: AssertionKind = 'value';
  if (after.some((n) => SPY_MATCHERS.has(n) || SINON_CHAI_WORDS.has(n))) kind = 'mock-invocation';
  else if (subject && refersToInvocationData(state, subject)) kind = 'mock-invocation';
  const matcherArgs = last.call?.arguments ?? [];
  const http = kind === 'value' ? httpPartOfExpect(state, subject, after, matcherArgs) : undefined;
  add(state, last.node, kind, last.name, subject, { expected: matcherArgs[0], ...(http ? { http } : {}) });
  return true;
}

function assertCall(state: ExtractionState, chain: Chain): boolean {
  const root = chain.root;
  if (!root) return false;
  const last = chain.links[chain.links.length - 1]!;
  if (!last.call) return false;
  const names = chain.names;
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
  // The link that is the assert function: 1 for `chai.assert.equal(a, b)`, reached through chai.
  let at = 0;
  if (origin && !origin.instance && origin.module && ASSERT_MODULES.has(origin.module)) {
    // chai's expect is handled above, `should` below; chai itself (chai.use, chai.request) is not an assertion.
    if (origin.module === 'chai') {
      if (origin.name === 'assert') isAssert = true;
      else if (names[1] === 'assert' && isChaiNamespace(state, root)) {
        isAssert = true;
        at = 1;
      }
    } else if (origin.name !== 'expect' && origin.name !== 'should') isAssert = true;
  } else if (!origin && root === 'assert') {
    isAssert = true;
  }
  if (!isAssert) return false;
  if (names.length > at + 1 && names[names.length - 1] === '') return false;
  const matcher = names.length === 1 ? root : names.length === at + 1 ? 'assert' : `assert.${names.slice(at + 1).join('.')}`;
  const args = last.call.arguments;
  const kind: AssertionKind = args.some((a) => refersToInvocationData(state, a)) ? 'mock-invocation' : 'value';
  const method = names[names.length - 1]!;
  let http: Assertion['http'];
  const code = statusCodeOf(state, args[1]);
  if (kind === 'value' && args[0] && isStatusRead(state, args[0]) && code !== null && (names.length === at + 1 || EQUALITY.has(method))) http = { part: 'status', code };
  add(state, last.node, kind, matcher, args[0] ?? null, { expected: args[1], ...(http ? { http } : {}) });
  return true;
}

/** node:test `t.assert.equal(...)`, AVA `t.is(...)`, tap `t.equal(...)`. */
function contextAssertion(state: ExtractionState, chain: Chain): boolean {
  const context = state.testContextParam;
  if (!context || chain.root !== context) return false;
  const names = chain.names;
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

/**
 * The functions should.js and chai's should interface hang on `should` itself, for values that may
 * be null or undefined (which have no `.should`): `should.exist(x)`, `should.not.exist(err)`,
 * `should.equal(a, b)`.
 */
const SHOULD_STATICS = new Set(['exist', 'equal', 'notEqual', 'deepEqual', 'notDeepEqual', 'strictEqual', 'notStrictEqual', 'ok', 'throws', 'throw', 'Throw', 'doesNotThrow', 'fail', 'ifError']);

/** should.js / chai should / Cypress: `x.should.equal(1)`, `cy.get(s).should('be.visible')`, `should.exist(x)`. */
function shouldAssertion(state: ExtractionState, chain: Chain): boolean {
  const names = chain.names;
  const index = names.indexOf('should');
  if (index < 0) return false;
  const isCall = !!chain.links[index]!.call;
  if (!isCall && index === names.length - 1) return false;
  if (index === 0 && !isCall) return shouldStatic(state, chain);
  const last = chain.links[chain.links.length - 1]!;
  let kind: AssertionKind = 'value';
  if (names.slice(index + 1).some((n) => SINON_CHAI_WORDS.has(n))) kind = 'mock-invocation';
  const shouldCall = chain.links[index]!.call;
  if (shouldCall) {
    const first = shouldCall.arguments[0];
    if (first && ts.isStringLiteralLike(first) && /\b(been\.)?called|callCount/.test(first.text)) kind = 'mock-invocation';
  }
  const subject = index === 0 ? (shouldCall?.arguments[0] ?? null) : null;
  // chai-http: res.should.have.status(200)
  const code = kind === 'value' && last.name === 'status' && last.call ? statusCodeOf(state, last.call.arguments[0]) : null;
  add(state, last.node, kind, 'should', subject, code !== null ? { http: { part: 'status', code } } : {});
  return true;
}

/** `should.exist(x)`, `should.not.exist(err)`: a static of `should`, called (`should.use(plugin)` is not one). */
function shouldStatic(state: ExtractionState, chain: Chain): boolean {
  const names = chain.names;
  const method = names[1] === 'not' ? names[2] : names[1];
  const last = chain.links[chain.links.length - 1]!;
  if (!method || !SHOULD_STATICS.has(method) || !last.call || chain.links.length !== (names[1] === 'not' ? 3 : 2)) return false;
  const args = last.call.arguments;
  const kind: AssertionKind = args.some((a) => refersToInvocationData(state, a)) ? 'mock-invocation' : 'value';
  add(state, last.node, kind, `should.${names.slice(1).join('.')}`, args[0] ?? null, { expected: args[1] });
  return true;
}

/**
 * Request builders whose chains check the response, whatever the request is spelled like:
 * pactum `spec().withMethod('GET').withPath(p).expectStatus(200)`, hippie, frisby `fetch(url)`.
 */
const REQUEST_BUILDERS = new Set(['pactum', 'hippie', 'frisby']);

/** pactum and hippie checks on the response: `expectStatus(200)`, `expectJsonLike(…)`, `expectHeader(…)`. */
const EXPECT_METHOD = /^expect[A-Z]/;

/**
 * supertest and friends: `request(app).get('/x').expect(200)`; the expect* methods of pactum and
 * hippie (`spec().get(url).expectStatus(200).expectJsonLike([…])`); frisby `.expect('status', 200)`.
 * Each check on the response is an assertion.
 */
function httpExpectAssertion(state: ExtractionState, chain: Chain): boolean {
  if (!chain.root || isExpectRoot(state, chain.root)) return false;
  const links = chain.links;
  const builder = state.originOf(chain.root)?.module;
  const frisby = builder === 'frisby';
  let sawRequest = !!builder && REQUEST_BUILDERS.has(builder);
  let found = false;
  for (let i = 1; i < links.length; i++) {
    const link = links[i]!;
    if (link.call && HTTP_METHODS.has(link.name)) sawRequest = true;
    if (!sawRequest || !link.call) continue;
    if (link.name === 'expect') {
      add(state, link.node, 'value', 'http.expect', null, { http: frisby ? frisbyPart(state, link.call.arguments) : supertestPart(state, link.call.arguments) });
      found = true;
    } else if (EXPECT_METHOD.test(link.name)) {
      add(state, link.node, 'value', `http.${link.name}`, null, { http: expectMethodPart(state, link.name, link.call.arguments) });
      found = true;
    }
  }
  return found;
}

/** `expectStatus(200)` checks the status only, `expectHeader('content-type', …)` a header; the rest the body. */
function expectMethodPart(state: ExtractionState, method: string, args: readonly ts.Expression[]): Assertion['http'] {
  if (method === 'expectStatus') {
    const code = statusCodeOf(state, args[0]);
    return code !== null ? { part: 'status', code } : undefined;
  }
  return method.startsWith('expectHeader') ? { part: 'header' } : undefined;
}

/** frisby: `.expect('status', 200)`, `.expect('header', name, value)`; `'json'` and the rest check the body. */
function frisbyPart(state: ExtractionState, args: readonly ts.Expression[]): Assertion['http'] {
  const what = literalText(args[0]);
  if (what === 'status') {
    const code = statusCodeOf(state, args[1]);
    return code !== null ? { part: 'status', code } : undefined;
  }
  return what === 'header' || what === 'headerContains' ? { part: 'header' } : undefined;
}

/** `.expect(200)` and `.expect(200, done)` check the status only; `.expect('Content-Type', /json/)` a header. */
function supertestPart(state: ExtractionState, args: readonly ts.Expression[]): Assertion['http'] {
  const code = statusCodeOf(state, args[0]);
  if (code !== null) {
    const second = args[1] ? unwrap(args[1]) : undefined;
    const statusOnly = !second || isFunctionLike(second) || (ts.isIdentifier(second) && /^(done|cb|callback|next)$/.test(second.text));
    return statusOnly ? { part: 'status', code } : undefined;
  }
  if (literalText(args[0]) !== null && args.length >= 2) return { part: 'header' };
  return undefined;
}

/** nock: `scope.done()` throws unless every interceptor was called. */
function nockDone(state: ExtractionState, chain: Chain): boolean {
  if (!chain.root || !state.nockScopes.has(chain.root)) return false;
  const last = chain.links[chain.links.length - 1]!;
  if (last.name !== 'done' || !last.call || chain.links.length !== 2) return false;
  add(state, last.node, 'mock-invocation', 'nock.done', null);
  return true;
}

/** nock interceptor verbs whose second argument matches the request body. */
const NOCK_BODY_VERBS = new Set(['post', 'put', 'patch', 'delete', 'merge']);

/**
 * A nock interceptor that only matches a given request body or header
 * (`nock(host).post('/oauth/token', /custom_param=value/)`, `.matchHeader('authorization', …)`):
 * a request that differs gets no reply and fails the call, so it checks what the code sent to
 * the double, like `toHaveBeenCalledWith`.
 */
function nockRequestMatcher(state: ExtractionState, chain: Chain): boolean {
  const root = chain.root;
  if (!root || !chain.links[0]!.call) return false;
  const origin = state.originOf(root);
  if (!(origin?.module === 'nock' || (!origin && root === 'nock'))) return false;
  let found = false;
  for (const link of chain.links.slice(1)) {
    const args = link.call?.arguments;
    if (!args) continue;
    const body = NOCK_BODY_VERBS.has(link.name) && args.length >= 2;
    const header = link.name === 'matchHeader' && args.length >= 2;
    if (!body && !header) continue;
    add(state, link.node, 'mock-invocation', body ? 'nock body matcher' : 'nock.matchHeader', null);
    found = true;
  }
  return found;
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
