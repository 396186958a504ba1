/**
 * Mock sites: every mainstream way a test replaces a real dependency, normalised into
 * {mechanism, family, target, replacement}. Plain callback doubles (`jest.fn()`) and spies that
 * only observe are not sites.
 */
import { posix } from 'node:path';
import { ts } from '../typescript.js';
import type { MockFamily, MockSite, MockTarget, Origin, Replacement, ReturnShape } from '../model/test-model.js';
import { factoryResult, replacedOverActual } from './settings-override.js';
import { anyNode, dottedName, flattenChain, isFunctionLike, literalText, propertyKey, rechain, rootIdentifier, unwrap, type Chain } from './chain.js';
import { requiredSpecifier, valueSource } from './imports.js';
import { addsEnhancer, providerBesideImportsOnly } from './nest-testing-module.js';
import { chainOnlyFails } from './faults.js';
import { callsThroughOriginal } from './call-through.js';
import { typeNodeName } from './types.js';
import { AUTH_METHODS, describeAllow } from '../model/auth-allow.js';
import { allowsInObject, shapeOfDouble, shapeOfFunction, shapeOfValue } from './returns.js';
import type { ExtractionState } from './state.js';
import { isListenerAssignment } from './listeners.js';
import {
  BEHAVIOUR_METHODS,
  HTTP_MESSAGE_DOUBLES,
  HTTP_METHODS,
  isFnDoubleChain,
  JASMINE_BEHAVIOURS,
  SINON_BEHAVIOURS,
  headPath,
} from './vocabulary.js';
import { lookupTable } from '../lookup-table.js';

/** Fake libraries, by package: recognised at their import, refined by their use. */
export interface FakeLibraryLookup {
  (specifier: string): { fakes: string } | null;
}

const MODULE_MOCKERS = new Set(['mock', 'doMock', 'unstable_mockModule', 'setMock', 'createMockFromModule', 'genMockFromModule']);
const DEEP_DOUBLE_FACTORIES: Record<string, Set<string>> = lookupTable({
  'jest-mock-extended': new Set(['mock', 'mockDeep']),
  'vitest-mock-extended': new Set(['mock', 'mockDeep']),
  '@golevelup/ts-jest': new Set(['createMock']),
  '@golevelup/ts-vitest': new Set(['createMock']),
  '@golevelup/nestjs-testing': new Set(['createMock']),
  'ts-mockito': new Set(['mock']),
  '@typestrong/ts-mockito': new Set(['mock']),
  '@fluffy-spoon/substitute': new Set(['for']),
});

const CLOCK_CALLS = new Set([
  'jest.useFakeTimers',
  'vi.useFakeTimers',
  'jest.setSystemTime',
  'vi.setSystemTime',
  'sinon.useFakeTimers',
  'mock.timers.enable',
  'jasmine.clock.install',
  'jasmine.clock.mockDate',
  'page.clock.install',
  'page.clock.setFixedTime',
  'cy.clock',
]);
/** Globals whose replacement fakes a boundary (and is reported as a mock site). */
const BOUNDARY_GLOBALS: Record<string, string> = lookupTable({
  fetch: 'fetch',
  XMLHttpRequest: 'fetch',
  WebSocket: 'fetch',
  EventSource: 'fetch',
  Date: 'Date',
});
const GLOBAL_OBJECTS = new Set(['global', 'globalThis', 'window', 'self']);
/** Replacements that silence or stand in for the test environment rather than a dependency. */
const BENIGN_OBJECTS = new Set(['console', 'Math']);
const BENIGN_MEMBERS = new Set([
  'process.exit',
  'process.stdout.write',
  'process.stderr.write',
  'window.alert',
  'window.confirm',
  'window.prompt',
  'window.scrollTo',
  'window.matchMedia',
  'window.open',
  'window.print',
  'global.console',
]);

export interface ChainContext {
  /** The variable a chain's value is stored in (`const spy = jest.spyOn(...)`), if any. */
  assignedTo: string | null;
  /** That variable's declared type (`const repo: MockProxy<Repo> = mock()`), if any. */
  declaredType: ts.TypeNode | null;
}

function addSite(
  state: ExtractionState,
  node: ts.Node,
  mechanism: string,
  family: MockFamily,
  target: MockTarget,
  replacement: Replacement,
  extra: Partial<Pick<MockSite, 'fakeLibrary' | 'benign' | 'allows' | 'fault' | 'replacedMembers'>> = {},
): MockSite {
  const site: MockSite = { mechanism, family, target, replacement, owner: state.owner, ...state.position(node), ...extra };
  if (target.kind === 'member') {
    const root = target.object.split('.')[0]!;
    if (target.object.startsWith('new ') || state.originOf(root)?.constructed) site.selfMade = true;
    if (state.owner.kind === 'test' && state.objectMadeInTest(target.object)) site.madeInTest = true;
  }
  state.model.mocks.push(site);
  return site;
}

/** Recognises mock sites made by a call chain. */
export function recogniseMockChain(state: ExtractionState, fullChain: Chain, context: ChainContext, fakes: FakeLibraryLookup): void {
  const chain = withoutThis(state, fullChain);
  if (!chain.root) return;
  const names = chain.names;
  if (context.assignedTo && isFnDoubleChain(chain, state.sinonRoots)) {
    state.doubleNames.add(context.assignedTo);
    state.trackFnDouble(context.assignedTo);
  }
  const before = state.model.mocks.length;
  recogniseMockSites(state, chain, names, context, fakes);
  // A double made inside this one (a module factory, a value it returns) is part of it.
  if (state.model.mocks.length > before) {
    const last = chain.links[chain.links.length - 1]!;
    const top = last.call ?? last.node;
    state.doubleRanges.push({ pos: top.pos, end: top.end, site: state.model.mocks[before]! });
  }
}

function recogniseMockSites(state: ExtractionState, chain: Chain, names: string[], context: ChainContext, fakes: FakeLibraryLookup): void {
  moduleReplacement(state, chain, names, fakes) ||
    nodeTestMock(state, chain, names, context) ||
    spyReplacement(state, chain, names, context) ||
    sinonReplacement(state, chain, names, context) ||
    deepDouble(state, chain, names, context) ||
    loaderReplacement(state, chain, names, context) ||
    networkInterception(state, chain, names, context) ||
    dependencyOverride(state, chain, names) ||
    clockReplacement(state, chain, names, context) ||
    fakeLibraryUse(state, chain, names);
}

/** Mocha keeps sandboxes on the test context: `this.sandbox.stub(...)` is `sandbox.stub(...)`. */
function withoutThis(state: ExtractionState, chain: Chain): Chain {
  if (chain.root !== 'this' || chain.links.length < 3) return chain;
  const second = chain.links[1]!;
  if (!state.sinonRoots.has(second.name)) return chain;
  return rechain(chain, second.name, chain.links.slice(1));
}

// ---- module replacement ----------------------------------------------------------------

function moduleReplacement(state: ExtractionState, chain: Chain, names: string[], fakes: FakeLibraryLookup): boolean {
  const root = names[0]!;
  if ((root !== 'jest' && root !== 'vi') || !MODULE_MOCKERS.has(names[1] ?? '') || !chain.links[1]!.call) return false;
  const call = chain.links[1]!.call;
  const specifier = specifierArgument(call.arguments[0]);
  if (specifier === null) return true;
  const second = call.arguments[1] ? unwrap(call.arguments[1]) : undefined;
  // vi.mock(path, { spy: true }) keeps the real implementations and only records calls.
  if (second && ts.isObjectLiteralExpression(second) && hasTrueProperty(second, 'spy')) return true;
  const method = names[1]!;
  let replacement: Replacement = 'automock';
  if (method === 'setMock') replacement = 'value';
  else if (second && (isFunctionLike(second) || ts.isObjectLiteralExpression(second))) replacement = 'factory';
  // The real module with a setting changed (`{ ...actual, POLL_MS: 20 }`) fakes nothing; with a
  // few members replaced (`{ ...actual, useNavigate: () => navigate }`), only those.
  const replacedMembers = replacement === 'factory' ? replacedOverActual(second!, specifier) : null;
  if (replacedMembers?.length === 0) return true;
  const fakeLibrary = second ? findFakeLibraryIn(second, fakes, state) : null;
  const allows = second && replacement === 'factory' ? allowsInFactory(state, second) : null;
  addSite(state, call, `${root}.${method}`, 'module', { kind: 'module', specifier }, replacement, {
    ...(fakeLibrary ? { fakeLibrary } : {}),
    ...(allows ? { allows } : {}),
    ...(replacedMembers ? { replacedMembers } : {}),
  });
  return true;
}

/** What a module factory returns, if it lets every caller through: exports that always allow, or a middleware. */
function allowsInFactory(state: ExtractionState, factory: ts.Expression): string | null {
  const produced = isFunctionLike(factory) ? factoryResult(factory) : factory;
  if (!produced) return null;
  const value = unwrap(produced);
  if (ts.isObjectLiteralExpression(value)) return allowsInObject(value, state.sinonRoots);
  if (isFunctionLike(value) && shapeOfFunction(value) === 'next') return 'the exported middleware always calls next()';
  return null;
}

function specifierArgument(arg: ts.Expression | undefined): string | null {
  if (!arg) return null;
  const text = literalText(arg);
  if (text !== null) return text;
  // vi.mock(import('./x'), ...)
  const required = requiredSpecifier(arg);
  return required?.specifier ?? null;
}

function hasTrueProperty(object: ts.ObjectLiteralExpression, name: string): boolean {
  return object.properties.some(
    (p) => ts.isPropertyAssignment(p) && propertyKey(p.name) === name && p.initializer.kind === ts.SyntaxKind.TrueKeyword,
  );
}

