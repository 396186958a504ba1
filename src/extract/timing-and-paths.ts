/**
 * Two habits that make tests depend on the machine: fixed-duration waits (`await sleep(500)`,
 * `new Promise(r => setTimeout(r, 200))`, `page.waitForTimeout(1000)`) and writes to fixed paths
 * (`fs.writeFileSync('./out/report.json')`) instead of a fresh temporary directory.
 */
import { racedThroughVariable } from './deadlines.js';
import { ts } from '../typescript.js';
import type { FixedPathWrite, FixedWait } from '../model/test-model.js';
import { anyNode, dottedName, isFunctionLike, literalText, rootIdentifier, unwrap, type Chain } from './chain.js';
import { simulatesLatency } from './latency.js';
import { separatesTimestamps } from './timestamp-waits.js';
import { precedesAbsenceCheck } from './absence-waits.js';
import type { ExtractionState, LocalOrigin } from './state.js';

const SLEEP_NAMES = /^(sleep|delay|wait|pause|waitMs|sleepMs|waitFor(Ms|Millis|Milliseconds|Timeout)|timeout)$/i;
const TIMER_PROMISES = /^(node:)?timers\/promises$/;
const RXJS = /^rxjs(\/|$)/;

/** Milliseconds of a numeric argument: a literal, a file-level constant, `ms('2s')`, or simple arithmetic on them. */
function millis(state: ExtractionState, expr: ts.Expression | undefined): number | null {
  if (!expr) return null;
  const inner = unwrap(expr);
  if (ts.isNumericLiteral(inner)) return Number(inner.text.replace(/_/g, ''));
  if (ts.isIdentifier(inner)) return state.constNumbers.get(inner.text) ?? null;
  if (ts.isCallExpression(inner) && ts.isIdentifier(inner.expression) && inner.arguments.length === 1) {
    // The `ms` package turns '2s' or '1.5 minutes' into milliseconds.
    const origin = state.originOf(inner.expression.text);
    const text = literalText(inner.arguments[0]);
    if (origin?.module === 'ms' && text !== null) return durationMillis(text);
  }
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.AsteriskToken) {
    const left = millis(state, inner.left);
    const right = millis(state, inner.right);
    return left !== null && right !== null ? left * right : null;
  }
  return null;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, msec: 1, msecs: 1, millisecond: 1, milliseconds: 1, s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000, m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000, h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000 };

/** '2s', '100 ms', '1.5 minutes' in milliseconds (a bare number is milliseconds), or null. */
function durationMillis(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return null;
  const unit = match[2]!.toLowerCase();
  const factor = unit === '' ? 1 : DURATION_UNITS[unit];
  return factor === undefined ? null : Number(match[1]) * factor;
}

/**
 * `ownFlow`: the wait is the test's by what it is (a Cypress command queues on the test, a timer
 * that calls done ends it), wherever it is written.
 */
function addWait(state: ExtractionState, node: ts.Node, ms: number, ancestors: readonly ts.Node[], ownFlow = false): void {
  // setTimeout(r, 0) flushes pending callbacks: a scheduling idiom, not a timing assumption. Node
  // runs any delay under 1 ms after 1 ms, so `sleep(1)` is the same next-macrotask yield.
  if (ms <= 1 || isRaced(node, ancestors) || racedThroughVariable(node, ancestors)) return;
  if (!ownFlow && simulatesLatency(state, node, ancestors)) return;
  const wait: FixedWait = { owner: state.owner, call: state.shortText(node, 50), ms, ...state.position(node) };
  if (isPolling(state, ancestors)) wait.polling = true;
  else if (separatesTimestamps(state, node, ancestors)) wait.purpose = 'timestamps';
  else if (precedesAbsenceCheck(node, ancestors)) wait.purpose = 'absence';
  state.model.fixedWaits.push(wait);
}

/**
 * `Promise.race([work(), timeout(1000)])`: a deadline for the other promise, which the test does not
 * sit through when the work is done in time.
 */
function isRaced(node: ts.Node, ancestors: readonly ts.Node[]): boolean {
  const [array, call] = [ancestors[ancestors.length - 1], ancestors[ancestors.length - 2]];
  if (!array || !ts.isArrayLiteralExpression(array) || !array.elements.includes(node as ts.Expression)) return false;
  return !!call && ts.isCallExpression(call) && call.arguments[0] === array && dottedName(call.expression) === 'Promise.race';
}

