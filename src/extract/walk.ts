/**
 * The one walk over a file's compiler nodes. It keeps the ancestor stack and the owner scopes,
 * and hands each node to the recognisers that care about its kind. No wrapper objects are made.
 */
import { isHttpResponse, noteResponseBinding, noteResponseCallback } from './http-responses.js';
import { aliasReturnedHelperDouble, isHelperMadeDoubleObject, trackDestructuredHelperDoubles } from './helper-returns.js';
import { ts } from '../typescript.js';
import { climbWrappers, flattenChain, isInnerChainPart, propertyKey, rechain, unwrap, type Chain } from './chain.js';
import { isTestingLibrary, recogniseAssertingHelper, recogniseAssertion, recogniseImplicitCheck, THROWING_QUERY } from './assertions.js';
import { isCaughtOnlyCheck } from './caught-checks.js';
import { recogniseCompletionCall, recogniseCompletionListener } from './completion.js';
import { recogniseEngineCall, recogniseEngineImport, recogniseEngineProperty, recogniseEngineString } from './databases.js';
import { recordImportDeclaration, recordImportEquals, recordVariableOrigin, requiredSpecifier, valueSource } from './imports.js';
import {
  isDoubleValue,
  isHttpMessageDouble,
  recogniseAngularHttpTesting,
  recogniseMemberAssignment,
  recogniseMockChain,
  recogniseMockConstruction,
  recogniseProviderLiteral,
  type ChainContext,
  type FakeLibraryLookup,
} from './mocks.js';
import { recogniseRealCall, recogniseRealConstruction, recogniseRealString } from './real-usage.js';
import { AUTH_METHODS, describeAllow } from '../model/auth-allow.js';
import { shapeOfFunction } from './returns.js';
import { recogniseFixedPathWrite, recogniseWaitCall, recogniseWaitPromise } from './timing-and-paths.js';
import { madeByTest, recogniseIdentifier, recogniseStateAssignment, recogniseStateCall, recogniseStateDelete, recogniseTestLocal } from './shared-state.js';
import { bindingNames, isSandboxCreation, type ExtractionState } from './state.js';
import { recogniseStructure } from './structure.js';
import { BEHAVIOUR_METHODS, VALUE_BEHAVIOURS } from './vocabulary.js';

/** Thrown when a file takes longer than its time budget; the file is reported, the run goes on. */
export class TimeBudgetExceeded extends Error {
  override readonly name = 'TimeBudgetExceeded';
}

interface Frame {
  node: ts.Node;
  entered: boolean;
  exit: (() => void) | null;
}

const BUDGET_CHECK_INTERVAL = 2048;

/**
 * Subtrees the walk never enters: type annotations, interfaces and type aliases hold no calls,
 * no values and no test structure (a string literal type is not a connection string).
 */
const SKIPPED_KINDS = new Uint8Array(ts.SyntaxKind.Count);
for (let kind: number = ts.SyntaxKind.FirstTypeNode; kind <= ts.SyntaxKind.LastTypeNode; kind++) SKIPPED_KINDS[kind] = 1;
SKIPPED_KINDS[ts.SyntaxKind.InterfaceDeclaration] = 1;
SKIPPED_KINDS[ts.SyntaxKind.TypeAliasDeclaration] = 1;
/** Below this depth the walk recurses (fast, no allocation); deeper subtrees use an explicit stack. */
const RECURSION_LIMIT = 400;

/**
 * Walks every node once, depth first. Recursion is cheapest, but generated and minified code can
 * nest deeper than the call stack allows, so subtrees below a depth limit use an explicit stack.
 */