function findFakeLibraryIn(node: ts.Node, fakes: FakeLibraryLookup, state?: ExtractionState): string | null {
  let found: string | null = null;
  anyNode(node, (n) => {
    if (ts.isIdentifier(n) && state) {
      // `jest.mock('nodemailer', () => nodemailerMock)` with nodemailerMock imported from the fake.
      const module = state.originOf(n.text)?.module;
      if (module && fakes(module)) found = module;
      return found !== null;
    }
    if (!ts.isCallExpression(n)) return false;
    const required = requiredSpecifier(n);
    if (required && fakes(required.specifier)) found = required.specifier;
    return found !== null;
  });
  return found;
}

// ---- node:test ---------------------------------------------------------------------------

function nodeTestMock(state: ExtractionState, chain: Chain, names: string[], context: ChainContext): boolean {
  const mockIndex = names.indexOf('mock');
  if (mockIndex < 0 || mockIndex > 1 || names.length < mockIndex + 2) return false;
  const root = names[0]!;
  const origin = state.originOf(root);
  const isNodeTest =
    (mockIndex === 0 && origin?.module !== undefined && /^(node:)?test$/.test(origin.module ?? '')) ||
    (mockIndex === 1 && (root === state.testContextParam || root === 't' || root === 'context'));
  // Bun's `mock.module('./db', factory)` replaces a module like node:test's; its `mock` has no method doubles.
  const isBun = !isNodeTest && mockIndex === 0 && origin?.module === 'bun:test' && names[1] === 'module';
  if (!isNodeTest && !isBun) return false;
  const method = names[mockIndex + 1]!;
  const link = chain.links[mockIndex + 1]!;
  if (!link.call) return false;
  const args = link.call.arguments;
  // t.mock belongs to the test context and is restored when the test ends; the module-level mock is not.
  const prefix = isBun ? 'bun:test mock' : mockIndex === 1 ? 'node:test t.mock' : 'node:test mock';
  if (method === 'module') {
    const specifier = literalText(args[0]);
    if (specifier !== null) addSite(state, link.call, `${prefix}.module`, 'module', { kind: 'module', specifier }, 'factory');
    return true;
  }
  if (method === 'method' || method === 'getter' || method === 'setter' || method === 'property') {
    const target = memberTarget(state, args[0], args[1]);
    if (!target) return true;
    // t.mock.method(obj, 'm').mock.mockImplementation(fn) gives the behaviour afterwards.
    const later = names.slice(mockIndex + 2).some((n) => n.startsWith('mockImplementation'));
    if (args.length >= 3 || later) {
      addSite(state, link.call, `${prefix}.${method}`, 'method', target, 'implementation', benignFlag(target));
    } else {
      pendSpy(state, link.call, `${prefix}.${method}`, target, context.assignedTo);
    }
    return true;
  }
  if (method === 'timers' && names[mockIndex + 2] === 'enable') {
    addClockSite(state, chain.links[mockIndex + 2]!.call ?? link.call, `${prefix}.timers`, 'fake-timers');
    return true;
  }
  if (method === 'fn' && context.assignedTo) state.doubleNames.add(context.assignedTo);
  return method === 'fn';
}

// ---- spies and method replacement ------------------------------------------------------------

function spyReplacement(state: ExtractionState, chain: Chain, names: string[], context: ChainContext): boolean {
  let spyIndex = -1;
  let mechanism = '';
  let jasmineStyle = false;
  if ((names[0] === 'jest' || names[0] === 'vi') && names[1] === 'spyOn' && chain.links[1]!.call) {
    spyIndex = 1;
    mechanism = `${names[0]}.spyOn`;
  } else if ((names[0] === 'jest' || names[0] === 'vi') && names[1] === 'replaceProperty' && chain.links[1]!.call) {
    const call = chain.links[1]!.call;
    const target = memberTarget(state, call.arguments[0], call.arguments[1]);
    if (target) addSite(state, call, `${names[0]}.replaceProperty`, 'method', target, 'value', benignFlag(target));
    return true;
  } else if (names[0] === 'spyOn' && chain.links[0]!.call && !state.originOf('spyOn')?.instance) {
    spyIndex = 0;
    // Imported (bun:test, @jest/globals, vitest): named after its module; a global is Jasmine's.
    const module = state.originOf('spyOn')?.module;
    mechanism = module ? `${module} spyOn` : 'jasmine spyOn';
    jasmineStyle = !state.originOf('spyOn');
  } else if (names[0] === 'spyOnProperty' && chain.links[0]!.call) {
    spyIndex = 0;
    mechanism = 'jasmine spyOnProperty';
    jasmineStyle = true;
  }
  if (spyIndex < 0) return false;
  const call = chain.links[spyIndex]!.call!;
  const target = memberTarget(state, call.arguments[0], call.arguments[1]);
  if (!target) return true;
  if (context.assignedTo) {
    state.doubleNames.add(context.assignedTo);
    if (target.kind === 'member') {
      noteSpyTarget(state, context.assignedTo, target);
      state.doubleSubjects.set(state.bindingKey(context.assignedTo), `${target.object}.${target.member}`);
    }
  }
  let replacement: Replacement | null = null;
  for (let i = spyIndex + 1; i < names.length; i++) {
    const behaviour = BEHAVIOUR_METHODS[names[i]!];
    if (behaviour) {
      replacement = behaviour.replacement;
      break;
    }
    if (names[i] === 'and') {
      const next = names[i + 1];
      if (next === 'callThrough') {
        replacement = null;
        jasmineStyle = false;
        break;
      }
      if (next && JASMINE_BEHAVIOURS[next]) {
        replacement = JASMINE_BEHAVIOURS[next]!;
        break;
      }
    }
  }
  // A Jasmine spy without callThrough stubs the method (returns undefined).
  if (!replacement && jasmineStyle) replacement = 'stub';
  if (replacement) {
    const fault = chainOnlyFails(chain, spyIndex, (n) => BEHAVIOUR_METHODS[n] !== undefined || JASMINE_BEHAVIOURS[n] !== undefined);
    addSite(state, call, mechanism, 'method', target, replacement, { ...benignFlag(target), ...chainAllows(chain, spyIndex, target), ...(fault ? { fault } : {}) });
  } else pendSpy(state, call, mechanism, target, context.assignedTo);
  return true;
}

function sinonReplacement(state: ExtractionState, chain: Chain, names: string[], context: ChainContext): boolean {
  // mock.expects('save') on a sinon.mock kept in a variable
  if (state.sinonMocks.has(names[0]!) && names[1] === 'expects' && chain.links[1]!.call) {
    const call = chain.links[1]!.call;
    const object = state.sinonMockTargets.get(names[0]!);
    addSite(state, call, 'sinon.mock', 'method', { kind: 'member', object: object?.object ?? names[0]!, member: literalText(call.arguments[0]) ?? '*', origin: object?.origin ?? null }, 'stub');
    return true;
  }
  let method: string | null = null;
  let index = 1;
  if (state.sinonRoots.has(names[0]!) && chain.links[1]?.call) method = names[1]!;
  else {
    const origin = state.originOf(names[0]!);
    if (origin?.module === 'sinon' && !origin.instance && chain.links[0]!.call) {
      method = origin.name;
      index = 0;
    }
  }
  if (!method) return false;
  const call = chain.links[index]!.call!;
  const args = call.arguments;
  const mechanism = `sinon.${method}`;
  // sinon.mock(obj) replaces nothing until an expectation is set: sinon.mock(obj).expects('save').
  if (method === 'mock' && !names.slice(index + 1).includes('expects')) {
    const target = args[0] ? memberTarget(state, args[0], undefined) : null;
    if (context.assignedTo && target?.kind === 'member') {
      state.sinonMocks.add(context.assignedTo);
      state.sinonMockTargets.set(context.assignedTo, { object: target.object, origin: target.origin });
    }
    return true;
  }
  if (method === 'stub' || method === 'mock') {
    if (args.length === 0) return true; // a free-standing stub: a callback double
    if (context.assignedTo) state.doubleNames.add(context.assignedTo);
    const expects = method === 'mock' ? chain.links[names.indexOf('expects', index)]?.call?.arguments[0] : undefined;
    const target = args.length >= 2 ? memberTarget(state, args[0], args[1]) : memberTarget(state, args[0], expects);
    if (!target) return true;
    if (context.assignedTo && method === 'stub' && args.length >= 2 && target.kind === 'member') {
      state.doubleSubjects.set(state.bindingKey(context.assignedTo), `${target.object}.${target.member}`);
    }
    let replacement: Replacement = 'stub';
    for (const name of names.slice(index + 1)) {
      const behaviour = SINON_BEHAVIOURS[name];
      if (behaviour) {
        replacement = behaviour;
        break;
      }
    }
    const fault = chainOnlyFails(chain, index, (n) => SINON_BEHAVIOURS[n] !== undefined || n === 'throwsException' || n === 'throwsArg');
    addSite(state, call, mechanism, 'method', target, replacement, { ...benignFlag(target), ...chainAllows(chain, index, target), ...(fault ? { fault } : {}) });
    return true;
  }
  if (method === 'replace' || method === 'replaceGetter' || method === 'replaceSetter') {
    const target = memberTarget(state, args[0], args[1]);
    if (target) addSite(state, call, mechanism, 'method', target, 'implementation', benignFlag(target));
    return true;
  }
  if (method === 'createStubInstance') {
    if (context.assignedTo) state.doubleNames.add(context.assignedTo);
    const arg = args[0] ? unwrap(args[0]) : undefined;
    const name = arg ? dottedName(arg) : null;
    if (name) addSite(state, call, mechanism, 'deep-double', typeTarget(state, name), 'deep-double');
    return true;
  }
  if (method === 'useFakeTimers') {
    addClockSite(state, call, 'sinon.useFakeTimers', 'fake-timers');
    if (context.assignedTo) state.doubleNames.add(context.assignedTo);
    return true;
  }
  if (method === 'spy' && context.assignedTo) state.doubleNames.add(context.assignedTo);
  // sinon.spy(obj, 'm') wraps the real method and cannot be given behaviour: it only observes.
  if (method === 'spy' && args.length >= 2) {
    const target = memberTarget(state, args[0], args[1]);
    if (target?.kind === 'member') {
      if (context.assignedTo) noteSpyTarget(state, context.assignedTo, target);
      pendSpy(state, call, mechanism, target, context.assignedTo, true);
    }
  }
  return method === 'spy' || method === 'fake';
}