/**
 * A wait that repeats until a condition is polling: inside a while/do loop, a for loop that is
 * not a plain counter or that exits early (break, return), a for-of/for-in that exits early, or a
 * function that calls itself (`if (await ready()) return; await sleep(100); return waitUntil()`),
 * within the test, hook or helper the wait belongs to. Only asked once a wait is found.
 */
function isPolling(state: ExtractionState, ancestors: readonly ts.Node[]): boolean {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i]!;
    // Loops around a test or describe declaration generate tests; they do not repeat the wait.
    const entry = state.entries.get(node);
    if (entry && entry.kind !== 'helper') return false;
    switch (node.kind) {
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement:
        return true;
      case ts.SyntaxKind.ForStatement: {
        const loop = node as ts.ForStatement;
        if (!loop.condition || !isCounterBound(loop.condition) || exitsEarly(loop.statement)) return true;
        break;
      }
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.ForInStatement:
        if (exitsEarly((node as ts.ForOfStatement | ts.ForInStatement).statement)) return true;
        break;
      default:
        if ((isFunctionLike(node) || ts.isFunctionDeclaration(node)) && callsItself(node, ancestors[i - 1])) return true;
    }
  }
  return false;
}

/** `i < 10`, `attempt <= max`: a loop that runs a fixed number of times, whatever happens. */
function isCounterBound(condition: ts.Expression): boolean {
  const inner = unwrap(condition);
  if (!ts.isBinaryExpression(inner)) return false;
  const op = inner.operatorToken.kind;
  const comparison = op === ts.SyntaxKind.LessThanToken || op === ts.SyntaxKind.LessThanEqualsToken || op === ts.SyntaxKind.GreaterThanToken || op === ts.SyntaxKind.GreaterThanEqualsToken;
  return comparison && ts.isIdentifier(unwrap(inner.left));
}

/** A `break` or `return` in a loop body (not inside a nested function): the loop stops on a condition. */
function exitsEarly(body: ts.Node): boolean {
  return anyNode(body, (n) => (isFunctionLike(n) ? 'skip' : n.kind === ts.SyntaxKind.BreakStatement || n.kind === ts.SyntaxKind.ReturnStatement));
}

/** A named function (declaration, or a function stored in a variable) whose body calls its own name. */
function callsItself(fn: ts.Node, parent: ts.Node | undefined): boolean {
  let name: string | null = null;
  if (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) name = fn.name?.text ?? null;
  if (name === null && parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) name = parent.name.text;
  if (name === null) return false;
  const body = (fn as ts.FunctionDeclaration).body;
  return !!body && anyNode(body, (n) => ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name);
}

/** `sleep(500)`, `page.waitForTimeout(1000)`, `cy.wait(2000)`, `setTimeout(100)` from timers/promises, `setTimeout(() => done(), 300)`. */
export function recogniseWaitCall(state: ExtractionState, chain: Chain, ancestors: readonly ts.Node[]): void {
  if (!chain.root) return;
  const last = chain.links[chain.links.length - 1]!;
  const call = last.call;
  if (!call) return;
  const names = chain.names;
  if (call.arguments.length === 2 && names.length === 1 && names[0] === 'setTimeout') return recogniseDoneAfterTimeout(state, call, ancestors);
  if (call.arguments.length !== 1 || !isWaitCallee(state, chain.root, names) || isOperator(call, ancestors)) return;
  const ms = millis(state, call.arguments[0]);
  if (ms !== null) addWait(state, call, ms, ancestors, chain.root === 'cy');
}

/** Whether a one-argument call waits for as long as its argument says, whatever that is. */
function isWaitCallee(state: ExtractionState, root: string, names: readonly string[]): boolean {
  const method = names[names.length - 1]!;
  if (names.length === 1) {
    const origin = state.originOf(root);
    // RxJS's delay(ms) and timeout(ms) are operators of the stream under test, not pauses of the test.
    if (origin?.module && RXJS.test(origin.module)) return false;
    return SLEEP_NAMES.test(method) || isTimerPromise(origin);
  }
  if (method === 'waitForTimeout') return true;
  if (method === 'wait') return root === 'cy' && names.length === 2;
  return (method === 'pause' && root === 'browser') || (method === 'sleep' && names.length === 2);
}