export function walkFile(state: ExtractionState, fakes: FakeLibraryLookup, deadline = Infinity): void {
  const ancestors: ts.Node[] = [];
  const diPrefix = dependencyInjectionPrefix(state);
  state.openFileScope();
  let visited = 0;

  const open = (node: ts.Node): (() => void) | null => {
    if (++visited % BUDGET_CHECK_INTERVAL === 0 && Date.now() > deadline) throw new TimeBudgetExceeded('time budget exceeded');
    const exit = state.enter(node);
    dispatch(state, node, ancestors, fakes, diPrefix);
    ancestors.push(node);
    return exit;
  };
  const close = (exit: (() => void) | null): void => {
    ancestors.pop();
    if (exit) exit();
  };
  const visit = (node: ts.Node): undefined => {
    if (SKIPPED_KINDS[node.kind] === 1) return undefined;
    const exit = open(node);
    if (ancestors.length < RECURSION_LIMIT) ts.forEachChild(node, visit);
    else walkDeep(node);
    close(exit);
    return undefined;
  };
  const walkDeep = (root: ts.Node): void => {
    const stack: Frame[] = [];
    const pushChildren = (node: ts.Node): void => {
      const start = stack.length;
      ts.forEachChild(node, (child) => {
        if (SKIPPED_KINDS[child.kind] !== 1) stack.push({ node: child, entered: false, exit: null });
      });
      // forEachChild yields children in source order; reverse them so the first is walked first.
      for (let i = start, j = stack.length - 1; i < j; i++, j--) [stack[i], stack[j]] = [stack[j]!, stack[i]!];
    };
    pushChildren(root);
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      if (frame.entered) {
        stack.pop();
        close(frame.exit);
        continue;
      }
      frame.entered = true;
      frame.exit = open(frame.node);
      pushChildren(frame.node);
    }
  };
  ts.forEachChild(state.sourceFile, visit);
}

