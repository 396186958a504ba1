/**
 * Test structure: describe blocks, test cases and hooks in every spelling the supported
 * runners accept (`it.each(t)('x', fn)`, `test.concurrent`, `describe.skipIf(c)(...)`,
 * Playwright's `test.describe`, node:test subtests `t.test`).
 */
import { ts } from '../typescript.js';
import type { TestModifier } from '../model/test-model.js';
import { anyNode, isFunctionLike, unwrap, type Chain } from './chain.js';
import type { ExtractionState } from './state.js';
import { DESCRIBE_ROOTS, HOOK_KINDS, STRUCTURE_MODIFIERS, TEST_ROOTS } from './vocabulary.js';
import { lookupTable } from '../lookup-table.js';

const MODIFIER_NAMES: Record<string, TestModifier> = lookupTable({
  only: 'only',
  skip: 'skip',
  todo: 'todo',
  concurrent: 'concurrent',
  failing: 'failing',
  fails: 'failing',
  fail: 'failing',
  each: 'each',
  fixme: 'skip',
  // skipIf(cond) and runIf(cond) (Vitest) are absent on purpose: their tests run wherever the
  // condition allows (a CI job with the database, another platform), so they are analysed as written.
});

type StructureKind = 'describe' | 'test' | 'hook';

/** Recognises a structural call at a chain top; returns true when it was one. */
export function recogniseStructure(state: ExtractionState, chain: Chain): boolean {
  const last = chain.links[chain.links.length - 1]!;
  const call = last.call;
  if (!call || !chain.root) return false;
  const names = chain.names;
  if (recogniseSerialMode(state, names, call)) return true;
  const classified = classify(state, names);
  if (!classified) return false;
  const { kind, start } = classified;
  const args = call.arguments;

  if (kind === 'hook') {
    const hookName = names[names.length - 1]!;
    const fn = args.find((a) => isFunctionLike(unwrap(a)));
    // Mocha's `before`/`after` also name other things; only take them with a callback.
    if (!fn && args.length === 0) return false;
    // afterEach(checkNoPendingMocks): a function handed over by name runs as the hook's body.
    const named = fn ? undefined : args.map((a) => unwrap(a)).find((a): a is ts.Identifier => ts.isIdentifier(a));
    state.addHook(HOOK_KINDS[hookName]!, call, fn ? unwrap(fn) : undefined, named?.text);
    return true;
  }

  const modifiers: TestModifier[] = [];
  const rootName = names[start]!;
  if (rootName.startsWith('x')) modifiers.push('skip');
  if (rootName.startsWith('f') && rootName !== 'fixme') modifiers.push('only');
  for (const name of names.slice(start + 1)) {
    const modifier = MODIFIER_NAMES[name];
    if (modifier && !modifiers.includes(modifier)) modifiers.push(modifier);
  }
  // `test.skip()` inside a Playwright test, `it.todo` without a title: not a declaration.
  if (args.length === 0) return false;
  const titleNode = args[0]!;
  const title = titleText(state, titleNode);
  const fnArg = [...args].reverse().find((a) => isFunctionLike(unwrap(a)));
  const callback = fnArg ? unwrap(fnArg) : undefined;
  for (const modifier of optionModifiers(args)) if (!modifiers.includes(modifier)) modifiers.push(modifier);

  if (kind === 'describe') {
    if (!callback) return false;
    // Playwright's serial group: `test.describe.serial(...)`, `.serial.only`, `.serial.skip`.
    const serial = start === 1 && names.slice(2).includes('serial');
    state.addDescribe(title, call, callback, modifiers.includes('skip') || modifiers.includes('todo'), null, serial);
    return true;
  }
  // node:test and tap: a test whose body declares subtests only groups them, like a describe; the
  // subtests are the tests, and what the group's body sets up runs before them.
  const subtestContext = callback ? subtestGroupContext(state, callback) : null;
  if (subtestContext !== null) {
    state.addDescribe(title, call, callback, modifiers.includes('skip') || modifiers.includes('todo'), subtestContext);
    return true;
  }
  if (!callback && args.length === 1 && !ts.isStringLiteralLike(unwrap(titleNode))) return false;
  // `it('x')` is pending in Mocha; `it('x', namedFn)` has a body we cannot see from here.
  const bodyByReference = !callback && args.length >= 2;
  if (!callback && !bodyByReference && !modifiers.includes('todo')) modifiers.push('todo');
  state.addTest(title, call, callback, modifiers, bodyByReference);
  return true;
}

/** Runners whose test context declares subtests: `t.test('x', fn)`. */
const SUBTEST_RUNNERS = /^(node:test|test|tap|@tapjs\/core)$/;