// ---- deep doubles -------------------------------------------------------------------------

function deepDouble(state: ExtractionState, chain: Chain, names: string[], context: ChainContext): boolean {
  const root = names[0]!;
  const origin = state.originOf(root);
  let call: ts.CallExpression | null = null;
  let mechanism = '';
  if (origin?.module && DEEP_DOUBLE_FACTORIES[origin.module]?.has(origin.name) && chain.links[0]!.call) {
    call = chain.links[0]!.call;
    mechanism = `${origin.module} ${origin.name}`;
  } else if (origin?.module && DEEP_DOUBLE_FACTORIES[origin.module]?.has(names[1] ?? '') && chain.links[1]?.call) {
    call = chain.links[1]!.call;
    mechanism = `${origin.module} ${names[1]}`;
  } else if (root === 'jasmine' && names[1] === 'createSpyObj' && chain.links[1]!.call) {
    const spyObj = chain.links[1]!.call;
    mechanism = 'jasmine.createSpyObj';
    const nameArg = literalText(spyObj.arguments[0]);
    const typeName = typeArgumentName(spyObj) ?? (nameArg && /^[A-Z]/.test(nameArg) ? nameArg : null);
    if (context.assignedTo) state.doubleNames.add(context.assignedTo);
    // Like any deep double: one double, reported at the provider when made inside it, and where
    // it was made when a provider hands it over by name (`useValue: routerSpy`).
    if (!typeName || state.diValueRanges.some(([pos, end]) => spyObj.pos >= pos && spyObj.end <= end)) return true;
    if (context.assignedTo) state.deepDoubleVars.add(context.assignedTo);
    const site = addSite(state, spyObj, mechanism, 'deep-double', typeTarget(state, typeName), 'deep-double');
    if (context.assignedTo) noteDeepDoubleSite(state, context.assignedTo, site);
    return true;
  } else if (root === 'td' && (names[1] === 'object' || names[1] === 'instance' || names[1] === 'constructor') && chain.links[1]!.call) {
    call = chain.links[1]!.call;
    mechanism = `td.${names[1]}`;
  }
  if (!call) return false;
  if (context.assignedTo) {
    state.doubleNames.add(context.assignedTo);
    state.deepDoubleVars.add(context.assignedTo);
  }
  // A deep double handed straight to DI is one double, reported at the provider.
  if (state.diValueRanges.some(([pos, end]) => call.pos >= pos && call.end <= end)) return true;
  let typeName = typeArgumentName(call);
  if (!typeName) {
    const arg = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    if (arg && (ts.isIdentifier(arg) || ts.isPropertyAccessExpression(arg))) typeName = dottedName(arg);
  }
  if (!typeName && context.declaredType) typeName = typeNodeName(context.declaredType);
  if (typeName) {
    const site = addSite(state, call, mechanism, 'deep-double', typeTarget(state, typeName), 'deep-double');
    const enclosing = enclosingDouble(state, call);
    if (enclosing) site.partOf = { line: enclosing.line, column: enclosing.column };
    if (context.assignedTo) noteDeepDoubleSite(state, context.assignedTo, site);
  }
  return true;
}

/** Which site a deep double variable holds, for a provider that hands it over by name; a name given two doubles holds neither for sure. */
function noteDeepDoubleSite(state: ExtractionState, name: string, site: MockSite): void {
  state.deepDoubleSites.set(name, state.deepDoubleSites.has(name) ? null : site);
}

/**
 * The innermost double whose call contains this node: `jest.mock(path, () => ({ default:
 * mockDeep<PrismaClient>() }))`, `spyOn(model, 'findOne').mockReturnValueOnce(createMock<Query>())`.
 */
export function enclosingDouble(state: ExtractionState, node: ts.Node): MockSite | null {
  let found: { pos: number; end: number; site: MockSite } | null = null;
  for (const range of state.doubleRanges) {
    if (node.pos < range.pos || node.end > range.end) continue;
    if (!found || range.end - range.pos < found.end - found.pos) found = range;
  }
  return found?.site ?? null;
}

/** The class or interface a generic names: `mockDeep<PrismaClient>()`, `mock<Partial<Repo>>()`. */
function typeArgumentName(call: ts.CallExpression): string | null {
  const typeArg = call.typeArguments?.[0];
  return typeArg ? typeNodeName(typeArg) : null;
}

// ---- module loaders that inject doubles -------------------------------------------------------

/**
 * A real module handed to a loader in place of a dependency (`{ './repo': repo }` with
 * `repo = proxyquire('../lib/repo', {})` or `require('../lib/repo')`): it shares one instance, it
 * fakes nothing.
 */
function isLoadedModule(state: ExtractionState, value: ts.Expression): boolean {
  let inner = unwrap(value);
  if (ts.isIdentifier(inner)) {
    const init = state.initializers.get(inner.text);
    if (!init) return false;
    inner = unwrap(init);
  }
  if (!ts.isCallExpression(inner) || literalText(inner.arguments[0]) === null) return false;
  const chain = flattenChain(inner);
  const root = chain?.root;
  if (!root) return false;
  if (root === 'require' && chain.links.length === 1) return true;
  if ((root === 'jest' || root === 'vi') && /^(requireActual|importActual)$/.test(chain.names[1] ?? '')) return true;
  const module = state.originOf(root)?.module ?? root;
  return module === 'proxyquire' && (chain.links.length === 1 || chain.names[chain.names.length - 1] === 'load');
}

function loaderReplacement(state: ExtractionState, chain: Chain, names: string[], context: ChainContext): boolean {
  const root = names[0]!;
  const origin = state.originOf(root);
  // rewire('../orders'): loads the module with private variables replaceable; not a site itself.
  if ((origin?.module === 'rewire' || (!origin && root === 'rewire')) && !origin?.instance && names.length === 1 && chain.links[0]!.call) {
    const specifier = literalText(chain.links[0]!.call.arguments[0]);
    if (specifier !== null && context.assignedTo) state.rewired.set(context.assignedTo, specifier);
    return true;
  }
  const module = origin?.module ?? (root === 'proxyquire' || root === 'esmock' || root === 'mockery' ? root : null);
  if (module === 'proxyquire' || module === 'esmock') {
    const last = chain.links[chain.links.length - 1]!;
    const call = last.call;
    if (!call) return true;
    if (last.name !== '' && last.name !== root && !['load', 'noCallThru', 'strict', 'p', 'patch'].includes(last.name)) return true;
    const subject = literalText(call.arguments[0]);
    if (subject === null) return true;
    for (const arg of call.arguments.slice(1)) {
      const inner = unwrap(arg);
      if (!ts.isObjectLiteralExpression(inner)) continue;
      for (const property of inner.properties) {
        const key = ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) ? propertyKey(property.name) : null;
        if (key === null || key.startsWith('@global') || key === '@noCallThru') continue;
        if (ts.isPropertyAssignment(property) && isLoadedModule(state, property.initializer)) continue;
        // proxyquire keys are the module's own require strings; esmock's are relative to the test.
        const specifier = key.startsWith('.') && module === 'proxyquire' ? relativeTo(subject, key) : key;
        addSite(state, property, module, 'module', { kind: 'module', specifier }, 'value');
      }
    }
    return true;
  }
  if (module === 'mockery' && names[1] === 'registerMock' && chain.links[1]!.call) {
    const specifier = literalText(chain.links[1]!.call.arguments[0]);
    if (specifier !== null) addSite(state, chain.links[1]!.call, 'mockery.registerMock', 'module', { kind: 'module', specifier }, 'value');
    return true;
  }
  if (root === 'td' || origin?.module === 'testdouble') {
    const method = root === 'td' ? names[1] : origin?.name;
    const link = root === 'td' ? chain.links[1] : chain.links[0];
    if (!link?.call || (method !== 'replace' && method !== 'replaceEsm')) return false;
    const args = link.call.arguments;
    const specifier = literalText(args[0]);
    if (specifier !== null) {
      addSite(state, link.call, `td.${method}`, 'module', { kind: 'module', specifier }, args.length > 1 ? 'value' : 'automock');
    } else {
      const target = memberTarget(state, args[0], args[1]);
      if (target) addSite(state, link.call, `td.${method}`, 'method', target, 'stub', benignFlag(target));
    }
    return true;
  }
  // rewire: mod.__set__('dep', value) / mod.__set__({ dep: value }); babel-plugin-rewire adds
  // __set__ / __Rewire__ to the imported module itself.
  // rewire's __with__({ dep: value }) replaces the same way for the function its result is called with:
  // `mod.__with__({ db })(() => ...)`, also returned or kept to call later.
  let at = names.length - 1;
  if (names.includes('__with__')) {
    const index = names.indexOf('__with__');
    if (names.slice(index + 1).every((n, k) => n === '' && chain.links[index + 1 + k]!.call)) at = index;
  }
  const setter = names[at];
  if ((setter === '__set__' || setter === '__Rewire__' || setter === '__with__') && chain.links[at]!.call) {
    const call = chain.links[at]!.call!;
    const object = dottedName(chain.rootNode) ?? root;
    const subjectOrigin = state.originOf(root);
    const rewired =
      at === 1
        ? (state.rewired.get(root) ?? (subjectOrigin?.module && subjectOrigin.module !== 'rewire' && !subjectOrigin.instance ? subjectOrigin.module : null))
        : null;
    const keys: [ts.Node, string, ts.Expression | undefined][] = [];
    const first = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    const literal = setter === '__with__' ? null : literalText(first);
    if (literal !== null) keys.push([call, literal, call.arguments[1]]);
    else if (first && ts.isObjectLiteralExpression(first)) {
      for (const p of first.properties) {
        const key = p.name ? propertyKey(p.name) : null;
        if (key) keys.push([p, key, ts.isPropertyAssignment(p) ? p.initializer : undefined]);
      }
    }
    for (const [node, key, value] of keys) {
      // Which module the variable lives in unknown: a double of something, not of rewire itself.
      const target: MockTarget = rewired !== null ? { kind: 'private', module: rewired, name: key } : { kind: 'member', object, member: key, origin: null };
      // `__set__('verifyJwt', () => Promise.resolve(user))`: the module's own auth check always allows.
      const allows = value && AUTH_METHODS.test(key) ? describeAllow(key, shapeOfDouble(value, state.sinonRoots)) : null;
      addSite(state, node, `rewire ${setter}`, 'module', target, 'value', allows ? { allows } : {});
    }
    return true;
  }
  return false;
}

