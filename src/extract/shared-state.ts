/**
 * State that outlives a test: accesses to file- and describe-scope bindings, writes to
 * process.env and globals, double behaviour configured per test, and the resets that undo it.
 */
import { ts } from '../typescript.js';
import type { BindingAccess, MockReset, MockResetKind } from '../model/test-model.js';
import { dottedName, flattenChain, isFunctionLike, literalText, rootIdentifier, unwrap, type Chain } from './chain.js';
import { bindingNames, valueKindOf, type ExtractionState } from './state.js';
import { BEHAVIOUR_METHODS, isFnDoubleChain, JASMINE_BEHAVIOURS, MUTATING_METHODS } from './vocabulary.js';
import { valueRef } from './assertions.js';
import { requiredSpecifier } from './imports.js';
import { shapeOfFunction, shapeOfValue } from './returns.js';
import { isFailingBehaviour } from './faults.js';
import { lookupTable } from '../lookup-table.js';

// ---- binding accesses ------------------------------------------------------------------------

/** Records a read, write or mutation of a shared binding by the current owner. */
export function recogniseIdentifier(state: ExtractionState, node: ts.Identifier, name: string, ancestors: readonly ts.Node[]): void {
  if (!state.isSharedName(name)) return;
  const parent = ancestors[ancestors.length - 1];
  if (!parent || !isReference(node, parent)) return;
  const binding = state.resolveShared(name);
  if (!binding) return;
  const access = classifyAccess(state, node, ancestors);
  // Built field by field: spreading objects of varying shapes is slow on a path this hot.
  const { line, column } = state.position(node);
  const record: BindingAccess = { kind: access.kind, owner: state.owner, line, column };
  if (access.valueKind !== undefined) record.valueKind = access.valueKind;
  if (access.method !== undefined) record.method = access.method;
  if (access.property !== undefined) record.property = access.property;
  binding.accesses.push(record);
}