/**
 * The context parameter of a test callback that declares subtests on it (`(t) => { t.test(…) }`),
 * or null. Looked for ahead of the walk, since the test must be modelled as a group before its body
 * is entered; only in files that load a runner with subtests.
 */
function subtestGroupContext(state: ExtractionState, callback: ts.Node): string | null {
  if (!isFunctionLike(callback)) return null;
  const first = callback.parameters[0];
  if (!first || !ts.isIdentifier(first.name)) return null;
  if (!state.model.imports.some((i) => SUBTEST_RUNNERS.test(i.specifier))) return null;
  const context = first.name.text;
  const declares = anyNode(callback.body, (node) => {
    // A function with a parameter of the same name has a context of its own.
    if ((isFunctionLike(node) || ts.isFunctionDeclaration(node)) && node.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === context)) return 'skip';
    if (!ts.isCallExpression(node)) return false;
    const callee = unwrap(node.expression);
    return ts.isPropertyAccessExpression(callee) && callee.name.text === 'test' && ts.isIdentifier(callee.expression) && callee.expression.text === context;
  });
  return declares ? context : null;
}

/**
 * node:test and Vitest take options between title and body: `test('x', { skip: 'flaky' }, fn)`,
 * `{ todo: true }`. A literal false is no modifier; any other value (a reason, a condition) may skip.
 */
function optionModifiers(args: ts.NodeArray<ts.Expression>): TestModifier[] {
  const out: TestModifier[] = [];
  for (const arg of args.slice(1)) {
    const options = unwrap(arg);
    if (!ts.isObjectLiteralExpression(options)) continue;
    for (const property of options.properties) {
      if (!ts.isPropertyAssignment(property) || !property.name || !ts.isIdentifier(property.name)) continue;
      const name = property.name.text;
      if (name !== 'skip' && name !== 'todo' && name !== 'only') continue;
      const value = unwrap(property.initializer);
      if (value.kind === ts.SyntaxKind.FalseKeyword || (ts.isStringLiteralLike(value) && value.text === '')) continue;
      out.push(name);
    }
  }
  return out;
}

/**
 * Playwright's `test.describe.configure({ mode: 'serial' })`: the describe it is written in, or the
 * whole file at the top level, runs its tests in order as one scenario's steps. Vitest's
 * `describe.sequential` only turns concurrency off; it says nothing about tests depending on each other.
 */
function recogniseSerialMode(state: ExtractionState, names: string[], call: ts.CallExpression): boolean {
  if (names.length !== 3 || names[0] !== 'test' || names[1] !== 'describe' || names[2] !== 'configure') return false;
  const options = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  if (!options || !ts.isObjectLiteralExpression(options)) return false;
  const mode = options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'mode');
  const value = mode ? unwrap(mode.initializer) : undefined;
  if (!value || !ts.isStringLiteralLike(value) || value.text !== 'serial') return false;
  const owner = state.owner;
  if (owner.kind === 'describe') state.model.describes[owner.id]!.serial = true;
  else if (owner.kind === 'file') state.model.serial = true;
  return true;
}

function classify(state: ExtractionState, names: string[]): { kind: StructureKind; start: number } | null {
  const root = names[0]!;
  // node:test subtests and hooks on the test context: t.test('x', fn), t.beforeEach(fn).
  const contextParam = state.testContextParam;
  let start = 0;
  if (contextParam && root === contextParam && names.length >= 2) start = 1;
  // Playwright: test.describe(...), test.beforeEach(...), test.describe.serial(...).
  else if (root === 'test' && names.length >= 2 && (names[1] === 'describe' || HOOK_KINDS[names[1]!])) start = 1;
  const head = names[start]!;
  let kind: StructureKind | null = null;
  if (DESCRIBE_ROOTS.has(head)) kind = 'describe';
  else if (TEST_ROOTS.has(head)) kind = 'test';
  else if (HOOK_KINDS[head] && names.length === start + 1) kind = 'hook';
  if (!kind) return null;
  if (kind === 'hook') return { kind, start };
  for (const name of names.slice(start + 1)) {
    if (!STRUCTURE_MODIFIERS.has(name)) return null;
  }
  return { kind, start };
}

function titleText(state: ExtractionState, node: ts.Expression): string {
  const inner = unwrap(node);
  if (ts.isStringLiteralLike(inner)) return inner.text;
  if (ts.isTemplateExpression(inner)) return state.shortText(inner, 120).replace(/^`|`$/g, '');
  if (isFunctionLike(inner)) return '(anonymous)';
  return state.shortText(inner, 80);
}