/** `source.pipe(delay(50), timeout(1000))`: an operator handed to a stream's pipe, from whatever library. */
function isOperator(call: ts.CallExpression, ancestors: readonly ts.Node[]): boolean {
  const parent = ancestors[ancestors.length - 1];
  if (!parent || !ts.isCallExpression(parent) || !parent.arguments.includes(call)) return false;
  const callee = parent.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'pipe';
}

/** `setTimeout` from timers/promises, whatever the test calls it. */
function isTimerPromise(origin: LocalOrigin | null): boolean {
  return !!origin?.module && TIMER_PROMISES.test(origin.module) && origin.name === 'setTimeout';
}

/** Callback style: `setTimeout(() => { expect(x).toBe(1); done(); }, 300)` ends the test after a fixed delay. */
function recogniseDoneAfterTimeout(state: ExtractionState, call: ts.CallExpression, ancestors: readonly ts.Node[]): void {
  const done = state.testContextParam;
  if (!done || state.owner.kind !== 'test') return;
  const callback = unwrap(call.arguments[0]!);
  if (!isFunctionLike(callback)) return;
  const ms = millis(state, call.arguments[1]);
  if (ms === null) return;
  // A watchdog (`setTimeout(() => done(new Error('never drained')), 1000)`) only ever fails the
  // test: a deadline it does not sit through when the code is on time. It waits when it can pass.
  const passes = anyNode(callback, (n) => ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === done && !isFailure(n.arguments[0]));
  if (passes) addWait(state, call, ms, ancestors, true);
}

/** `done(new Error('…'))`, `done(Error('…'))`, `done('timed out')`: an argument that surely fails the test (a variable may hold undefined). */
function isFailure(arg: ts.Expression | undefined): boolean {
  if (!arg) return false;
  const inner = unwrap(arg);
  if (ts.isNewExpression(inner)) return true;
  if (ts.isCallExpression(inner) && ts.isIdentifier(inner.expression)) return /^([A-Z]\w*)?Error$/.test(inner.expression.text);
  if (ts.isTemplateExpression(inner)) return true;
  return ts.isStringLiteralLike(inner) && inner.text !== '';
}

/** `new Promise(resolve => setTimeout(resolve, 200))` and `new Promise((r) => { setTimeout(() => r(), 200); })`. */
export function recogniseWaitPromise(state: ExtractionState, node: ts.NewExpression, ancestors: readonly ts.Node[]): void {
  if (!ts.isIdentifier(node.expression) || node.expression.text !== 'Promise') return;
  const executor = node.arguments?.[0] ? unwrap(node.arguments[0]) : undefined;
  if (!executor || !isFunctionLike(executor)) return;
  const resolve = executor.parameters[0];
  if (!resolve || !ts.isIdentifier(resolve.name)) return;
  const resolveName = resolve.name.text;
  let ms: number | null = null;
  anyNode(executor.body, (n) => {
    if (!ts.isCallExpression(n) || !ts.isIdentifier(n.expression) || n.expression.text !== 'setTimeout') return false;
    const [callback, delay] = n.arguments;
    if (!callback) return false;
    const target = unwrap(callback);
    const resolves =
      (ts.isIdentifier(target) && target.text === resolveName) ||
      (isFunctionLike(target) && anyNode(target, (c) => ts.isCallExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === resolveName));
    if (!resolves) return false;
    ms = delay ? millis(state, delay) : 0;
    return true;
  });
  if (ms !== null) addWait(state, node, ms, ancestors);
}

// ---- fixed paths -------------------------------------------------------------------------------