function dispatch(state: ExtractionState, node: ts.Node, ancestors: ts.Node[], fakes: FakeLibraryLookup, diPrefix: string): void {
  const parent = ancestors[ancestors.length - 1];
  switch (node.kind) {
    case ts.SyntaxKind.ImportDeclaration: {
      const declaration = node as ts.ImportDeclaration;
      recordImportDeclaration(state, declaration);
      const specifier = (declaration.moduleSpecifier as ts.StringLiteral).text;
      if (specifier !== undefined && !declaration.importClause?.isTypeOnly) recogniseEngineImport(state, specifier, node, ancestors);
      return;
    }
    case ts.SyntaxKind.ExportDeclaration:
      recordReexport(state, node as ts.ExportDeclaration);
      return;
    case ts.SyntaxKind.ImportEqualsDeclaration:
      recordImportEquals(state, node as ts.ImportEqualsDeclaration);
      return;
    case ts.SyntaxKind.VariableDeclaration: {
      const declaration = node as ts.VariableDeclaration;
      state.declareLocal(bindingNames(declaration.name));
      recogniseTestLocal(state, declaration);
      recordVariableOrigin(state, declaration);
      if (declaration.initializer) noteStatusVariable(state, declaration);
      if (ts.isIdentifier(declaration.name)) {
        if (declaration.initializer) noteResponseBinding(state, declaration.name.text, declaration.initializer);
        else state.httpResponses.set(declaration.name.text, false);
      }
      if (declaration.initializer) noteRenderResult(state, declaration);
      if (declaration.initializer && ts.isIdentifier(declaration.name)) {
        const init = unwrap(declaration.initializer);
        state.initializers.set(declaration.name.text, init);
        if ((ts.isObjectLiteralExpression(init) && isDoubleValue(state, init, 0)) || isHelperMadeDoubleObject(state, init)) {
          state.localDoubleObjects.add(declaration.name.text);
          state.trackObject(declaration.name.text, true);
        }
      }
      // `const res = mockRes()`, `const { req, res } = httpMocks.createMocks()`: objects of doubles, like a hand-made `res`.
      if (declaration.initializer && isHttpMessageDouble(state, declaration.initializer)) {
        for (const name of bindingNames(declaration.name)) state.trackObject(name, true);
      }
      // `const { listener, msg } = await setup()`: doubles a local helper made and handed back.
      if (declaration.initializer && ts.isObjectBindingPattern(declaration.name)) trackDestructuredHelperDoubles(state, declaration);
      // `const listener = spyOnEvents(server)`: the fn double a local helper made, handed over and returned.
      else if (state.helperFunctions.size !== 0 && declaration.initializer) aliasReturnedHelperDouble(state, declaration);
      return;
    }
    case ts.SyntaxKind.FunctionDeclaration: {
      // The walk has already entered the function: its name belongs to the scope around it.
      const name = (node as ts.FunctionDeclaration).name;
      if (name) state.declareLocal([name.text], true);
      return;
    }
    case ts.SyntaxKind.CatchClause: {
      const variable = (node as ts.CatchClause).variableDeclaration;
      if (variable) state.declareLocal(bindingNames(variable.name));
      return;
    }
    case ts.SyntaxKind.ClassDeclaration: {
      const declaration = node as ts.ClassDeclaration;
      if (declaration.name) state.declareLocal([declaration.name.text]);
      if (!declaration.name) return;
      state.localClasses.add(declaration.name.text);
      for (const member of declaration.members) {
        if (!ts.isMethodDeclaration(member) || !member.name || !ts.isIdentifier(member.name) || !AUTH_METHODS.test(member.name.text)) continue;
        const allow = describeAllow(member.name.text, shapeOfFunction(member));
        if (allow) state.localClassAllows.set(declaration.name.text, allow);
      }
      return;
    }
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
      noteResponseCallback(state, node, parent);
      return;
    case ts.SyntaxKind.CallExpression:
      if (!isInnerChainPart(node, parent)) onCallTop(state, node as ts.CallExpression, ancestors, fakes);
      return;
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
      // Property-only assertions: chai `expect(x).to.be.true`, sinon-chai `expect(spy).to.have.been.called`,
      // and chai-as-promised ones a test returns or awaits (`return p.should.eventually.be.fulfilled`).
      if (parent && isPropertyAssertionSpot(node, parent)) {
        const chain = flattenChain(node as ts.Expression);
        if (chain) recogniseAssertion(state, chain);
      }
      return;
    case ts.SyntaxKind.NewExpression:
      recogniseMockConstruction(state, node as ts.NewExpression, chainContext(node, ancestors).assignedTo);
      recogniseRealConstruction(state, node as ts.NewExpression);
      recogniseWaitPromise(state, node as ts.NewExpression, ancestors);
      return;
    case ts.SyntaxKind.BinaryExpression: {
      const binary = node as ts.BinaryExpression;
      const operator = binary.operatorToken.kind;
      if (operator < ts.SyntaxKind.FirstAssignment || operator > ts.SyntaxKind.LastAssignment) return;
      recogniseStateAssignment(state, binary);
      if (operator !== ts.SyntaxKind.EqualsToken) return;
      const left = unwrap(binary.left);
      if (ts.isIdentifier(left)) {
        const right = unwrap(binary.right);
        if (state.testLocal(left.text) !== undefined) state.assignTestLocal(left.text, madeByTest(state, right));
        noteResponseBinding(state, left.text, right);
        state.initializers.set(left.text, right);
        // `res = { status: jest.fn() }` in a beforeEach is the same output channel as a `const res` in the test.
        const helperMade = isHelperMadeDoubleObject(state, right);
        if ((ts.isObjectLiteralExpression(right) && isDoubleValue(state, right, 0)) || isHttpMessageDouble(state, right) || helperMade) {
          if (ts.isObjectLiteralExpression(right) || helperMade) state.localDoubleObjects.add(left.text);
          state.trackObject(left.text, true);
        }
        if (isSandboxCreation(right)) state.sinonRoots.add(left.text);
        const source = valueSource(state, right);
        if (source) state.setOrigin(left.text, source);
      } else {
        if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword && isSandboxCreation(unwrap(binary.right))) {
          state.sinonRoots.add(left.name.text);
        }
        recogniseMemberAssignment(state, left, binary.right, node);
      }
      return;
    }
    case ts.SyntaxKind.DeleteExpression:
      recogniseStateDelete(state, node as ts.DeleteExpression);
      return;
    case ts.SyntaxKind.Identifier:
      onIdentifier(state, node as ts.Identifier, ancestors);
      return;
    case ts.SyntaxKind.ObjectLiteralExpression: {
      const object = node as ts.ObjectLiteralExpression;
      if (object.properties.some((p) => p.name && propertyKey(p.name) === 'provide')) recogniseProviderLiteral(state, object, diPrefix, ancestors);
      return;
    }
    case ts.SyntaxKind.PropertyAssignment:
      recogniseEngineProperty(state, node as ts.PropertyAssignment, ancestors);
      return;
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      if (parent && (ts.isImportDeclaration(parent) || ts.isExternalModuleReference(parent))) return;
      recogniseEngineString(state, node as ts.StringLiteralLike, ancestors);
      recogniseRealString(state, node as ts.StringLiteralLike);
      return;
    default:
      return;
  }
}