function relativeTo(subject: string, key: string): string {
  const joined = posix.normalize(posix.join(posix.dirname(subject), key));
  return joined.startsWith('.') ? joined : `./${joined}`;
}

// ---- network interception --------------------------------------------------------------------

function networkInterception(state: ExtractionState, chain: Chain, names: string[], context: ChainContext): boolean {
  const root = names[0]!;
  const origin = state.originOf(root);
  // nock('https://api.example.com').get('/x').reply(200, ...)
  if ((origin?.module === 'nock' || (!origin && root === 'nock')) && chain.links[0]!.call) {
    const call = chain.links[0]!.call;
    const target = hostTarget(state, call.arguments[0]);
    if (context.assignedTo) state.nockScopes.add(context.assignedTo);
    if (target) addUniqueHostSite(state, call, 'nock', target);
    return true;
  }
  // undici: agent.get('https://api.stripe.com').intercept({ path }).reply(200, body)
  if (state.mockAgents.has(root) && names[1] === 'get' && chain.links[1]?.call) {
    const target = hostTarget(state, chain.links[1].call.arguments[0]);
    if (target) addUniqueHostSite(state, chain.links[1].call, 'undici MockAgent', target);
    return true;
  }
  // msw: http.get(url, resolver), rest.post(url, resolver), graphql.query(name, resolver)
  if (origin?.module === 'msw' && (origin.name === 'http' || origin.name === 'rest') && chain.links[1]?.call) {
    if (!HTTP_METHODS.has(names[1]!) && names[1] !== 'all') return false;
    const call = chain.links[1]!.call;
    const target = hostTarget(state, call.arguments[0]);
    // A handler that only lets the request through (`() => passthrough()`, msw 1's
    // `(req) => req.passthrough()`) answers nothing itself: the real server does.
    if (target && !onlyPassesThrough(call.arguments[1])) addUniqueHostSite(state, call, `msw ${origin.name}.${names[1]}`, target);
    state.mswHandlers++;
    return true;
  }
  // The same handlers through a module of the repository that re-exports msw (`export * from
  // 'msw'` in test/server): kept by the audit only if the module does (MockSite.reexport).
  if (origin?.module && origin.module !== 'msw' && !origin.instance && (origin.name === 'http' || origin.name === 'rest') && chain.links[1]?.call) {
    if (!HTTP_METHODS.has(names[1]!) && names[1] !== 'all') return false;
    const call = chain.links[1]!.call;
    const target = hostTarget(state, call.arguments[0]);
    const before = state.model.mocks.length;
    if (target && !onlyPassesThrough(call.arguments[1])) addUniqueHostSite(state, call, `msw ${origin.name}.${names[1]}`, target);
    if (state.model.mocks.length > before) state.model.mocks[before]!.reexport = { specifier: origin.module, name: origin.name, module: 'msw' };
    return true;
  }
  if (origin?.module === 'msw' && origin.name === 'graphql' && chain.links[1]?.call) {
    const call = chain.links[1]!.call;
    addUniqueHostSite(state, call, `msw graphql.${names[1]}`, { kind: 'host', host: 'GraphQL API', url: literalText(call.arguments[0]) ?? '' });
    state.mswHandlers++;
    return true;
  }
  if (origin && (origin.module === 'msw/node' || origin.module === 'msw/browser' || origin.module === 'msw/native') && chain.links[0]!.call) {
    state.mswServers.push({ node: chain.links[0]!.call, owner: state.owner });
    return true;
  }
  // fetch-mock: fetchMock.get(url, response), fetchMock.mock(url, response), fetchMock.route(...)
  if (origin?.module === 'fetch-mock' && chain.links[1]?.call) {
    const call = chain.links[1]!.call;
    const target = fetchMockTarget(state, call.arguments[0]);
    if (names[1] !== 'reset' && names[1] !== 'restore' && names[1] !== 'called' && names[1] !== 'calls' && names[1] !== 'lastCall') {
      if (target.kind === 'host') addUniqueHostSite(state, call, 'fetch-mock', target);
      else addUniqueGlobalSite(state, call, 'fetch-mock', 'fetch', 'handler');
    }
    return true;
  }
  // jest-fetch-mock / vitest-fetch-mock: fetchMock.mockResponseOnce(...), enableFetchMocks()
  if (
    (origin?.module === 'jest-fetch-mock' || origin?.module === 'vitest-fetch-mock' || root === 'fetchMock' || root === 'fetch') &&
    names.some((n) => /^(mockResponse|mockResponseOnce|mockResponses|mockReject|mockRejectOnce|mockIf|mockOnceIf|doMock|enableMocks|enableFetchMocks)$/.test(n))
  ) {
    addUniqueGlobalSite(state, chain.links[0]!.node, 'jest-fetch-mock', 'fetch', 'handler');
    return true;
  }
  if (root === 'enableFetchMocks' || (origin && /fetch-mock/.test(origin.module ?? '') && origin.name === 'enableFetchMocks')) {
    addUniqueGlobalSite(state, chain.links[0]!.node, 'jest-fetch-mock', 'fetch', 'handler');
    return true;
  }
  // vi.stubGlobal('fetch', fn)
  if (root === 'vi' && names[1] === 'stubGlobal' && chain.links[1]!.call) {
    const name = literalText(chain.links[1]!.call.arguments[0]);
    if (name && BOUNDARY_GLOBALS[name]) {
      addSite(state, chain.links[1]!.call, 'vi.stubGlobal', 'global', { kind: 'global', name }, 'value');
    }
    return true;
  }
  // Playwright: page.route(url, route => route.fulfill(...))
  if (names[names.length - 1] === 'route' && chain.links.length === 2 && chain.links[1]!.call) {
    const call = chain.links[1]!.call;
    const handler = call.arguments[1] ? unwrap(call.arguments[1]) : undefined;
    // `route.fetch()` sends the real request: a handler that fulfils with its response patches a
    // real answer rather than replacing the server.
    if (handler && isFunctionLike(handler) && containsCallNamed(handler, 'fulfill') && !fetchesThrough(handler)) {
      const target = hostTarget(state, call.arguments[0]) ?? { kind: 'host' as const, host: 'matched requests', url: state.shortText(call.arguments[0]!, 60) };
      // One double per API: a helper that stubs eleven routes of your own API fakes one system.
      addUniqueHostSite(state, call, 'playwright page.route', target);
    }
    return true;
  }
  // Cypress: cy.intercept([method,] url, response): a stub only when a response or a replying handler is given.
  if (root === 'cy' && names[1] === 'intercept' && chain.links[1]!.call) {
    const call = chain.links[1]!.call;
    const args = [...call.arguments];
    const first = args[0] ? unwrap(args[0]) : undefined;
    const methodForm = !!first && ts.isStringLiteralLike(first) && /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/i.test(first.text) && args.length >= 2;
    const urlArg = methodForm ? args[1] : args[0];
    const response = methodForm ? args[2] : args[1];
    const value = response ? unwrap(response) : undefined;
    let responds = false;
    if (value && ts.isObjectLiteralExpression(value)) responds = !isRouteMatcher(value);
    else if (value && (ts.isStringLiteralLike(value) || ts.isIdentifier(value))) responds = true;
    else if (value && isFunctionLike(value)) responds = containsCallNamed(value, 'reply');
    if (responds) {
      const target = hostTarget(state, urlArg) ?? { kind: 'host' as const, host: 'matched requests', url: urlArg ? state.shortText(urlArg, 60) : '' };
      addUniqueHostSite(state, call, 'cypress cy.intercept', target);
    }
    return true;
  }
  return false;
}

function isRouteMatcher(object: ts.ObjectLiteralExpression): boolean {
  const keys = object.properties.map((p) => (p.name ? propertyKey(p.name) : null));
  return keys.every((k) => k !== null && ['method', 'url', 'path', 'pathname', 'hostname', 'query', 'headers', 'https', 'port', 'middleware', 'times', 'auth', 'resourceType'].includes(k));
}

/** A Playwright route handler that calls `route.fetch()` on its own route parameter. */
function fetchesThrough(handler: ts.ArrowFunction | ts.FunctionExpression): boolean {
  const param = handler.parameters[0]?.name;
  if (!param || !ts.isIdentifier(param)) return false;
  return anyNode(handler, (n) => {
    if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || n.expression.name.text !== 'fetch') return false;
    const object = unwrap(n.expression.expression);
    return ts.isIdentifier(object) && object.text === param.text;
  });
}

/** An msw resolver whose only answer is `passthrough()` (or msw 1's `req.passthrough()`). */
function onlyPassesThrough(resolver: ts.Expression | undefined): boolean {
  const fn = resolver ? unwrap(resolver) : undefined;
  if (!fn || !isFunctionLike(fn)) return false;
  let answer: ts.Expression | undefined;
  if (!ts.isBlock(fn.body)) answer = fn.body;
  else if (fn.body.statements.length === 1) {
    const only = fn.body.statements[0]!;
    answer = ts.isReturnStatement(only) ? only.expression : undefined;
  }
  const call = answer ? unwrap(answer) : undefined;
  if (!call || !ts.isCallExpression(call)) return false;
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  return name === 'passthrough';
}