function isReference(node: ts.Identifier, parent: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === node;
  if (ts.isQualifiedName(parent)) return false;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isBindingElement(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isFunctionExpression(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isClassExpression(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isEnumMember(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodSignature(parent)) &&
    parent.name === node
  ) {
    return false;
  }
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  if (
    ts.isImportSpecifier(parent) ||
    ts.isImportClause(parent) ||
    ts.isNamespaceImport(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isLabeledStatement(parent) ||
    ts.isBreakOrContinueStatement(parent) ||
    ts.isJsxAttribute(parent) ||
    ts.isTypeReferenceNode(parent) ||
    ts.isTypeQueryNode(parent) ||
    ts.isExpressionWithTypeArguments(parent) ||
    ts.isImportEqualsDeclaration(parent)
  ) {
    return false;
  }
  return true;
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function classifyAccess(
  state: ExtractionState,
  node: ts.Identifier,
  ancestors: readonly ts.Node[],
): Pick<BindingAccess, 'kind' | 'valueKind' | 'method' | 'property'> {
  const parent = ancestors[ancestors.length - 1]!;
  if (ts.isBinaryExpression(parent) && parent.left === node && isAssignmentOperator(parent.operatorToken.kind)) {
    if (parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      return { kind: 'write', valueKind: valueKindOf(parent.right, state.sinonRoots) };
    }
    return { kind: 'mutate' };
  }
  if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && isIncrement(parent.operator)) {
    return { kind: 'mutate' };
  }
  if (isDestructuringTarget(node, ancestors)) return { kind: 'write', valueKind: 'other' };
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node) {
    let top: ts.Node = parent;
    let index = ancestors.length - 1;
    while (index - 1 >= 0) {
      const above = ancestors[index - 1]!;
      if ((ts.isPropertyAccessExpression(above) || ts.isElementAccessExpression(above)) && above.expression === top) {
        top = above;
        index--;
      } else break;
    }
    const topParent = ancestors[index - 1];
    const property = ts.isPropertyAccessExpression(parent) ? parent.name.text : (literalText(parent.argumentExpression) ?? '[computed]');
    if (topParent) {
      if (ts.isBinaryExpression(topParent) && topParent.left === top && isAssignmentOperator(topParent.operatorToken.kind)) {
        return { kind: 'mutate', property };
      }
      if ((ts.isPrefixUnaryExpression(topParent) || ts.isPostfixUnaryExpression(topParent)) && isIncrement(topParent.operator)) {
        return { kind: 'mutate', property };
      }
      if (ts.isDeleteExpression(topParent)) return { kind: 'mutate', property };
      if (ts.isCallExpression(topParent) && topParent.expression === top && ts.isPropertyAccessExpression(top)) {
        const method = top.name.text;
        if (MUTATING_METHODS.has(method)) return { kind: 'mutate', method };
      }
    }
    return { kind: 'read' };
  }
  if (ts.isCallExpression(parent) && parent.arguments[0] === node) {
    const callee = dottedName(parent.expression);
    if (callee === 'Object.assign') return { kind: 'mutate', method: 'Object.assign' };
  }
  return { kind: 'read' };
}

function isIncrement(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
}

/** `({ app, db } = await setup())` and `[a, b] = pair`: the names on the left are written. */
function isDestructuringTarget(node: ts.Node, ancestors: readonly ts.Node[]): boolean {
  let child: ts.Node = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const above = ancestors[i]!;
    if (ts.isShorthandPropertyAssignment(above) || ts.isSpreadElement(above) || ts.isSpreadAssignment(above)) {
      child = above;
      continue;
    }
    if (ts.isPropertyAssignment(above) && above.initializer === child) {
      child = above;
      continue;
    }
    if (ts.isObjectLiteralExpression(above) || ts.isArrayLiteralExpression(above)) {
      child = above;
      continue;
    }
    if (ts.isBinaryExpression(above) && above.operatorToken.kind === ts.SyntaxKind.EqualsToken && above.left === child) {
      return child !== node;
    }
    return false;
  }
  return false;
}

// ---- values a test makes itself ----------------------------------------------------------------

/**
 * Calls that hand out an object that already exists rather than make one: a module (`require`,
 * `jest.requireActual`), a singleton or container instance (`getConnection()`, `Container.get(X)`,
 * `TestBed.inject(X)`), a DOM node (`document.querySelector`).
 */
const LOOKUP_CALL = /^(get|resolve|inject|select|find|query|use|lookup|require|import|load|current|instance|singleton|shared|default)/i;
const LOOKUP_ROOTS = new Set(['require', 'this', 'jest', 'vi', 'sinon', 'Object', 'Reflect', 'module', 'exports', 'global', 'globalThis', 'window', 'process']);

/**
 * Whether evaluating `expr` in a test yields an object the test made itself, so that nothing
 * outside the test can reach it: `new Client()`, a literal, a factory call (`Fastify()`,
 * `createClient()`, `Test.createTestingModule(…).compile()`), or a part or method result of such
 * a value (`app.redis`, `module.get(X)` on a module built in the test). An alias of a shared or
 * imported object, a lookup (`module.get(X)` on a shared module, `getConnection()`), or anything
 * unclear is not.
 */
export function madeByTest(state: ExtractionState, expr: ts.Expression): boolean {
  const inner = unwrap(expr);
  if (ts.isNewExpression(inner) || ts.isObjectLiteralExpression(inner) || ts.isArrayLiteralExpression(inner) || ts.isClassExpression(inner)) return true;
  if (isFunctionLike(inner)) return true;
  if (ts.isConditionalExpression(inner)) return madeByTest(state, inner.whenTrue) && madeByTest(state, inner.whenFalse);
  if (!ts.isIdentifier(inner) && !ts.isPropertyAccessExpression(inner) && !ts.isElementAccessExpression(inner) && !ts.isCallExpression(inner)) return false;
  const chain = flattenChain(inner);
  if (!chain?.root) return false;
  const own = state.testLocal(chain.root);
  if (own !== undefined) return own;
  if (LOOKUP_ROOTS.has(chain.root) || (state.resolveShared(chain.root) && !state.importLocals.has(chain.root))) return false;
  // Off an import, a global or a helper: made only by a call, and only by calls that make things.
  const calls = chain.links.filter((l) => l.call);
  return calls.length > 0 && calls.every((l) => !LOOKUP_CALL.test(l.name));
}

/** `const client = new Client()` in a test: the names it declares, and whether the test made their value. */
export function recogniseTestLocal(state: ExtractionState, declaration: ts.VariableDeclaration): void {
  if (state.currentTestId === null) return;
  // A module required inside the test is an import like any other: what its factories make is new.
  if (declaration.initializer && requiredSpecifier(unwrap(declaration.initializer))) return;
  const made = declaration.initializer ? madeByTest(state, declaration.initializer) : null;
  for (const name of bindingNames(declaration.name)) state.declareTestLocal(name, made);
}

// ---- process.env and globals ------------------------------------------------------------------

const GLOBAL_OBJECTS = new Set(['global', 'globalThis']);

interface StateTarget {
  target: 'env' | 'global';
  key: string;
}

/** `process.env.X`, `process.env['X']`, `process.env`, `global.X`, `globalThis.X`. */
function stateTarget(expr: ts.Expression): StateTarget | null {
  const inner = unwrap(expr);
  const name = dottedName(inner);
  if (name === 'process.env') return { target: 'env', key: '*' };
  if (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) {
    const objectName = dottedName(inner.expression);
    const key = ts.isPropertyAccessExpression(inner) ? inner.name.text : literalText(inner.argumentExpression) ?? '[computed]';
    if (objectName === 'process.env') return { target: 'env', key };
    if (objectName && GLOBAL_OBJECTS.has(objectName)) return { target: 'global', key };
  }
  return null;
}

/** A value that puts back something saved: an identifier, a saved copy's member, `{ ...saved }`, undefined. */
function isSavedValue(expr: ts.Expression): boolean {
  const inner = unwrap(expr);
  if (ts.isIdentifier(inner)) return true;
  if (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) {
    const root = rootIdentifier(inner);
    return !!root && root !== 'process';
  }
  if (ts.isObjectLiteralExpression(inner)) {
    return inner.properties.length > 0 && inner.properties.every((p) => ts.isSpreadAssignment(p) && ts.isIdentifier(unwrap(p.expression)));
  }
  return false;
}

/** Assignments: writes to process.env or globals. */
export function recogniseStateAssignment(state: ExtractionState, node: ts.BinaryExpression): void {
  const target = stateTarget(node.left);
  if (!target) return;
  const restoring = node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isSavedValue(node.right);
  state.model.globalWrites.push({ ...target, owner: state.owner, restoring, viaRunnerHelper: false, ...state.position(node) });
}

export function recogniseStateDelete(state: ExtractionState, node: ts.DeleteExpression): void {
  const target = stateTarget(node.expression);
  if (!target) return;
  state.model.globalWrites.push({ ...target, owner: state.owner, restoring: true, viaRunnerHelper: false, ...state.position(node) });
}

/** Calls that change or restore shared state: vi.stubEnv, Object.assign(process.env, ...), resets. */
export function recogniseStateCall(state: ExtractionState, chain: Chain, ancestors: readonly ts.Node[]): void {
  const names = chain.names;
  const root = names[0]!;
  const last = chain.links[chain.links.length - 1]!;
  const call = last.call;
  if (!call) return;
  const owner = state.owner;
  if (root === 'vi' && names.length === 2) {
    const method = names[1];
    if (method === 'stubEnv' || method === 'stubGlobal') {
      const key = literalText(call.arguments[0]) ?? '[computed]';
      state.model.globalWrites.push({ target: method === 'stubEnv' ? 'env' : 'global', key, owner, restoring: false, viaRunnerHelper: true, ...state.position(call) });
      return;
    }
    if (method === 'unstubAllEnvs' || method === 'unstubAllGlobals') {
      state.model.globalWrites.push({ target: method === 'unstubAllEnvs' ? 'env' : 'global', key: '*', owner, restoring: true, viaRunnerHelper: true, ...state.position(call) });
      return;
    }
  }
  if (root === 'Object' && names.length === 2 && names[1] === 'assign' && call.arguments[0] && stateTarget(call.arguments[0])?.key === '*') {
    state.model.globalWrites.push({ target: 'env', key: '*', owner, restoring: false, viaRunnerHelper: false, ...state.position(call) });
    return;
  }
  if ((root === 'jest' || root === 'vi') && names[1] === 'replaceProperty' && names.length === 2) {
    const object = call.arguments[0] ? dottedName(call.arguments[0]) : null;
    const key = literalText(call.arguments[1]);
    if (object === 'process' && key === 'env') {
      state.model.globalWrites.push({ target: 'env', key: '*', owner, restoring: false, viaRunnerHelper: true, ...state.position(call) });
    }
    return;
  }
  // A hook that calls restore()/reset()/cleanup() (mocked-env, snapshot helpers) puts shared state back.
  if (state.owner.kind === 'hook' && /^(restore|reset|cleanup|teardown|unset)\w*$/i.test(names[names.length - 1]!) && names.length <= 2) {
    for (const target of ['env', 'global'] as const) {
      state.model.globalWrites.push({ target, key: '*', owner: state.owner, restoring: true, viaRunnerHelper: true, ...state.position(call) });
    }
  }
  recogniseBehaviour(state, chain, names, call, ancestors);
  recogniseReset(state, chain, names);
}

// ---- double behaviour and resets ---------------------------------------------------------------

/**
 * What an implementation hands back on its only path: `() => users`, `async () => users`,
 * `() => Promise.resolve(users)`, `() => { return users; }` give `users`, as `mockReturnValue(users)`
 * would. Anything else gives null (and the implementation itself is no value).
 */
function returnedValue(fn: ts.Expression): ts.Expression | null {
  const inner = unwrap(fn);
  if (!isFunctionLike(inner)) return null;
  let body: ts.Expression | undefined;
  if (!ts.isBlock(inner.body)) body = inner.body;
  else if (inner.body.statements.length === 1 && ts.isReturnStatement(inner.body.statements[0]!)) body = inner.body.statements[0].expression;
  if (!body) return null;
  const value = unwrap(body);
  if (ts.isCallExpression(value) && value.arguments.length === 1 && ts.isPropertyAccessExpression(value.expression) && value.expression.name.text === 'resolve') {
    const promise = unwrap(value.expression.expression);
    if (ts.isIdentifier(promise) && promise.text === 'Promise') return value.arguments[0]!;
  }
  return value;
}

/**
 * The link that gives a double behaviour: a Jest/Vitest `mock*` method anywhere; a sinon behaviour
 * on a stub (`sinon.stub(a, 'b').resolves(x)`, `stub.returns(x)`); a Jasmine `.and.returnValue(x)`.
 */
function behaviourIndex(state: ExtractionState, chain: Chain, names: string[]): number {
  const jest = names.findIndex((n, i) => i > 0 && BEHAVIOUR_METHODS[n] !== undefined);
  if (jest >= 0) return jest;
  const root = names[0]!;
  const sinonMade = state.sinonRoots.has(root) && (names[1] === 'stub' || names[1] === 'fake');
  if (sinonMade || state.doubleNames.has(root)) {
    const sinon = names.findIndex((n, i) => i > 0 && (n === 'returns' || n === 'resolves' || n === 'rejects' || n === 'callsFake'));
    if (sinon >= 0) return sinon;
  }
  const and = names.indexOf('and');
  if (and > 0 && names[and + 1] && JASMINE_BEHAVIOURS[names[and + 1]!]) return and + 1;
  return -1;
}

function recogniseBehaviour(state: ExtractionState, chain: Chain, names: string[], call: ts.CallExpression, ancestors: readonly ts.Node[]): void {
  const index = behaviourIndex(state, chain, names);
  if (index < 0) {
    // `jest.fn(() => user)`: behaviour given where the double is made, and nothing chained after it.
    if (names[names.length - 1] === 'fn' && call.arguments.length > 0) recogniseMadeWithBehaviour(state, chain, names, call, ancestors);
    return;
  }
  const link = chain.links[index]!;
  if (!ts.isPropertyAccessExpression(link.node)) return;
  // A double made and configured in one chain (`find: jest.fn().mockResolvedValue(users)` in a
  // provider's useValue, `const find = jest.fn()...`): named after where the chain's value goes.
  // It is new, so it outlives the test only through a variable, which the binding checks judge.
  const fresh = isFnDoubleChain(chain, state.sinonRoots);
  const receiver = names[index - 1] === 'and' ? (chain.links[index - 1]!.node as ts.PropertyAccessExpression).expression : link.node.expression;
  const subject = fresh ? freshDoubleSubject(state, call, ancestors) : describeSubject(state, receiver);
  if (!subject) return;
  const once = names.slice(index).every((n) => !BEHAVIOUR_METHODS[n] || BEHAVIOUR_METHODS[n]!.once) && BEHAVIOUR_METHODS[names[index]!] !== undefined;
  const shared = !fresh && isSharedDouble(state, subject.subjectRoot);
  const method = names[index]!;
  const arg = chain.links[index]!.call?.arguments[0];
  const implementation = /^(mockImplementation|callsFake|callFake)/.test(method);
  const returns = !arg ? 'other' : implementation ? shapeOfFunction(arg) : shapeOfValue(arg);
  state.model.mockBehaviours.push({
    ...subject,
    method,
    once,
    shared,
    owner: state.owner,
    value: arg ? valueRef(state, implementation ? (returnedValue(arg) ?? arg) : arg) : null,
    returns,
    ...(isFailingBehaviour(method, arg) ? { fault: true } : {}),
    ...state.position(link.node),
  });
}

/**
 * A function double given its implementation when it is made: `jest.fn(() => user)`,
 * `vi.fn(async () => user)`. The same behaviour as `jest.fn().mockImplementation(() => user)`,
 * recorded the same way, named after where the double goes. Only an implementation written in
 * place: `jest.fn(realFind)` wraps a function whose answer the file does not show.
 */
function recogniseMadeWithBehaviour(state: ExtractionState, chain: Chain, names: string[], call: ts.CallExpression, ancestors: readonly ts.Node[]): void {
  if (names.length !== 2 || (names[0] !== 'jest' && names[0] !== 'vi') || !isFnDoubleChain(chain, state.sinonRoots)) return;
  const arg = call.arguments[0]!;
  if (!isFunctionLike(unwrap(arg))) return;
  const subject = freshDoubleSubject(state, call, ancestors);
  if (!subject) return;
  const value = returnedValue(arg);
  state.model.mockBehaviours.push({
    ...subject,
    method: `${names[0]}.fn(() => …)`,
    once: false,
    shared: false,
    owner: state.owner,
    value: value ? valueRef(state, value) : null,
    returns: shapeOfFunction(arg),
    ...(isFailingBehaviour('mockImplementation', arg) ? { fault: true } : {}),
    ...state.position(call),
  });
}

/**
 * Where a freshly made double goes: a variable (`const find = …` → find), a property of an object
 * literal kept in a variable (`repo = { find: … }` → repo.find), of a DI provider's value
 * (`{ provide: getRepositoryToken(User), useValue: { find: … } }` → getRepositoryToken(User).find)
 * or of any other literal (`createMock({ find: … })` → find). The root is the variable, or ''
 * when there is none. Null when the double is not named at all (a bare argument).
 */
function freshDoubleSubject(state: ExtractionState, call: ts.CallExpression, ancestors: readonly ts.Node[]): { subject: string; subjectRoot: string } | null {
  const path: string[] = [];
  let child: ts.Node = call;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const above = ancestors[i]!;
    if (ts.isParenthesizedExpression(above) || ts.isAsExpression(above) || ts.isSatisfiesExpression(above) || ts.isNonNullExpression(above) || ts.isTypeAssertionExpression(above)) {
      child = above;
      continue;
    }
    if (ts.isVariableDeclaration(above) && above.initializer === child) {
      if (!ts.isIdentifier(above.name)) return null;
      return { subject: [above.name.text, ...path].join('.'), subjectRoot: above.name.text };
    }
    if (ts.isBinaryExpression(above) && above.operatorToken.kind === ts.SyntaxKind.EqualsToken && above.right === child) {
      const left = dottedName(unwrap(above.left));
      if (!left) return null;
      const root = left.split('.')[0]!;
      return { subject: [left, ...path].join('.'), subjectRoot: root === 'this' ? '' : root };
    }
    if (ts.isPropertyAssignment(above) && above.initializer === child) {
      const key = propertyKeyText(above.name);
      if (key === null) return null;
      const object = ancestors[i - 1];
      if (key === 'useValue' && object && ts.isObjectLiteralExpression(object)) {
        const provide = object.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyKeyText(p.name) === 'provide');
        if (provide) return path.length ? { subject: [state.shortText(provide.initializer, 50), ...path].join('.'), subjectRoot: '' } : null;
      }
      path.unshift(key);
      child = above;
      continue;
    }
    if (ts.isObjectLiteralExpression(above) && path.length > 0) {
      child = above;
      continue;
    }
    break;
  }
  return path.length ? { subject: path.join('.'), subjectRoot: '' } : null;
}

