/**
 * Which values are HTTP responses: what supertest, fetch, axios, light-my-request, a framework's
 * `inject`, chai-http or Playwright returned, and variables and callback parameters holding one.
 * A status is only an HTTP status when it is read from one of these; `order.status` is a field.
 */
import { ts } from '../typescript.js';
import { flattenChain, isFunctionLike, unwrap } from './chain.js';
import type { ExtractionState } from './state.js';
import { lookupTable } from '../lookup-table.js';

/** Packages whose calls send an HTTP request (or make a client that does). */
const HTTP_CLIENT_MODULES = /^(supertest|supertest-.+|superagent|light-my-request|axios|node-fetch|cross-fetch|isomorphic-fetch|undici|got|ky|chai-http|@hapi\/shot)$/;

/** Playwright: `request.get(url)` (the request fixture), `page.goto(url)`, `page.waitForResponse(…)`. */
const PLAYWRIGHT_REQUESTS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'fetch']);
const PLAYWRIGHT_PAGE_RESPONSES = new Set(['goto', 'reload', 'goBack', 'goForward', 'waitForResponse']);

const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);

/** A URL path or address written out: `'/orders'`, `` `/orders/${id}` ``, `'https://api.test/x'`. */
function isRequestPath(arg: ts.Expression | undefined): boolean {
  if (!arg) return false;
  const inner = unwrap(arg);
  const text = ts.isStringLiteralLike(inner) ? inner.text : ts.isTemplateExpression(inner) ? inner.head.text : null;
  return text !== null && /^(\/|https?:\/\/)/i.test(text);
}

/** Chain methods that hand the response to a callback: `.then(res => …)`, supertest `.end((err, res) => …)`, `.expect(res => …)`. */
const RESPONSE_CALLBACKS: Record<string, number> = lookupTable({ then: 0, expect: 0, end: 1 });

/** Links after which a chain gives the body or a callback's value, not the response. */
const NOT_A_RESPONSE = new Set(['then', 'json', 'text', 'blob', 'arrayBuffer', 'formData', 'catch', 'finally']);

/** True when the expression is a call that sends an HTTP request or makes a client for one. */
export function isHttpCall(state: ExtractionState, expr: ts.Expression, depth = 0): boolean {
  const inner = unwrap(expr);
  if (!ts.isCallExpression(inner) || depth > 3) return false;
  const chain = flattenChain(inner);
  if (!chain?.root) return false;
  const { names, links } = chain;
  if (names.some((n) => NOT_A_RESPONSE.has(n))) return false;
  const called = (i: number): boolean => !!links[i]?.call;
  const origin = state.originOf(chain.root);
  if (origin?.module) {
    if (HTTP_CLIENT_MODULES.test(origin.module)) return true;
    // chai-http: `chai.request(app).get('/x')`.
    if (origin.module === 'chai' && names[1] === 'request' && called(1)) return true;
    // A package other than these (Angular's TestBed.inject) sends no request.
    if (isBare(origin.module)) return false;
  }
  if (!origin && chain.root === 'fetch' && called(0)) return true;
  // Fastify and hapi `app.inject(…)`, `server.inject().get('/x')`: the real app, without a socket.
  if (names.length >= 2 && names[1] === 'inject' && called(1)) return true;
  if (!origin && names.length >= 2) {
    if (names[0] === 'request' && PLAYWRIGHT_REQUESTS.has(names[1]!) && called(1)) return true;
    if (names[1] === 'request' && PLAYWRIGHT_REQUESTS.has(names[2] ?? '') && called(2)) return true;
    if (PLAYWRIGHT_PAGE_RESPONSES.has(names[1]!) && called(1)) return true;
  }
  // A client from elsewhere (`import { api } from './helpers'`) asked for a path: `api.get('/orders')`.
  if (names.length === 2 && HTTP_VERBS.has(names[1]!) && called(1) && isRequestPath(links[1]!.call!.arguments[0])) return true;
  // A client kept in a variable: `const api = request(app)`, `const ctx = await request.newContext()`.
  const init = state.initializers.get(chain.root);
  return !!init && init !== inner && isHttpCall(state, init, depth + 1);
}

/** True when the expression is an HTTP response: a request call, or a name holding what one returned. */
export function isHttpResponse(state: ExtractionState, expr: ts.Expression): boolean {
  const inner = unwrap(expr);
  if (ts.isIdentifier(inner)) return state.httpResponses.get(inner.text) === true;
  return isHttpCall(state, inner);
}

/** `const res = await request(app).get('/x')`, `res = await fetch(url)`: the name now holds a response, or no longer does. */
export function noteResponseBinding(state: ExtractionState, name: string, value: ts.Expression): void {
  state.httpResponses.set(name, isHttpCall(state, value) || (ts.isIdentifier(unwrap(value)) && isHttpResponse(state, value)));
}

/** A callback handed the response by a request chain: `.then((res) => …)`, `.end((err, res) => …)`. */
export function noteResponseCallback(state: ExtractionState, fn: ts.Node, parent: ts.Node | undefined): void {
  if (!parent || !ts.isCallExpression(parent) || !isFunctionLike(fn) || !parent.arguments.includes(fn as ts.Expression)) return;
  const callee = parent.expression;
  if (!ts.isPropertyAccessExpression(callee)) return;
  const position = RESPONSE_CALLBACKS[callee.name.text];
  if (position === undefined || parent.arguments[0] !== fn) return;
  const param = (fn as ts.ArrowFunction).parameters[position];
  if (!param || !ts.isIdentifier(param.name)) return;
  state.httpResponses.set(param.name.text, isHttpCall(state, callee.expression));
}

function isBare(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('@/') && !specifier.startsWith('~');
}