function containsCallNamed(node: ts.Node, name: string): boolean {
  return anyNode(node, (n) => ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === name);
}

/** A host target from a URL argument (literal, template, or a file-level string constant). */
function hostTarget(state: ExtractionState, arg: ts.Expression | undefined): (MockTarget & { kind: 'host' }) | null {
  if (!arg) return null;
  const inner = unwrap(arg);
  let url: string | null = literalText(inner);
  if (url === null && (ts.isIdentifier(inner) || ts.isPropertyAccessExpression(inner))) url = constString(state, inner);
  if (url === null && ts.isTemplateExpression(inner)) {
    const headIdentifier = inner.templateSpans[0]?.expression;
    const base = headIdentifier ? constString(state, unwrap(headIdentifier)) : null;
    url = inner.head.text || base ? `${inner.head.text}${base ?? ''}` : null;
    if (url === '') url = null;
    // `https://${host}` with a host the file does not spell out: only the scheme is known.
    if (url !== null && base === null && /^[a-z][a-z0-9+.-]*:\/\/$/i.test(url)) {
      const text = state.shortText(inner, 60);
      return { kind: 'host', host: `URL from ${text}`, url: text };
    }
    // `${apiUrl}/me`, `${config.api}/books`: the base names the host, whatever the path.
    if (url === null && headIdentifier && dottedName(unwrap(headIdentifier))) {
      return { kind: 'host', host: `URL from ${state.shortText(headIdentifier, 60)}`, url: state.shortText(inner, 60) };
    }
  }
  if (url === null && ts.isRegularExpressionLiteral(inner)) {
    // A pattern is not a path: `/api\.github\.com/` names a host, `/^https?:\/\/(localhost|…)/` several.
    return { kind: 'host', host: hostOfPattern(inner.text), url: inner.text };
  }
  if (url === null) {
    const text = state.shortText(inner, 60);
    return { kind: 'host', host: `URL from ${text}`, url: text };
  }
  return { kind: 'host', host: hostOf(url), url };
}

/** A file-level string constant, or a string property of a file-level constant object (`opts.domain`). */
function constString(state: ExtractionState, expr: ts.Expression): string | null {
  const name = ts.isIdentifier(expr) ? expr.text : ts.isPropertyAccessExpression(expr) ? dottedName(expr) : null;
  return name ? (state.constStrings.get(name) ?? null) : null;
}

/**
 * A fetch-mock matcher's host: `'*'` and matchers that name no host (`end:`, `glob:`, a function,
 * an options object) stand for every request, i.e. global fetch; `begin:` and `express:` prefixes
 * are dropped before reading the URL.
 */
function fetchMockTarget(state: ExtractionState, arg: ts.Expression | undefined): MockTarget {
  const everything: MockTarget = { kind: 'global', name: 'fetch' };
  const inner = arg ? unwrap(arg) : undefined;
  if (!inner || isFunctionLike(inner) || ts.isObjectLiteralExpression(inner)) return everything;
  const literal = literalText(inner);
  if (literal !== null) {
    const matcher = /^(begin|express|path):(.*)$/.exec(literal);
    const url = matcher ? (matcher[1] === 'path' ? `/${matcher[2]!.replace(/^\//, '')}` : matcher[2]!) : literal;
    if (url === '*' || url === '' || /^(end|glob|regexp):/.test(url)) return everything;
    return { kind: 'host', host: hostOf(url), url: literal };
  }
  return hostTarget(state, inner) ?? everything;
}

/**
 * The host a URL pattern (a regular expression literal) names, read from its text with the
 * escapes undone (`/get\.geojs\.io/` → get.geojs.io); a pattern that names no single host is
 * described as the pattern.
 */
function hostOfPattern(pattern: string): string {
  const body = pattern.slice(1, pattern.lastIndexOf('/'));
  const plain = body.replace(/^\^/, '').replace(/^https\?:\\\/\\\//, '').replace(/^https?:\\\/\\\//, '').replace(/\\([./:-])/g, '$1');
  if (plain.startsWith('/')) return hostOf(plain);
  const host = /^([a-z0-9-]+(\.[a-z0-9-]+)+)(?=$|[/:?$]|\\)/i.exec(plain);
  return host ? host[1]!.toLowerCase() : `URLs matching ${pattern}`;
}

export function hostOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url);
  if (match) return match[1]!.toLowerCase();
  if (url.startsWith('/') || url.startsWith('*')) return 'relative URL (your own API)';
  const bare = /^([a-z0-9-]+(\.[a-z0-9-]+)+)(:\d+)?(\/|$)/i.exec(url);
  return bare ? bare[1]!.toLowerCase() : url;
}

/** One network site per host per owner: three handlers for the same API are one double. */
function addUniqueHostSite(state: ExtractionState, node: ts.Node, mechanism: string, target: MockTarget & { kind: 'host' }): void {
  const owner = state.owner;
  const exists = state.model.mocks.some(
    (m) => m.family === 'network' && m.target.kind === 'host' && m.target.host === target.host && m.mechanism.split(' ')[0] === mechanism.split(' ')[0] && sameOwner(m.owner, owner),
  );
  if (!exists) addSite(state, node, mechanism, 'network', target, 'handler');
}

function addUniqueGlobalSite(state: ExtractionState, node: ts.Node, mechanism: string, name: string, replacement: Replacement): void {
  const owner = state.owner;
  const exists = state.model.mocks.some((m) => m.target.kind === 'global' && m.target.name === name && m.mechanism === mechanism && sameOwner(m.owner, owner));
  if (!exists) addSite(state, node, mechanism, name === 'fetch' || name === 'HttpClient' ? 'network' : 'global', { kind: 'global', name }, replacement);
}

function addClockSite(state: ExtractionState, node: ts.Node, mechanism: string, replacement: Replacement): void {
  const owner = state.owner;
  const exists = state.model.mocks.some((m) => m.family === 'clock' && sameOwner(m.owner, owner));
  if (!exists) addSite(state, node, mechanism, 'clock', { kind: 'global', name: 'Date' }, replacement);
}

export function sameOwner(a: MockSite['owner'], b: MockSite['owner']): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'file') return true;
  if (a.kind === 'helper') return a.name === (b as { name: string }).name;
  return a.id === (b as { id: number }).id;
}

// ---- dependency injection --------------------------------------------------------------------

const OVERRIDES = new Set(['overrideProvider', 'overrideGuard', 'overrideInterceptor', 'overridePipe', 'overrideFilter', 'overrideModule', 'overrideComponent']);
const USES = new Set(['useValue', 'useClass', 'useFactory', 'useModule']);

function dependencyOverride(state: ExtractionState, chain: Chain, names: string[]): boolean {
  let found = false;
  for (let i = 0; i < chain.links.length; i++) {
    const link = chain.links[i]!;
    if (!link.call) continue;
    // NestJS: .overrideProvider(X).useValue(v)
    if (OVERRIDES.has(link.name) && chain.links[i + 1] && USES.has(chain.links[i + 1]!.name)) {
      const tokenArg = link.call.arguments[0];
      if (tokenArg) {
        const mechanism = `nestjs.${link.name}`;
        const use = chain.links[i + 1]!;
        const allows = allowsOfProvided(state, use.name, use.call?.arguments[0]);
        const provided = use.call?.arguments[0];
        if (provided) state.diValueRanges.push([provided.pos, provided.end]);
        const site = addSite(state, link.call, mechanism, 'dependency-injection', tokenTarget(state, tokenArg), useReplacement(use.name), allows ? { allows } : {});
        if (!allows) noteImportedProvision(state, site, use.name, provided);
        found = true;
      }
    }
    // Angular: TestBed.overrideProvider(X, { useValue })
    if (link.name === 'overrideProvider' && names[0] === 'TestBed' && link.call.arguments.length >= 2) {
      addSite(state, link.call, 'angular.overrideProvider', 'dependency-injection', tokenTarget(state, link.call.arguments[0]!), 'value');
      found = true;
    }
    // inversify: container.rebind(TYPES.X).toConstantValue(double)
    if (link.name === 'rebind' || link.name === 'rebindSync') {
      const next = chain.links[i + 1];
      if (next?.call && /^(toConstantValue|to|toDynamicValue|toFactory|toService)$/.test(next.name) && link.call.arguments[0]) {
        addSite(state, link.call, 'inversify.rebind', 'dependency-injection', tokenTarget(state, link.call.arguments[0]), next.name === 'to' ? 'class' : 'value');
        found = true;
      }
    }
  }
  // tsyringe: container.register(Token, { useValue: double }) / container.registerInstance(Token, double)
  const last = chain.links[chain.links.length - 1]!;
  const origin = state.originOf(names[0]!);
  if (last.call && (last.name === 'register' || last.name === 'registerInstance') && origin?.module === 'tsyringe') {
    const [token, provider] = last.call.arguments;
    if (token && provider) {
      const inner = unwrap(provider);
      const isDouble = last.name === 'registerInstance' ? isDoubleValue(state, inner, 0) : ts.isObjectLiteralExpression(inner) && providerIsDouble(state, inner);
      if (isDouble) addSite(state, last.call, `tsyringe.${last.name}`, 'dependency-injection', tokenTarget(state, token), 'value');
    }
    found = true;
  }
  return found;
}

function useReplacement(use: string): Replacement {
  return use === 'useClass' || use === 'useModule' ? 'class' : use === 'useFactory' ? 'factory' : 'value';
}