function propertyKeyText(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  return null;
}

/** A double outlives a test when it is imported or declared at file or describe scope. */
function isSharedDouble(state: ExtractionState, root: string): boolean {
  if (state.resolveShared(root)) return true;
  return state.model.imports.some((i) => i.locals.includes(root));
}

/** The double a behaviour is set on: `repo.find`, `jest.mocked(repo.find)` → repo.find, `jest.spyOn(a, 'b')` → a.b. */
function describeSubject(state: ExtractionState, expr: ts.Expression): { subject: string; subjectRoot: string } | null {
  const inner = unwrap(expr);
  if (ts.isCallExpression(inner)) {
    const callee = dottedName(inner.expression);
    const [first, second] = inner.arguments;
    if (callee && /(^|\.)(spyOn|mocked|stub)$/.test(callee) && first) {
      const object = dottedName(first);
      if (!object) return null;
      const member = /(spyOn|stub)$/.test(callee) ? literalText(second) : null;
      return { subject: member ? `${object}.${member}` : object, subjectRoot: object.split('.')[0]! };
    }
    return null;
  }
  const name = dottedName(inner);
  if (!name) return null;
  return { subject: name, subjectRoot: name.split('.')[0]! };
}

const ALL_RESETS: Record<string, MockResetKind> = lookupTable({
  clearAllMocks: 'clear',
  resetAllMocks: 'reset',
  restoreAllMocks: 'restore',
});
const ONE_RESETS: Record<string, MockResetKind> = lookupTable({
  mockClear: 'clear',
  mockReset: 'reset',
  mockRestore: 'restore',
});