function onCallTop(state: ExtractionState, call: ts.CallExpression, ancestors: ts.Node[], fakes: FakeLibraryLookup): void {
  const required = requiredSpecifier(call);
  if (required && ts.isIdentifier(call.expression) && call.expression.text === 'require') {
    recogniseEngineImport(state, required.specifier, call, ancestors);
    if (!isDeclarationInitializer(call, ancestors)) {
      state.model.imports.push({ specifier: required.specifier, locals: [], imported: [], typeOnly: false, ...state.position(call) });
    }
    return;
  }
  const flat = flattenChain(call);
  if (!flat) return;
  const chain = canonicalChain(state, flat);
  if (recogniseStructure(state, chain)) return;
  const context = chainContext(call, ancestors);
  recogniseCompletionCall(state, chain, ancestors);
  noteHelperCalls(state, chain, call);
  const asserted = state.model.assertions.length;
  if (recogniseAssertion(state, chain)) {
    if (isFloatingAsyncExpect(chain, ancestors)) for (let i = asserted; i < state.model.assertions.length; i++) state.model.assertions[i]!.floating = true;
    else markCaughtOnly(state, chain, asserted, ancestors);
  } else recogniseImplicitCheck(state, chain, call, ancestors);
  recogniseMockChain(state, chain, context, fakes);
  recogniseStateCall(state, chain, ancestors);
  recogniseRealCall(state, chain);
  recogniseWaitCall(state, chain, ancestors);
  recogniseFixedPathWrite(state, chain);
  recogniseEngineCall(state, chain, ancestors);
}

/** Assertions that run only when the code throws (in a catch clause), and nothing else fails the test when it does not. */
function markCaughtOnly(state: ExtractionState, chain: Chain, from: number, ancestors: ts.Node[]): void {
  const assertions = state.model.assertions;
  for (let i = from; i < assertions.length; i++) {
    const assertion = assertions[i]!;
    if (isCaughtOnlyCheck(state, chain, assertion.subjectRoot, assertion.matcher, ancestors)) assertion.caught = true;
  }
}

/**
 * Where a property chain ending the expression can be an assertion: a statement of its own, or
 * what a test returns or awaits, or an arrow's body (chai-as-promised's property forms,
 * `return expect(p).to.be.fulfilled`, `await p.should.be.rejected`, `() => p.should.be.fulfilled`).
 */
function isPropertyAssertionSpot(node: ts.Node, parent: ts.Node): boolean {
  return ts.isExpressionStatement(parent) || ts.isReturnStatement(parent) || ts.isAwaitExpression(parent) || (ts.isArrowFunction(parent) && parent.body === node);
}

/**
 * `expect(p).resolves.toEqual(x);` as a statement of its own: nothing awaits or returns the
 * promise the matcher makes, so the test ends before it settles and cannot fail by it.
 */
function isFloatingAsyncExpect(chain: Chain, ancestors: ts.Node[]): boolean {
  const parent = ancestors[ancestors.length - 1];
  if (!parent || !ts.isExpressionStatement(parent) || chain.root !== 'expect') return false;
  const names = chain.names;
  return names[1] === 'resolves' || names[1] === 'rejects';
}

/**
 * `export * from 'msw'`, `export { rest } from 'msw'`, and `export { rest }` of a name imported
 * from a package: what other files may import from this one as if from the package.
 */
function recordReexport(state: ExtractionState, declaration: ts.ExportDeclaration): void {
  if (declaration.isTypeOnly) return;
  const clause = declaration.exportClause;
  if (declaration.moduleSpecifier && ts.isStringLiteral(declaration.moduleSpecifier)) {
    const specifier = declaration.moduleSpecifier.text;
    if (!clause) state.model.reexports.push({ specifier, names: null });
    else if (ts.isNamedExports(clause)) {
      const names = clause.elements.filter((e) => !e.isTypeOnly && (e.propertyName ?? e.name).text === e.name.text).map((e) => e.name.text);
      if (names.length) state.model.reexports.push({ specifier, names });
    }
    return;
  }
  if (!clause || !ts.isNamedExports(clause)) return;
  for (const element of clause.elements) {
    if (element.isTypeOnly) continue;
    const origin = state.originOf((element.propertyName ?? element.name).text);
    if (!origin?.module || origin.instance || origin.name !== element.name.text) continue;
    const known = state.model.reexports.find((r) => r.specifier === origin.module && r.names !== null);
    if (known) known.names!.push(origin.name);
    else state.model.reexports.push({ specifier: origin.module, names: [origin.name] });
  }
}