function tokenTarget(state: ExtractionState, tokenArg: ts.Expression): MockTarget {
  const inner = unwrap(tokenArg);
  const literal = literalText(inner);
  if (literal !== null) return { kind: 'token', name: literal, origin: null };
  const name = dottedName(inner);
  if (name) {
    const root = name.split('.')[0]!;
    return { kind: 'token', name, origin: originToPlain(state.originOf(root)) };
  }
  // getRepositoryToken(User), getModelToken(Cat.name), getQueueToken('q')
  if (ts.isCallExpression(inner)) {
    const callee = rootIdentifier(inner.expression);
    return { kind: 'token', name: state.shortText(inner, 60), origin: callee ? originToPlain(state.originOf(callee)) : null };
  }
  return { kind: 'token', name: state.shortText(inner, 60), origin: null };
}

/**
 * A DI provider literal `{ provide: X, useValue | useClass | useFactory }` whose value is a double.
 * Called by the walker for object literals with a `provide` key.
 */
export function recogniseProviderLiteral(state: ExtractionState, object: ts.ObjectLiteralExpression, mechanismPrefix: string, ancestors: readonly ts.Node[]): void {
  let provide: ts.Expression | null = null;
  let use: string | null = null;
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property) && !ts.isMethodDeclaration(property)) continue;
    const key = propertyKey(property.name);
    if (key === 'provide' && ts.isPropertyAssignment(property)) provide = property.initializer;
    else if (key && USES.has(key)) use = key;
  }
  if (!provide || !use || addsEnhancer(provide)) return;
  if (!providerIsDouble(state, object)) return;
  const useProperty = object.properties.find((p) => p.name && propertyKey(p.name) === use);
  const value = useProperty && ts.isPropertyAssignment(useProperty) ? useProperty.initializer : useProperty && ts.isShorthandPropertyAssignment(useProperty) ? useProperty.name : undefined;
  // `useValue: repoDouble` where repoDouble = createMock<Repo>() was reported where it was made,
  // unless every provider of it sits beside imports only: then it reaches nothing (settled at the end of the walk).
  const valueName = value && ts.isIdentifier(unwrap(value)) ? (unwrap(value) as ts.Identifier).text : null;
  if (valueName !== null && state.deepDoubleVars.has(valueName)) {
    if (mechanismPrefix !== 'nestjs') return;
    const inert = providerBesideImportsOnly(state, object, ancestors, (other) => providerIsDouble(state, other));
    state.providedDeepDoubles.set(valueName, (state.providedDeepDoubles.get(valueName) ?? true) && inert);
    return;
  }
  if (value) state.diValueRanges.push([value.pos, value.end]);
  const allows = allowsOfProvided(state, use, value);
  const site = addSite(state, object, `${mechanismPrefix}.${use}`, 'dependency-injection', tokenTarget(state, provide), useReplacement(use), allows ? { allows } : {});
  if (!allows) noteImportedProvision(state, site, use, value);
  // Beside imported modules, with nothing of the testing module's own to receive it: settled at the end of the walk.
  if (mechanismPrefix === 'nestjs' && providerBesideImportsOnly(state, object, ancestors, (other) => providerIsDouble(state, other))) state.providersBesideImports.push(site);
}

/**
 * `useClass: FakeJwtAuthGuard` / `useValue: allowAll` imported from another file of the project:
 * whether it always allows is known there, so the import is kept for analysis to look up.
 */
function noteImportedProvision(state: ExtractionState, site: MockSite, use: string, value: ts.Expression | undefined): void {
  if (!value || (use !== 'useClass' && use !== 'useValue')) return;
  let inner = unwrap(value);
  let kind: 'class' | 'value' = use === 'useClass' ? 'class' : 'value';
  // useValue(new FakeAuthGuard()): an instance of the class.
  if (use === 'useValue' && ts.isNewExpression(inner)) {
    inner = unwrap(inner.expression);
    kind = 'class';
  }
  if (!ts.isIdentifier(inner)) return;
  const origin = state.originOf(inner.text);
  if (!origin?.module || origin.instance) return;
  site.provided = { module: origin.module, name: origin.name, kind };
}

/** For a provided value or class (`useValue: { canActivate: () => true }`, a local MockGuard): how it always allows. */
function allowsOfProvided(state: ExtractionState, use: string, value: ts.Expression | undefined): string | null {
  if (!value) return null;
  let inner = unwrap(value);
  // useValue(new MockGuard()): an instance of a local class.
  if (use === 'useValue' && ts.isNewExpression(inner) && ts.isIdentifier(unwrap(inner.expression))) {
    return state.localClassAllows.get((unwrap(inner.expression) as ts.Identifier).text) ?? null;
  }
  if (ts.isIdentifier(inner)) {
    if (use === 'useClass') return state.localClassAllows.get(inner.text) ?? null;
    const init = state.initializers.get(inner.text);
    if (init) inner = unwrap(init);
  }
  if (ts.isObjectLiteralExpression(inner)) return allowsInObject(inner, state.sinonRoots);
  if (ts.isCallExpression(inner) && use === 'useValue') {
    // createMock<Guard>({ canActivate: () => true })
    const arg = inner.arguments[0] ? unwrap(inner.arguments[0]) : undefined;
    if (arg && ts.isObjectLiteralExpression(arg)) return allowsInObject(arg, state.sinonRoots);
  }
  return null;
}

function providerIsDouble(state: ExtractionState, object: ts.ObjectLiteralExpression): boolean {
  let provideName: string | null = null;
  for (const property of object.properties) {
    const key = property.name ? propertyKey(property.name) : null;
    if (key === 'provide' && ts.isPropertyAssignment(property)) provideName = dottedName(property.initializer);
  }
  for (const property of object.properties) {
    const key = property.name ? propertyKey(property.name) : null;
    if (key === 'useValue') {
      if (ts.isShorthandPropertyAssignment(property)) return isDoubleValue(state, property.name, 0);
      if (ts.isPropertyAssignment(property)) return isDoubleValue(state, unwrap(property.initializer), 0);
    }
    if (key === 'useClass' && ts.isPropertyAssignment(property)) {
      const name = dottedName(property.initializer);
      if (!name || name === provideName) return false;
      return isDoubleClass(state, name);
    }
    if (key === 'useFactory') {
      const fn = ts.isPropertyAssignment(property) ? unwrap(property.initializer) : property;
      return containsDouble(state, fn);
    }
  }
  return false;
}

const DOUBLE_NAME = /mock|stub|fake|spy|dummy|double/i;

/**
 * Named like a double: mockRepo, repoStub, FakePayments, spyLog, DUMMY_USER. Not faker, the test-data
 * library (`faker.person.fullName()`, `fakerDE`), which makes data, not doubles.
 */
function isDoubleName(name: string): boolean {
  return DOUBLE_NAME.test(name.includes('aker') ? name.replace(/[Ff]aker/g, '') : name);
}

function isDoubleClass(state: ExtractionState, name: string): boolean {
  if (isDoubleName(name) || /inmemory/i.test(name)) return true;
  const origin = state.originOf(name.split('.')[0]!);
  if (!origin) return state.localClasses.has(name);
  return !!origin.module && /(^|\/)(__mocks__|mocks?|fakes?|stubs?|testing|test-utils)(\/|$)/i.test(origin.module);
}

/**
 * A request or response double from an Express testing library: `mockRes()` (sinon-express-mock),
 * `httpMocks.createResponse()` (node-mocks-http), `getMockRes()` (@jest-mock/express).
 */
export function isHttpMessageDouble(state: ExtractionState, expr: ts.Expression): boolean {
  const call = unwrap(expr);
  if (!ts.isCallExpression(call)) return false;
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) {
    const origin = state.originOf(callee.text);
    return !!origin?.module && !origin.instance && !!HTTP_MESSAGE_DOUBLES[origin.module]?.has(origin.name);
  }
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
  const origin = state.originOf(callee.expression.text);
  return !!origin?.module && !origin.instance && (origin.name === '*' || origin.name === 'default') && !!HTTP_MESSAGE_DOUBLES[origin.module]?.has(callee.name.text);
}

/** Whether a value handed to DI is a double rather than plain configuration data. */
export function isDoubleValue(state: ExtractionState, expr: ts.Node, depth: number): boolean {
  if (depth > 3) return false;
  if (ts.isIdentifier(expr)) {
    if (isDoubleName(expr.text) || state.doubleNames.has(expr.text)) return true;
    const init = state.initializers.get(expr.text);
    return init ? isDoubleValue(state, unwrap(init), depth + 1) : false;
  }
  return containsDouble(state, expr);
}

/**
 * True when an expression builds a double: fn doubles, mock factories, functions in an object literal.
 * A property's key names no value: `{ useMockPayments: false }` is configuration, not a double.
 */
function containsDouble(state: ExtractionState, node: ts.Node): boolean {
  let key: ts.Node | undefined;
  return anyNode(node, (n) => {
    if (n === key) return 'skip';
    if (ts.isPropertyAssignment(n)) {
      key = n.name;
      return false;
    }
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
      const callee = n.expression;
      const chain = ts.isCallExpression(n) ? flattenChain(n) : null;
      if (chain && isFnDoubleChain(chain, state.sinonRoots)) return true;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      // mock, mockDeep, createMock, createStubInstance, createSpyObj, mockClient, stub, fake…
      if (isDoubleName(name)) return true;
    }
    if (ts.isObjectLiteralExpression(n)) {
      const hasFunction = n.properties.some(
        (p) => ts.isMethodDeclaration(p) || ts.isGetAccessorDeclaration(p) || (ts.isPropertyAssignment(p) && isFunctionLike(unwrap(p.initializer))),
      );
      if (hasFunction) return true;
    }
    return ts.isIdentifier(n) && (isDoubleName(n.text) || state.doubleNames.has(n.text));
  });
}

// ---- clocks and fake libraries ---------------------------------------------------------------