function recogniseReset(state: ExtractionState, chain: Chain, names: string[]): void {
  const root = names[0]!;
  const last = names[names.length - 1]!;
  const node = chain.links[chain.links.length - 1]!.node;
  const make = (kind: MockResetKind, all: boolean, subjectRoot: string | null, subject?: string): MockReset => {
    const reset: MockReset = { kind, all, subjectRoot, owner: state.owner, ...state.position(node) };
    if (subject !== undefined) reset.subject = subject;
    return reset;
  };
  const push = (kind: MockResetKind, all: boolean, subjectRoot: string | null, subject?: string): MockReset => {
    const reset = make(kind, all, subjectRoot, subject);
    state.model.mockResets.push(reset);
    return reset;
  };
  // `s.restore()`, `spy.mockRestore()`: which double the variable holds is settled after the walk,
  // when every stub and spy is known (an afterEach may be written above the test that makes `s`).
  const byVariable = (reset: MockReset, recorded: boolean): void => {
    if (names.length === 2 && chain.root === root && root !== 'this') state.variableResets.push({ key: state.bindingKey(root), reset, recorded });
  };
  if ((root === 'jest' || root === 'vi') && names.length === 2 && ALL_RESETS[last]) return void push(ALL_RESETS[last]!, true, null);
  if (ONE_RESETS[last] && names.length >= 2) {
    // `Redis.prototype.connect.mockRestore()` names its double; `spy.mockRestore()` names a variable.
    const subject = names.length > 2 && isMemberPath(chain) ? names.slice(0, -1).join('.') : undefined;
    return byVariable(push(ONE_RESETS[last]!, false, root, subject), true);
  }
  if (state.sinonRoots.has(root) && names.length === 2) {
    if (last === 'restore') return void push('restore', true, null);
    if (last === 'reset' || last === 'resetBehavior') return void push('reset', true, null);
    if (last === 'resetHistory') return void push('clear', true, null);
  }
  if (names.length === 2 && (last === 'restoreAll' || last === 'reset') && root === 'mock') return void push('restore', true, null);
  if (names.length === 3 && names[1] === 'mock' && (last === 'restoreAll' || last === 'reset')) return void push('restore', true, null);
  if (root === 'td' && last === 'reset') return void push('restore', true, null);
  if (names.length === 1 && root === 'mockReset') {
    const arg = chain.links[0]!.call?.arguments[0];
    return void push('reset', false, arg ? rootIdentifier(arg) : null);
  }
  if (names.length >= 2 && (last === 'restore' || last === 'reset') && state.doubleNames.has(root)) {
    return byVariable(push(last === 'restore' ? 'restore' : 'reset', false, root), true);
  }
  // A sinon stub restores itself, named by the method it replaced: `Redis.prototype.connect.restore()`.
  if (last === 'restore' && names.length >= 3 && root !== 'this' && isMemberPath(chain)) return void push('restore', false, null, names.slice(0, -1).join('.'));
  if (names.length === 2 && (last === 'restore' || last === 'reset')) byVariable(make(last, false, root), false);
}

/** A chain of plain member names ending in one call: `a.b.c.restore()`, not `get(a).restore()`. */
function isMemberPath(chain: Chain): boolean {
  return chain.root !== null && chain.links.every((l, i) => (i === chain.links.length - 1 ? l.call !== null : l.call === null && l.tagged === null && l.name !== '[]'));
}

/** Names the double each `variable.restore()`-style reset undoes, once the walk has seen every stub and spy. */
export function settleVariableResets(state: ExtractionState): void {
  for (const { key, reset, recorded } of state.variableResets) {
    const subject = state.doubleSubjects.get(key);
    if (subject === undefined) continue;
    reset.subject = subject;
    if (!recorded) state.model.mockResets.push(reset);
  }
}