/** Aliases of the runner objects read as the runner: `import { vitest } from 'vitest'` is `vi`. */
const RUNNER_ALIASES: Record<string, Record<string, string>> = {
  vitest: { vi: 'vi', vitest: 'vi' },
  '@jest/globals': { jest: 'jest' },
  sinon: { default: 'sinon', '*': 'sinon' },
};

function canonicalChain(state: ExtractionState, chain: Chain): Chain {
  if (!chain.root) return chain;
  const origin = state.originOf(chain.root);
  if (!origin?.module || origin.instance) return chain;
  const canonical = RUNNER_ALIASES[origin.module]?.[origin.name];
  if (!canonical || canonical === chain.root) return chain;
  const [first, ...rest] = chain.links;
  return rechain(chain, canonical, [{ ...first!, name: canonical }, ...rest]);
}

/**
 * `const { status } = await request(…)`, `const code = res.statusCode` with `res` a response: later
 * assertions on the variable check an HTTP status. A name bound to anything else no longer does.
 */
function noteStatusVariable(state: ExtractionState, declaration: ts.VariableDeclaration): void {
  const name = declaration.name;
  const init = unwrap(declaration.initializer!);
  if (ts.isIdentifier(name)) {
    const read = ts.isPropertyAccessExpression(init) && (init.name.text === 'status' || init.name.text === 'statusCode') && isHttpResponse(state, init.expression);
    if (read) state.statusNames.add(name.text);
    else state.statusNames.delete(name.text);
    return;
  }
  if (!ts.isObjectBindingPattern(name)) return;
  const fromResponse = isHttpResponse(state, init);
  for (const element of name.elements) {
    const key = element.propertyName ?? element.name;
    if (!ts.isIdentifier(key) || !ts.isIdentifier(element.name)) continue;
    if (fromResponse && (key.text === 'status' || key.text === 'statusCode')) state.statusNames.add(element.name.text);
    else state.statusNames.delete(element.name.text);
  }
}

/**
 * `const { getByText } = render(<X />)`, `const view = render(<X />)` with render from Testing
 * Library (or a local helper in a file that imports Testing Library): the queries it binds throw
 * when nothing matches. Other renderers (vitest-browser-react) return lazy locators instead.
 */
function noteRenderResult(state: ExtractionState, declaration: ts.VariableDeclaration): void {
  const init = unwrap(declaration.initializer!);
  if (!ts.isCallExpression(init)) return;
  const callee = unwrap(init.expression);
  if (!ts.isIdentifier(callee)) return;
  const fromLibrary = isTestingLibrary(state.importedModule(callee.text));
  const localHelper = state.helperNames.has(callee.text) && /render|mount|setup/i.test(callee.text) && state.model.imports.some((i) => isTestingLibrary(i.specifier));
  if (!fromLibrary && !localHelper) return;
  const name = declaration.name;
  if (ts.isIdentifier(name)) {
    state.renderResults.add(name.text);
    return;
  }
  if (!ts.isObjectBindingPattern(name)) return;
  for (const element of name.elements) {
    const key = element.propertyName ?? element.name;
    if (ts.isIdentifier(key) && ts.isIdentifier(element.name) && THROWING_QUERY.test(key.text)) state.renderQueryNames.add(element.name.text);
  }
}

/** Calls to local helpers are followed; unknown helpers named like assertions count as assertions. */
function noteHelperCalls(state: ExtractionState, chain: Chain, call: ts.CallExpression): void {
  const first = chain.links[0]!;
  if (chain.root && first.call && state.helperNames.has(chain.root)) {
    state.noteHelperCall(chain.root);
    return;
  }
  if (chain.links.length <= 2 && chain.links[chain.links.length - 1]!.call === call) recogniseAssertingHelper(state, call);
}