function clockReplacement(state: ExtractionState, chain: Chain, names: string[], context: ChainContext): boolean {
  const head = headPath(chain);
  if (!head) return false;
  let path = head.path;
  if (state.sinonRoots.has(names[0]!) && names[0] !== 'sinon') path = `sinon.${names.slice(1, head.index + 1).join('.')}`;
  if (names[0] === 'jasmine' && names[1] === 'clock') path = `jasmine.clock.${names[2] ?? ''}`;
  if (path.endsWith('.clock.install') || path.endsWith('.clock.setFixedTime')) path = `page.clock.${names[names.length - 1]}`;
  if (CLOCK_CALLS.has(path)) {
    const link = chain.links[chain.links.length - 1]!;
    addClockSite(state, link.call ?? chain.links[head.index]!.call!, path, path.includes('SystemTime') || path.includes('mockDate') || path.includes('FixedTime') ? 'frozen-time' : 'fake-timers');
    return true;
  }
  const origin = state.originOf(names[0]!);
  if (origin?.module === 'mockdate' && names[1] === 'set') {
    addClockSite(state, chain.links[1]!.call ?? chain.links[0]!.node, 'mockdate', 'frozen-time');
    return true;
  }
  if (origin?.module === 'timekeeper' && (names[1] === 'freeze' || names[1] === 'travel')) {
    addClockSite(state, chain.links[1]!.call ?? chain.links[0]!.node, 'timekeeper', 'frozen-time');
    return true;
  }
  // lolex is @sinonjs/fake-timers under its old name, still in older suites.
  if ((origin?.module === '@sinonjs/fake-timers' || origin?.module === 'lolex') && (names[1] === 'install' || names[1] === 'withGlobal')) {
    addClockSite(state, chain.links[1]!.call ?? chain.links[0]!.node, origin.module, 'fake-timers');
    // The clock it returns is the fake: patching it (`clock.setTimeout = …`) replaces nothing real.
    if (context.assignedTo) state.doubleNames.add(context.assignedTo);
    return true;
  }
  return false;
}

function fakeLibraryUse(state: ExtractionState, chain: Chain, names: string[]): boolean {
  const origin = state.originOf(names[0]!);
  if (!origin?.module) return false;
  // aws-sdk-client-mock: mockClient(S3Client)
  if (origin.module === 'aws-sdk-client-mock' && origin.name === 'mockClient' && chain.links[0]!.call) {
    const arg = chain.links[0]!.call.arguments[0];
    const name = arg ? dottedName(arg) : null;
    if (name) {
      addSite(state, chain.links[0]!.call, 'aws-sdk-client-mock', 'fake-library', typeTarget(state, name), 'fake-library', {
        fakeLibrary: 'aws-sdk-client-mock',
      });
    }
    return true;
  }
  // aws-sdk-mock: AWSMock.mock('S3', 'getObject', ...)
  if (origin.module === 'aws-sdk-mock' && names[1] === 'mock' && chain.links[1]!.call) {
    const args = chain.links[1]!.call.arguments;
    const service = literalText(args[0]) ?? 'AWS';
    const method = literalText(args[1]) ?? '*';
    addSite(state, chain.links[1]!.call, 'aws-sdk-mock', 'fake-library', { kind: 'member', object: `AWS.${service}`, member: method, origin: { module: 'aws-sdk', name: service } }, 'fake-library', {
      fakeLibrary: 'aws-sdk-mock',
    });
    return true;
  }
  // mock-fs: mock({ '/path': 'content' })
  if (origin.module === 'mock-fs' && chain.links[0]!.call && chain.links.length === 1) {
    addSite(state, chain.links[0]!.call, 'mock-fs', 'fake-library', { kind: 'module', specifier: 'fs' }, 'fake-library', { fakeLibrary: 'mock-fs' });
    return true;
  }
  return false;
}

// ---- shared helpers ---------------------------------------------------------------------------

/** The member a spy/stub replaces: `(pool, 'query')` → pool.query, with where `pool` came from. */
function memberTarget(state: ExtractionState, objectArg: ts.Expression | undefined, memberArg: ts.Expression | undefined): MockTarget | null {
  if (!objectArg) return null;
  const member = literalText(memberArg) ?? (memberArg ? `[${state.shortText(memberArg, 30)}]` : '*');
  const objectExpr = unwrap(objectArg);
  const object =
    dottedName(objectExpr) ?? (ts.isNewExpression(objectExpr) ? `new ${dottedName(objectExpr.expression) ?? 'object'}(…)` : state.shortText(objectExpr, 40));
  return { kind: 'member', object, member, origin: memberOrigin(state, objectExpr) };
}

function wholeObjectTarget(state: ExtractionState, objectArg: ts.Expression): MockTarget | null {
  return memberTarget(state, objectArg, undefined);
}

/**
 * Where the object of a member target came from. A plain identifier, `X.prototype` or a chain off
 * a module import keeps its origin; a chain off an instance (`service.repo`) does not, because the
 * instance's module is not the module of what it holds.
 */
function memberOrigin(state: ExtractionState, objectExpr: ts.Expression): Origin | null {
  // sinon.mock(new User({...})): an instance of User, wherever User comes from.
  if (ts.isNewExpression(objectExpr)) {
    const classRoot = rootIdentifier(objectExpr.expression);
    return classRoot ? originToPlain(state.originOf(classRoot)) : null;
  }
  // jest.spyOn(require('./hooks'), 'useList'): the module itself, as if imported by name.
  const required = ts.isCallExpression(objectExpr) || ts.isPropertyAccessExpression(objectExpr) ? requiredSpecifier(objectExpr) : null;
  if (required) return { module: required.specifier, name: required.member ?? '*' };
  const root = rootIdentifier(objectExpr);
  if (!root) return null;
  if (GLOBAL_OBJECTS.has(root) || root === 'Date' || root === 'console' || root === 'process' || root === 'Math') {
    return state.originOf(root) ? originToPlain(state.originOf(root)) : { module: null, name: root };
  }
  const fromContainer = containerInstance(state, objectExpr);
  if (fromContainer) return fromContainer;
  const origin = state.originOf(root);
  if (!origin) return null;
  if (ts.isIdentifier(objectExpr)) return originToPlain(origin);
  const name = dottedName(objectExpr);
  if (name && name.endsWith('.prototype') && name.split('.').length === 2) return originToPlain(origin);
  if (!origin.instance) return originToPlain(origin);
  // A part of an instance of a known class (`prisma.order` with `prisma = module.get(PrismaService)`
  // or `let prisma: PrismaService`) belongs to that class. Other instances (`mount(X).vm`) are unknown.
  return CLASS_NAME.test(origin.name) ? originToPlain(origin) : null;
}

const CLASS_NAME = /^[A-Z]/;

/** `app.get(PrismaService).order`: the part of an instance handed out by a DI container. */
function containerInstance(state: ExtractionState, objectExpr: ts.Expression): Origin | null {
  let current = unwrap(objectExpr);
  while (ts.isPropertyAccessExpression(current)) current = unwrap(current.expression);
  if (current === unwrap(objectExpr) || !ts.isCallExpression(current)) return null;
  const source = valueSource(state, current);
  return source?.instance && CLASS_NAME.test(source.name) ? originToPlain(source) : null;
}

function originToPlain(origin: { module: string | null; name: string } | null): Origin | null {
  return origin ? { module: origin.module, name: origin.name } : null;
}

function typeTarget(state: ExtractionState, name: string): MockTarget {
  const root = name.split('.')[0]!;
  return { kind: 'type', name, origin: originToPlain(state.originOf(root)) };
}

const CONFIG_READS = /^(get|has|getOrThrow)$/;
const CONFIG_OBJECT = /(^|\.)(config|configService|configuration|settings|nconf)$/i;
const LOG_LEVELS = /^(log|info|warn|warning|error|debug|trace|verbose|silly|fatal|notice|http)$/;

function benignFlag(target: MockTarget): { benign?: boolean } {
  if (target.kind !== 'member') return {};
  const full = `${target.object}.${target.member}`;
  const root = target.object.split('.')[0]!;
  // Silencing a logger (`jest.spyOn(logger, 'error')`, `Logger.prototype.warn`) only keeps output quiet.
  if (LOG_LEVELS.test(target.member) && /log/i.test(target.object)) return { benign: true };
  // Reading configuration (`sinon.stub(config, 'get')`, `configService.get`): a setting for this test, not a dependency.
  if (CONFIG_READS.test(target.member) && CONFIG_OBJECT.test(target.object)) return { benign: true };
  if (BENIGN_OBJECTS.has(root) || BENIGN_MEMBERS.has(full)) return { benign: true };
  if (GLOBAL_OBJECTS.has(root) && BENIGN_MEMBERS.has(`window.${target.member}`)) return { benign: true };
  if (GLOBAL_OBJECTS.has(root) && target.object.split('.')[1] === 'console') return { benign: true };
  return {};
}

/** For a stub of an auth method chained with its behaviour (`.mockReturnValue(user)`, `.returns(true)`): how it always allows. */
function chainAllows(chain: Chain, from: number, target: MockTarget): { allows?: string } {
  if (target.kind !== 'member') return {};
  for (const link of chain.links.slice(from + 1)) {
    if (!link.call) continue;
    const arg = link.call.arguments[0];
    let shape: ReturnShape | null = null;
    if (/^mockImplementation|^callsFake$|^callFake$/.test(link.name)) shape = arg ? shapeOfFunction(arg) : null;
    else if (BEHAVIOUR_METHODS[link.name] || SINON_BEHAVIOURS[link.name] || JASMINE_BEHAVIOURS[link.name]) shape = shapeOfValue(arg);
    if (shape === null) continue;
    if (shape !== 'next' && !AUTH_METHODS.test(target.member)) return {};
    const allow = describeAllow(target.member, shape);
    return allow ? { allows: allow } : {};
  }
  return {};
}