/** fs methods that write, and which argument is the path written. */
const WRITE_METHODS: Record<string, number> = {
  writeFile: 0,
  writeFileSync: 0,
  appendFile: 0,
  appendFileSync: 0,
  mkdir: 0,
  mkdirSync: 0,
  createWriteStream: 0,
  outputFile: 0,
  outputFileSync: 0,
  outputJson: 0,
  outputJsonSync: 0,
  outputJSON: 0,
  writeJson: 0,
  writeJsonSync: 0,
  writeJSON: 0,
  ensureDir: 0,
  ensureDirSync: 0,
  mkdirp: 0,
  mkdirs: 0,
  ensureFile: 0,
  ensureFileSync: 0,
  copyFile: 1,
  copyFileSync: 1,
  copy: 1,
  copySync: 1,
  cp: 1,
  cpSync: 1,
  rename: 1,
  renameSync: 1,
  move: 1,
  moveSync: 1,
};
const FS_MODULES = /^(node:)?fs(\/promises)?$|^fs-extra$|^graceful-fs$|^mkdirp$/;
const PATH_MODULE = /^(node:)?path$/;

type PathClass = { where: FixedPathWrite['where']; text: string } | 'temp' | null;

/** Writes through fs/fs-extra whose path is fixed: written out, next to the test, or from the working directory. */
export function recogniseFixedPathWrite(state: ExtractionState, chain: Chain): void {
  if (!chain.root) return;
  const origin = state.originOf(chain.root);
  if (!origin?.module || origin.instance || !FS_MODULES.test(origin.module)) return;
  const names = chain.names;
  const last = chain.links[chain.links.length - 1]!;
  if (!last.call) return;
  const method = origin.name === '*' || origin.name === 'default' ? names[names.length - 1]! : names.length === 1 ? origin.name : names[names.length - 1]!;
  const index = WRITE_METHODS[method];
  if (index === undefined) return;
  const classified = classifyPath(state, last.call.arguments[index], 0);
  if (!classified || classified === 'temp') return;
  state.model.fixedPathWrites.push({ owner: state.owner, method, path: classified.text, where: classified.where, ...state.position(last.call) });
}

const TMP_PREFIX = /^\/(tmp|var\/tmp|private\/tmp)(\/|$)/;

function classifyLiteral(text: string): PathClass {
  if (text === '' || text.includes('\n')) return null;
  if (TMP_PREFIX.test(text)) return { where: 'tmp', text };
  if (text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text)) return { where: 'absolute', text };
  return { where: 'cwd', text };
}

/** Is this path expression fixed, and where does it point? 'temp' when it comes from a temp dir; null when unknown. */
function classifyPath(state: ExtractionState, expr: ts.Expression | undefined, depth: number): PathClass {
  if (!expr || depth > 4) return null;
  const inner = unwrap(expr);
  const literal = literalText(inner);
  if (literal !== null) return classifyLiteral(literal);
  if (isTempSource(state, inner)) return 'temp';
  if (isTmpdirCall(state, inner)) return { where: 'tmp', text: state.shortText(inner, 60) };
  if (isRepoAnchor(inner)) return { where: 'repo', text: state.shortText(inner, 60) };
  if (isCwdAnchor(inner)) return { where: 'cwd', text: state.shortText(inner, 60) };
  if (ts.isIdentifier(inner)) {
    const init = state.initializers.get(inner.text);
    return init ? classifyPath(state, init, depth + 1) : null;
  }
  if (ts.isTemplateExpression(inner)) {
    const spans = inner.templateSpans.map((span) => classifyPath(state, span.expression, depth + 1));
    if (spans.some((c) => c === 'temp')) return 'temp';
    if (inner.templateSpans.some((span) => isUniquePart(span.expression))) return 'temp';
    const first = inner.templateSpans[0]?.expression;
    if (inner.head.text !== '') return classifyWithText(classifyLiteral(inner.head.text), state, inner);
    if (first && isRepoAnchor(unwrap(first))) return { where: 'repo', text: state.shortText(inner, 60) };
    if (first && isCwdAnchor(unwrap(first))) return { where: 'cwd', text: state.shortText(inner, 60) };
    return null;
  }
  if (ts.isCallExpression(inner) && isPathJoin(state, inner)) {
    const parts = inner.arguments.map((arg) => classifyPath(state, arg, depth + 1));
    if (parts.some((p) => p === 'temp')) return 'temp';
    const first = parts[0];
    if (!first || parts.some((p) => p === null)) return null;
    return { where: (first as { where: FixedPathWrite['where'] }).where, text: state.shortText(inner, 60) };
  }
  return null;
}

function classifyWithText(base: PathClass, state: ExtractionState, node: ts.Node): PathClass {
  return base && base !== 'temp' ? { where: base.where, text: state.shortText(node, 60) } : base;
}