/** The variable a call's value is stored in: `const x = await jest.spyOn(...)`, `x = sinon.stub(...)`. */
function chainContext(call: ts.Node, ancestors: ts.Node[]): ChainContext {
  let child: ts.Node = call;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const above = ancestors[i]!;
    if (ts.isAwaitExpression(above) || ts.isParenthesizedExpression(above) || ts.isAsExpression(above) || ts.isNonNullExpression(above) || ts.isSatisfiesExpression(above)) {
      child = above;
      continue;
    }
    if (ts.isVariableDeclaration(above) && above.initializer === child && ts.isIdentifier(above.name)) {
      return { assignedTo: above.name.text, declaredType: above.type ?? null };
    }
    if (ts.isBinaryExpression(above) && above.operatorToken.kind === ts.SyntaxKind.EqualsToken && above.right === child) {
      const left = unwrap(above.left);
      if (ts.isIdentifier(left)) return { assignedTo: left.text, declaredType: null };
      // Mocha tests keep doubles on the context: `this.stub = sinon.stub(...)` is used as `this.stub`.
      if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword) {
        return { assignedTo: left.name.text, declaredType: null };
      }
    }
    break;
  }
  return { assignedTo: null, declaredType: null };
}

function isDeclarationInitializer(call: ts.Node, ancestors: ts.Node[]): boolean {
  const parent = ancestors[ancestors.length - 1];
  return !!parent && ts.isVariableDeclaration(parent) && parent.initializer === call;
}

function onIdentifier(state: ExtractionState, node: ts.Identifier, ancestors: ts.Node[]): void {
  const parent = ancestors[ancestors.length - 1];
  if (!parent) return;
  // The name after a dot (`db.query`) refers to no binding: the commonest identifier, done at once.
  if (parent.kind === ts.SyntaxKind.PropertyAccessExpression && (parent as ts.PropertyAccessExpression).name === node) return;
  const name = node.text;
  recogniseIdentifier(state, node, name, ancestors);
  if (state.importLocals.has(name) && isValueReference(node, parent)) state.noteImportUse(name, readsDataOnly(node, ancestors));
  if (state.trackedUseNames.has(name)) noteHandOver(state, node, name, ancestors);
  if (name === state.testContextParam) recogniseCompletionListener(state, node, ancestors);
  if (name === 'HttpClientTestingModule' || name === 'provideHttpClientTesting') {
    if (!ts.isImportSpecifier(parent)) recogniseAngularHttpTesting(state, node);
  }
}

/**
 * How a tracked variable is handed over. Handed to a call (`handler(req, res)`) or spread into a
 * component's props (`<Form {...props} />`): the unit writes its output into it. Handed to `new` or
 * placed in a provider or array: it stands in for a dependency. A bare fn double handed to a call,
 * a JSX attribute or `new` is a callback. Placed in an object bound to a variable (`const props =
 * { onClose }`), it goes where that object goes. Passing it to the test runner itself (`expect(res)`,
 * `jest.spyOn(res, 'send')`) hands it to no unit.
 */
function noteHandOver(state: ExtractionState, node: ts.Identifier, name: string, ancestors: ts.Node[]): void {
  const key = state.bindingKey(name);
  const parent = ancestors[ancestors.length - 1]!;
  if (ts.isPropertyAccessExpression(parent)) {
    noteMemberHandOver(state, key, ancestors);
    return;
  }
  const handOver = handOverOf(node, ancestors, ancestors.length - 1);
  if (!handOver) return;
  if (handOver.kind === 'contained') {
    if (state.objectUse.has(key) || state.fnDoubleUse.has(key)) state.noteContainedIn(key, handOver.container, handOver.path);
    return;
  }
  const objectUse = state.objectUse.get(key);
  if (objectUse) {
    if (handOver.kind === 'argument') objectUse.asArgument = true;
    else if (handOver.kind === 'dependency') objectUse.asDependency = true;
  }
  if (state.fnDoubleUse.has(key)) state.noteFnDoubleUse(key, handOver.kind === 'dependency' && !handOver.constructed ? 'object' : 'argument');
}

/**
 * `onSubmit={props.onSubmit}`, `useForm(props.onSubmit)`: part of an object of doubles (or of an
 * object holding them) handed to the unit on its own. Only what reaches a call or a JSX attribute
 * is recorded; the rest of the object is not handed over by it.
 */