/**
 * What a process hands to the outside: its exit status (`process.exit`) and what it writes to its
 * standard streams (`process.stdout.write`). A spy on them watches the unit's output, like a spy on console.
 */
export function isProcessOutput(object: string, member: string): boolean {
  if (object === 'process' || object === 'global.process' || object === 'globalThis.process') return member === 'exit' || member === 'exitCode';
  return /^(global(This)?\.)?process\.(stdout|stderr)$/.test(object) && member === 'write';
}

/** `const send = jest.spyOn(res, 'send')`: the spy variable watches `res`. */
function noteSpyTarget(state: ExtractionState, variable: string, target: MockTarget & { kind: 'member' }): void {
  const objectRoot = target.object.split('.')[0]!;
  state.spyTargets.set(state.bindingKey(variable), { objectKey: state.bindingKey(objectRoot), objectRoot, output: isProcessOutput(target.object, target.member) });
}

function pendSpy(state: ExtractionState, call: ts.CallExpression, mechanism: string, target: MockTarget, variable: string | null, observeOnly = false): void {
  if (target.kind !== 'member') return;
  const fromContainer = call.arguments[0] ? containerLookup(state, call.arguments[0]) : null;
  // An observe-only spy on an object the test hands to the unit watches the unit's output: follow the object.
  const objectRoot = target.object.split('.')[0]!;
  const objectKey = /^[\w$]+$/.test(objectRoot) ? state.trackObject(objectRoot, false) : objectRoot;
  // A spy on a double watches a double: `jest.spyOn(mockRepo, 'save')`, `sinon.spy(stubs.mailer, 'send')`.
  const onDouble =
    isDoubleName(objectRoot) ||
    state.doubleNames.has(objectRoot) ||
    state.localDoubleObjects.has(objectRoot) ||
    state.deepDoubleVars.has(objectRoot) ||
    madeAsDouble(state, state.initializers.get(objectRoot));
  state.pendingSpies.push({
    onDouble,
    ...(observeOnly ? { observeOnly } : {}),
    ...(fromContainer ? { fromContainer } : {}),
    variableKey: variable !== null ? state.bindingKey(variable) : null,
    objectKey,
    mechanism,
    object: target.object,
    member: target.member,
    origin: target.origin,
    owner: state.owner,
    variable,
    sharedVariable: variable !== null && state.resolveShared(variable) !== null,
    benign: !!benignFlag(target).benign,
    madeInTest: state.owner.kind === 'test' && state.objectMadeInTest(target.object),
    ...state.position(call),
  });
}

/** A value made as a double: `createMockClient()`, `new FakeMailer()`, `{ send: async () => {} }`. */
function madeAsDouble(state: ExtractionState, init: ts.Expression | undefined): boolean {
  if (!init) return false;
  const value = unwrap(init);
  if (ts.isObjectLiteralExpression(value)) return containsDouble(state, value);
  if (ts.isNewExpression(value)) {
    const name = dottedName(value.expression);
    return !!name && isDoubleClass(state, name);
  }
  if (!ts.isCallExpression(value)) return false;
  const chain = flattenChain(value);
  if (chain && isFnDoubleChain(chain, state.sinonRoots)) return true;
  const callee = unwrap(value.expression);
  return isDoubleName(ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '');
}

const CONTAINER_LOOKUPS = new Set(['get', 'resolve', 'inject']);

/**
 * For a spied object asked of a DI container (`model = moduleRef.get(getModelToken(Cat))`, or
 * `service['repo']` with `service = module.get(UsersService)`): the token, named as provider sites
 * name it, and whether the object is only a part of what the container handed out.
 */
function containerLookup(state: ExtractionState, objectArg: ts.Expression): { token: string; member: boolean } | null {
  let current = unwrap(objectArg);
  let member = false;
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
    current = unwrap(current.expression);
    member = true;
  }
  if (ts.isIdentifier(current)) {
    const init = state.initializers.get(current.text);
    if (!init) return null;
    current = unwrap(init);
  }
  if (!ts.isCallExpression(current) || !current.arguments[0]) return null;
  const callee = unwrap(current.expression);
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  if (!CONTAINER_LOOKUPS.has(method)) return null;
  const token = tokenTarget(state, current.arguments[0]);
  return token.kind === 'token' ? { token: token.name, member } : null;
}

/**
 * `obj.method = jest.fn()` / `Date.now = () => 0`: monkey-patching a real object's member.
 * Only when the object is traceable to a module, an instance made from one, or a known global,
 * so that configuring a hand-made double's property is not mistaken for replacing a dependency.
 */
export function recogniseMemberAssignment(state: ExtractionState, left: ts.Expression, right: ts.Expression, node: ts.Node): void {
  if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) return;
  const value = unwrap(right);
  const valueChain = ts.isCallExpression(value) ? flattenChain(value) : null;
  // `mailer.sendMail = sendMailFn` with `const sendMailFn = jest.fn()`: the double made first, then put in place.
  const isFnDouble = (!!valueChain && isFnDoubleChain(valueChain, state.sinonRoots)) || (ts.isIdentifier(value) && state.doubleNames.has(value.text));
  const isFunction = isFunctionLike(value);
  const objectExpr = unwrap(left.expression);
  const member = ts.isPropertyAccessExpression(left) ? left.name.text : literalText(left.argumentExpression);
  if (!member) return;
  const root = rootIdentifier(objectExpr);
  if (!root || root === 'this' || root === 'process') return;
  const objectName = dottedName(objectExpr) ?? state.shortText(objectExpr, 40);
  // global.fetch = ..., globalThis.fetch = ..., window.fetch = ...
  if (GLOBAL_OBJECTS.has(root) && ts.isIdentifier(objectExpr)) {
    if (BOUNDARY_GLOBALS[member] && (isFnDouble || isFunction || ts.isIdentifier(value) || ts.isCallExpression(value))) {
      if (ts.isIdentifier(value) && !isDoubleName(value.text) && !state.doubleNames.has(value.text)) return;
      addSite(state, node, 'global assignment', member === 'Date' ? 'clock' : 'global', { kind: 'global', name: member }, isFnDouble ? 'stub' : 'implementation');
    }
    return;
  }
  if (!isFnDouble && !isFunction) return;
  if (isListenerAssignment(member, value)) return;
  // `req.isAuthenticated = () => true`: an auth check forced open, whatever object it hangs on.
  if (AUTH_METHODS.test(member) && !state.doubleNames.has(root)) {
    const allow = describeAllow(member, isFunction ? shapeOfFunction(value) : shapeOfDouble(value, state.sinonRoots));
    if (allow) {
      const target: MockTarget = { kind: 'member', object: objectName, member, origin: memberOrigin(state, objectExpr) };
      addSite(state, node, 'assignment', 'method', target, isFnDouble ? 'stub' : 'implementation', { allows: allow });
      return;
    }
  }
  if (state.doubleNames.has(root) || state.localDoubleObjects.has(root)) return;
  // A wrapper that still runs the method it replaced observes it, like a spy with no behaviour.
  if (isFunction && callsThroughOriginal(state, value, left)) return;
  const origin = state.originOf(root);
  const isGlobal = root === 'Date' || root === 'Math' || root === 'console';
  if (!origin && !isGlobal) return;
  const target: MockTarget = { kind: 'member', object: objectName, member, origin: isGlobal && !origin ? { module: null, name: root } : memberOrigin(state, objectExpr) };
  addSite(state, node, 'assignment', root === 'Date' ? 'clock' : 'method', target, isFnDouble ? 'stub' : 'implementation', benignFlag(target));
}

/** `new MockAdapter(axios)`, `new MockAgent()`: fake transports made with `new`. */
export function recogniseMockConstruction(state: ExtractionState, node: ts.NewExpression, assignedTo: string | null = null): void {
  const callee = unwrap(node.expression);
  const root = rootIdentifier(callee);
  if (!root) return;
  const origin = state.originOf(root);
  if (!origin?.module) return;
  if (origin.module === 'axios-mock-adapter') {
    const arg = node.arguments?.[0] ? unwrap(node.arguments[0]) : undefined;
    const argRoot = arg ? rootIdentifier(arg) : null;
    const argOrigin = argRoot ? state.originOf(argRoot) : null;
    const specifier = argOrigin?.module ?? 'axios';
    addSite(state, node, 'axios-mock-adapter', 'network', { kind: 'module', specifier }, 'handler', { fakeLibrary: 'axios-mock-adapter' });
  } else if (origin.module === 'undici' && origin.name === 'MockAgent') {
    // Each `agent.get(origin)` is a site naming its host (like nock); the agent itself is a site
    // only when no origin is intercepted in the file (dropAnsweredMockAgents).
    addSite(state, node, 'undici MockAgent', 'network', { kind: 'module', specifier: 'undici' }, 'handler');
    if (assignedTo) state.mockAgents.add(assignedTo);
  }
}

/** Angular's HttpClientTestingModule / provideHttpClientTesting(): the HTTP backend is a double. */
export function recogniseAngularHttpTesting(state: ExtractionState, node: ts.Identifier): void {
  const origin = state.originOf(node.text);
  if (origin?.module !== '@angular/common/http/testing') return;
  if (origin.name !== 'HttpClientTestingModule' && origin.name !== 'provideHttpClientTesting') return;
  addUniqueGlobalSite(state, node, 'angular HttpClientTesting', 'HttpClient', 'handler');
}

/** An undici MockAgent whose intercepted origins are sites of their own is not reported again. */
export function dropAnsweredMockAgents(state: ExtractionState): void {
  const mocks = state.model.mocks;
  if (!mocks.some((m) => m.mechanism === 'undici MockAgent' && m.target.kind === 'host')) return;
  for (let i = mocks.length - 1; i >= 0; i--) {
    const m = mocks[i]!;
    if (m.mechanism === 'undici MockAgent' && m.target.kind === 'module') mocks.splice(i, 1);
  }
}