function isPathJoin(state: ExtractionState, call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  const root = rootIdentifier(callee);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? state.originOf(callee.text)?.name ?? callee.text : '';
  if (name !== 'join' && name !== 'resolve') return false;
  const origin = root ? state.originOf(root) : null;
  return !!origin?.module && PATH_MODULE.test(origin.module);
}

function isRepoAnchor(expr: ts.Expression): boolean {
  const name = dottedName(expr);
  return name === '__dirname' || name === 'import.meta.dirname' || name === '__filename';
}

function isCwdAnchor(expr: ts.Expression): boolean {
  return ts.isCallExpression(expr) && dottedName(expr.expression) === 'process.cwd';
}

/**
 * `os.tmpdir()`, or `tmpdir()` imported from os: the temp folder itself, shared by every run (a
 * fixed name under it still collides).
 */
function isTmpdirCall(state: ExtractionState, expr: ts.Expression): boolean {
  if (!ts.isCallExpression(expr)) return false;
  const callee = unwrap(expr.expression);
  if (ts.isIdentifier(callee)) return isOsTmpdir(state, callee.text);
  return /(^|\.)tmpdir$/.test(dottedName(callee) ?? '');
}

function isOsTmpdir(state: ExtractionState, local: string): boolean {
  const origin = state.originOf(local);
  return !!origin && !origin.instance && OS_MODULE.test(origin.module ?? '') && origin.name === 'tmpdir';
}

const OS_MODULE = /^(node:)?os$/;

/**
 * Parts of a name that differ between runs or workers: `cache-${process.pid}-${Date.now()}.json`,
 * randomUUID(), Math.random(), nanoid(), the worker id. Such a name under the temp folder is not shared.
 */
function isUniquePart(expr: ts.Node): boolean {
  return anyNode(expr, (n) => {
    const name = ts.isCallExpression(n) ? dottedName(n.expression) : ts.isPropertyAccessExpression(n) ? dottedName(n) : null;
    if (!name) return false;
    if (/^(process\.pid|process\.env\.(JEST_WORKER_ID|VITEST_POOL_ID|VITEST_WORKER_ID|TEST_PARALLEL_INDEX|MOCHA_WORKER_ID))$/.test(name)) return true;
    if (!ts.isCallExpression(n)) return false;
    return /(^|\.)(now|random|randomUUID|randomBytes|randomInt|uuid|v1|v4|v7|nanoid|hrtime|uniqueId|cuid|ulid)$/.test(name) || name === 'process.hrtime.bigint';
  });
}

/** A unique temporary path: mkdtemp(...), tmp.dirSync(), tempy, or a variable holding one (or named like one). */
function isTempSource(state: ExtractionState, expr: ts.Expression): boolean {
  return anyNode(expr, (n) => {
    // Only the object of a member access names a value (`os.tmpdir` is not a variable called tmpdir).
    if (ts.isPropertyAccessExpression(n)) return isTempSource(state, n.expression) || 'skip';
    if (ts.isCallExpression(n)) {
      const callee = dottedName(n.expression) ?? '';
      const method = callee.split('.').pop() ?? '';
      if (method.startsWith('mkdtemp')) return true;
      if (/^(dirSync|fileSync|tmpName|tmpNameSync|dir|file|withDir|withFile|directory|temporaryDirectory|temporaryFile)$/.test(method)) {
        const root = rootIdentifier(n.expression);
        const origin = root ? state.originOf(root) : null;
        if (/^(tmp|tmp-promise|tempy|temp)$/.test(origin?.module ?? '')) return true;
      }
    }
    if (ts.isIdentifier(n)) {
      // tmpdir() from os, and a variable holding just that, are the shared temp folder.
      if (isOsTmpdir(state, n.text)) return false;
      const init = state.initializers.get(n.text);
      if (init && init !== expr && isTmpdirCall(state, unwrap(init))) return false;
      if (/^(tmp|temp)(dir|Dir|Path|path|Folder|folder|Root|root)?$|^(sandbox|workdir|workDir|scratch)$/.test(n.text)) return true;
      if (init && init !== expr && anyNode(init, (m) => ts.isCallExpression(m) && /mkdtemp/.test(dottedName(m.expression) ?? ''))) return true;
    }
    return false;
  });
}