function noteMemberHandOver(state: ExtractionState, key: string, ancestors: ts.Node[]): void {
  const use = state.objectUse.get(key);
  if (!use || (!use.double && !state.containerKeys.has(key))) return;
  // The identifier is the object of its parent, a property access; follow `props.a.b` to its end.
  let i = ancestors.length - 1;
  let child = ancestors[i] as ts.PropertyAccessExpression;
  const path = [child.name.text];
  for (i--; i >= 0; i--) {
    const above = ancestors[i]!;
    if (!ts.isPropertyAccessExpression(above) || above.expression !== child) break;
    path.push(above.name.text);
    child = above;
  }
  const handOver = handOverOf(child, ancestors, i);
  if (handOver && (handOver.kind === 'argument' || handOver.kind === 'attribute')) state.memberHandOvers.add(`${key}.${path.join('.')}`);
}

type HandOver =
  | { kind: 'argument' }
  /** A JSX attribute's value (`onSubmit={onSubmit}`): a callback for a fn double, nothing yet for an object. */
  | { kind: 'attribute' }
  /** `constructed`: handed to `new`, where a bare fn double is still a callback. */
  | { kind: 'dependency'; constructed: boolean }
  | { kind: 'contained'; container: string; path: string | null };

const ARGUMENT: HandOver = { kind: 'argument' };
const ATTRIBUTE: HandOver = { kind: 'attribute' };

/**
 * Where the value `node` (whose parent is `ancestors[index]`) goes, past parentheses and type
 * assertions (`handler(req, res as Response)`); null when it goes to no unit.
 */
function handOverOf(node: ts.Node, ancestors: ts.Node[], index: number): HandOver | null {
  const [child, i] = climbWrappers(node, ancestors, index);
  const parent = ancestors[i];
  if (!parent) return null;
  if (ts.isCallExpression(parent)) {
    if (!parent.arguments.includes(child as ts.Expression) || isRunnerCall(parent)) return null;
    // `find.mockResolvedValue(qb)`, `stub.returns(client)`: a double hands it back, the test hands it to no unit.
    return givesBehaviour(parent) ? null : ARGUMENT;
  }
  if (ts.isNewExpression(parent)) return parent.arguments?.includes(child as ts.Expression) ? { kind: 'dependency', constructed: true } : null;
  if (ts.isJsxExpression(parent)) return ATTRIBUTE;
  // `<Form {...props} />`: the component receives every property as a prop.
  if (ts.isJsxSpreadAttribute(parent)) return ARGUMENT;
  if (ts.isArrayLiteralExpression(parent)) return { kind: 'dependency', constructed: false };
  const inProperty = (ts.isPropertyAssignment(parent) && parent.initializer === child) || ts.isShorthandPropertyAssignment(parent);
  if (!inProperty && !ts.isSpreadAssignment(parent)) return null;
  const path = ts.isSpreadAssignment(parent) ? null : propertyKey(parent.name);
  if (path === null && !ts.isSpreadAssignment(parent)) return { kind: 'dependency', constructed: false };
  const holder = holderOf(ancestors, i - 1);
  if (holder.kind === 'variable') return { kind: 'contained', container: holder.name, path };
  if (holder.kind === 'runner') return null;
  // `useThing({ onSuccess })`, `<List options={{ onError: spy }} />`: a callback in the options the unit is given.
  if (path !== null && CALLBACK_KEY.test(path) && (holder.kind === 'argument' || inJsxAttribute(ancestors, i - 1))) return ARGUMENT;
  if (path !== null) return { kind: 'dependency', constructed: false };
  // `handler({ ...deps })`, `<Form {...{ ...baseProps, title }} />`: the unit receives the doubles spread into its argument.
  return holder.kind === 'argument' ? ARGUMENT : null;
}

/** Option keys that name a callback the unit calls back: `onSuccess`, `onError`, `callback`, `cb`. */
const CALLBACK_KEY = /^(on[A-Z]\w*|callback|cb)$/;

/** The object literal at `ancestors[index]` is a JSX attribute's value: `options={{ onSuccess }}`. */
function inJsxAttribute(ancestors: ts.Node[], index: number): boolean {
  const literal = ancestors[index];
  if (!literal) return false;
  const [, i] = climbWrappers(literal, ancestors, index - 1);
  const above = ancestors[i];
  return !!above && ts.isJsxExpression(above);
}

/** What holds the object literal at `ancestors[index]`: a variable, a call's argument or JSX spread, the test runner, or something else. */
function holderOf(ancestors: ts.Node[], index: number): { kind: 'variable'; name: string } | { kind: 'argument' | 'runner' | 'other' } {
  const literal = ancestors[index];
  if (!literal || !ts.isObjectLiteralExpression(literal)) return { kind: 'other' };
  const [child, i] = climbWrappers(literal, ancestors, index - 1);
  const above = ancestors[i];
  if (!above) return { kind: 'other' };
  if (ts.isVariableDeclaration(above) && above.initializer === child && ts.isIdentifier(above.name)) return { kind: 'variable', name: above.name.text };
  if (ts.isBinaryExpression(above) && above.operatorToken.kind === ts.SyntaxKind.EqualsToken && above.right === child && ts.isIdentifier(above.left)) {
    return { kind: 'variable', name: above.left.text };
  }
  if (ts.isCallExpression(above) && above.arguments.includes(child as ts.Expression)) {
    return { kind: isRunnerCall(above) ? 'runner' : givesBehaviour(above) ? 'other' : 'argument' };
  }
  if (ts.isJsxSpreadAttribute(above)) return { kind: 'argument' };
  return { kind: 'other' };
}

/** Behaviour given to a double with a value it hands back or runs: `mockReturnValue(x)`, `returns(x)`, `callsFake(fn)`. */
function givesBehaviour(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && (BEHAVIOUR_METHODS[callee.name.text] !== undefined || VALUE_BEHAVIOURS.has(callee.name.text));
}

const RUNNER_ROOTS = new Set(['expect', 'jest', 'vi', 'sinon', 'td', 'assert', 'chai', 'spyOn', 'mockReset', 'mockClear']);

/** `expect(x)`, `jest.spyOn(x, 'm')`, `vi.mocked(x)`, `sinon.stub(x)`: the runner, not the unit, receives x. */
function isRunnerCall(call: ts.CallExpression): boolean {
  let callee: ts.Expression = call.expression;
  while (ts.isPropertyAccessExpression(callee) || ts.isCallExpression(callee)) callee = callee.expression;
  return ts.isIdentifier(callee) && RUNNER_ROOTS.has(callee.text);
}

/** An identifier used as a value (not a declaration, property name or type). */
/**
 * True when an imported name is only read through (`const user = fixtures.admin`): a chain of
 * property reads whose value is neither called nor handed to a call, nor destructured. Anything
 * else (a call, an argument, a JSX attribute…) may run code from the module.
 */
function readsDataOnly(node: ts.Identifier, ancestors: ts.Node[]): boolean {
  let top: ts.Node = node;
  let i = ancestors.length - 1;
  for (; i >= 0; i--) {
    const above = ancestors[i]!;
    if ((ts.isPropertyAccessExpression(above) || ts.isElementAccessExpression(above)) && above.expression === top) top = above;
    else if (ts.isNonNullExpression(above) || ts.isParenthesizedExpression(above)) top = above;
    else break;
  }
  if (top === node) return false;
  const above = ancestors[i];
  if (!above) return false;
  if (ts.isVariableDeclaration(above)) return above.initializer === top && ts.isIdentifier(above.name);
  return (
    ts.isTemplateSpan(above) ||
    ts.isBinaryExpression(above) ||
    ts.isPrefixUnaryExpression(above) ||
    ts.isConditionalExpression(above) ||
    ts.isIfStatement(above) ||
    ts.isReturnStatement(above)
  );
}

function isValueReference(node: ts.Identifier, parent: ts.Node): boolean {
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isImportEqualsDeclaration(parent)) return false;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === node;
  if ((ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent) || ts.isBindingElement(parent)) && parent.name === node) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent) || ts.isTypeQueryNode(parent) || ts.isExpressionWithTypeArguments(parent)) return false;
  return true;
}

/** How DI provider doubles are named in this file: after the framework whose testing module it imports. */
function dependencyInjectionPrefix(state: ExtractionState): string {
  for (const statement of state.sourceFile.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
    if (specifier === '@nestjs/testing') return 'nestjs';
    if (specifier === '@angular/core/testing') return 'angular';
  }
  return 'di';
}
