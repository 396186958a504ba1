/**
 * The names test frameworks and mocking libraries use, in one place. Recognisers match chains
 * against these; adding a spelling here teaches every recogniser at once.
 */
import type { HookKind } from '../model/test-model.js';
import type { Chain, ChainHead } from './chain.js';
import { lookupTable } from '../lookup-table.js';

export const DESCRIBE_ROOTS = new Set(['describe', 'context', 'suite', 'fdescribe', 'xdescribe', 'xcontext', 'xsuite']);
export const TEST_ROOTS = new Set(['it', 'test', 'specify', 'fit', 'xit', 'xtest', 'xspecify']);

export const HOOK_KINDS: Record<string, HookKind> = lookupTable({
  beforeAll: 'beforeAll',
  before: 'beforeAll',
  suiteSetup: 'beforeAll',
  beforeEach: 'beforeEach',
  setup: 'beforeEach',
  afterEach: 'afterEach',
  teardown: 'afterEach',
  afterAll: 'afterAll',
  after: 'afterAll',
  suiteTeardown: 'afterAll',
});

/** Links that may follow a describe/test root without changing what it is. */
export const STRUCTURE_MODIFIERS = new Set([
  'only',
  'skip',
  'todo',
  'concurrent',
  'sequential',
  'shuffle',
  'failing',
  'fails',
  'each',
  'skipIf',
  'runIf',
  'fixme',
  'fail',
  'slow',
  'serial',
  'parallel',
  '',
]);

/** Jest/Vitest/Jasmine matchers about a double's invocations. */
export const SPY_MATCHERS = new Set([
  'toHaveBeenCalled',
  'toHaveBeenCalledTimes',
  'toHaveBeenCalledWith',
  'toHaveBeenLastCalledWith',
  'toHaveBeenNthCalledWith',
  'toHaveBeenCalledOnce',
  'toHaveBeenCalledOnceWith',
  'toHaveBeenCalledExactlyOnceWith',
  'toHaveBeenCalledBefore',
  'toHaveBeenCalledAfter',
  'toHaveBeenCalledOnceWith',
  'toBeCalled',
  'toBeCalledTimes',
  'toBeCalledWith',
  'lastCalledWith',
  'nthCalledWith',
  'toHaveReturned',
  'toHaveReturnedTimes',
  'toHaveReturnedWith',
  'toHaveLastReturnedWith',
  'toHaveNthReturnedWith',
  'toReturn',
  'toReturnTimes',
  'toReturnWith',
  'lastReturnedWith',
  'nthReturnedWith',
  'toHaveResolved',
  'toHaveResolvedTimes',
  'toHaveResolvedWith',
  'toHaveLastResolvedWith',
  'toHaveNthResolvedWith',
]);

/** sinon-chai / chai-spies properties and methods about invocations. */
export const SINON_CHAI_WORDS = new Set([
  'called',
  'calledOnce',
  'calledTwice',
  'calledThrice',
  'callCount',
  'calledWith',
  'calledOnceWith',
  'calledWithExactly',
  'calledOnceWithExactly',
  'calledWithMatch',
  'calledWithNew',
  'calledBefore',
  'calledAfter',
  'calledImmediatelyBefore',
  'calledImmediatelyAfter',
  'calledOn',
  'alwaysCalledWith',
  'alwaysCalledWithExactly',
  'alwaysCalledWithMatch',
  'alwaysCalledOn',
  'alwaysReturned',
  'alwaysThrew',
  'returned',
  'thrown',
  'nthCalledWith',
]);

/** Properties of sinon spies/stubs that read their invocations (distinctive enough on any root). */
export const SINON_CALL_PROPS = new Set([
  'calledOnce',
  'calledTwice',
  'calledThrice',
  'callCount',
  'calledWith',
  'calledOnceWith',
  'calledWithExactly',
  'calledOnceWithExactly',
  'calledWithMatch',
  'firstCall',
  'secondCall',
  'thirdCall',
  'lastCall',
  'getCall',
  'getCalls',
  'notCalled',
  'neverCalledWith',
  'alwaysCalledWith',
  'calledBefore',
  'calledAfter',
]);

/** Sinon spy properties too generic to trust unless the root is a known double. */
export const SINON_GENERIC_PROPS = new Set(['called', 'args', 'returnValues', 'thisValues']);

/** Jest/Vitest mock-function state (`fn.mock.calls`) and node:test (`fn.mock.callCount()`). */
export const MOCK_STATE_PROPS = new Set([
  'calls',
  'results',
  'lastCall',
  'instances',
  'contexts',
  'invocationCallOrder',
  'callCount',
  'settledResults',
]);

/** Jasmine spy call tracking: `spy.calls.count()`, `spy.calls.argsFor(0)`. */
export const JASMINE_CALLS_METHODS = new Set(['count', 'argsFor', 'allArgs', 'all', 'mostRecent', 'first', 'any']);

/** Methods that give a Jest/Vitest double new behaviour. */
export const BEHAVIOUR_METHODS: Record<string, { once: boolean; replacement: BehaviourReplacement }> = lookupTable({
  mockImplementation: { once: false, replacement: 'implementation' },
  mockImplementationOnce: { once: true, replacement: 'implementation' },
  mockReturnValue: { once: false, replacement: 'return-value' },
  mockReturnValueOnce: { once: true, replacement: 'return-value' },
  mockResolvedValue: { once: false, replacement: 'resolved-value' },
  mockResolvedValueOnce: { once: true, replacement: 'resolved-value' },
  mockRejectedValue: { once: false, replacement: 'rejected-value' },
  mockRejectedValueOnce: { once: true, replacement: 'rejected-value' },
  mockReturnThis: { once: false, replacement: 'return-value' },
  mockThrow: { once: false, replacement: 'implementation' },
  mockThrowOnce: { once: true, replacement: 'implementation' },
});

/** Sinon stub behaviours, chained on a stub. */
export const SINON_BEHAVIOURS: Record<string, BehaviourReplacement> = lookupTable({
  returns: 'return-value',
  resolves: 'resolved-value',
  rejects: 'rejected-value',
  callsFake: 'implementation',
  throws: 'implementation',
  yields: 'implementation',
  yieldsAsync: 'implementation',
  callsArg: 'implementation',
  callsArgWith: 'implementation',
  callsArgWithAsync: 'implementation',
  returnsArg: 'return-value',
  returnsThis: 'return-value',
  resolvesArg: 'resolved-value',
  value: 'return-value',
  get: 'implementation',
  onCall: 'implementation',
  onFirstCall: 'implementation',
  withArgs: 'implementation',
});

/**
 * Sinon and Jasmine behaviours whose argument the double hands back or runs (`stub.returns(client)`,
 * `spy.and.returnValue(x)`); their generic names (`get`, `value`, `withArgs`) are left out.
 */
export const VALUE_BEHAVIOURS: ReadonlySet<string> = new Set(['returns', 'resolves', 'callsFake', 'returnValue', 'returnValues', 'callFake', 'resolveTo']);

/** Jasmine `spyOn(...).and.<x>` behaviours; callThrough keeps the real implementation. */
export const JASMINE_BEHAVIOURS: Record<string, BehaviourReplacement> = lookupTable({
  returnValue: 'return-value',
  returnValues: 'return-value',
  callFake: 'implementation',
  resolveTo: 'resolved-value',
  rejectWith: 'rejected-value',
  throwError: 'implementation',
  stub: 'stub',
});

export type BehaviourReplacement = 'implementation' | 'return-value' | 'resolved-value' | 'rejected-value' | 'stub';

/** Array/Map/Set methods that change the receiver. */
export const MUTATING_METHODS = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
  'set',
  'add',
  'delete',
  'clear',
]);

/** Prefixes of helper names that, by convention, assert (`expectValidOrder(res)`). */
export const ASSERTING_HELPER = /^(expect|assert|verify|check|should|ensure|validate)[A-Z_0-9]/;

/** Module specifiers whose default or namespace export is an assertion function. */
export const ASSERT_MODULES = new Set([
  'assert',
  'node:assert',
  'assert/strict',
  'node:assert/strict',
  'power-assert',
  'uvu/assert',
  'chai',
  'tap',
]);

/** Assertion methods of a test-context object: node:test `t.assert.*`, AVA and tap `t.*`. */
export const CONTEXT_ASSERTIONS = new Set([
  'is',
  'not',
  'deepEqual',
  'notDeepEqual',
  'like',
  'unlike',
  'true',
  'false',
  'truthy',
  'falsy',
  'throws',
  'throwsAsync',
  'notThrows',
  'notThrowsAsync',
  'regex',
  'notRegex',
  'snapshot',
  'pass',
  'fail',
  'equal',
  'notEqual',
  'same',
  'notSame',
  'strictSame',
  'ok',
  'notOk',
  'match',
  'notMatch',
  'has',
  'type',
  'error',
  'rejects',
  'resolves',
  'resolveMatch',
  'strictEqual',
  'deepStrictEqual',
  'notStrictEqual',
  'assert',
]);

/**
 * Request and response doubles made by Express testing libraries, by package and factory. A
 * response made by one and handed to the unit is what the unit writes its answer into, like a
 * hand-made `res = { status: jest.fn() }`.
 */
export const HTTP_MESSAGE_DOUBLES: Readonly<Record<string, ReadonlySet<string>>> = lookupTable({
  'sinon-express-mock': new Set(['mockReq', 'mockRes']),
  'node-mocks-http': new Set(['createRequest', 'createResponse', 'createMocks']),
  '@jest-mock/express': new Set(['getMockReq', 'getMockRes']),
});

export const SINON_ROOTS: ReadonlySet<string> = new Set(['sinon', 'sandbox']);

export const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);

/** The names of a chain's first links up to and including the first call: `jest.spyOn(...)` → 'jest.spyOn'. */
export function headPath(chain: Chain): ChainHead | null {
  // Asked by several recognisers of the same chain: worked out once.
  if (chain.head !== undefined) return chain.head;
  const index = firstCallIndex(chain);
  chain.head = index < 0 ? null : { path: chain.names.slice(0, index + 1).join('.'), index };
  return chain.head;
}

function firstCallIndex(chain: Chain): number {
  const links = chain.links;
  for (let i = 0; i < links.length; i++) if (links[i]!.call) return i;
  return -1;
}

/** What a free-standing fn double outside sinon calls first: jest.fn, vi.fn, mock.fn, jasmine.createSpy, td.func. */
const FN_DOUBLE_MAKERS: ReadonlySet<string> = new Set(['fn', 'createSpy', 'func', 'function']);

/**
 * True for calls that make a free-standing function double: `jest.fn()`, `vi.fn()`, `sinon.stub()`,
 * `sinon.fake.resolves(x)`, `mock.fn()`, `t.mock.fn()`, `jasmine.createSpy()`, `td.func()`.
 */
export function isFnDoubleChain(chain: Chain, sinonRoots: ReadonlySet<string> = SINON_ROOTS): boolean {
  // Asked of every call in an object literal: most are ruled out by the name of their first call
  // before the head's path is joined.
  if (!sinonRoots.has(chain.names[0]!) && !FN_DOUBLE_MAKERS.has(chain.names[firstCallIndex(chain)] ?? '')) return false;
  const head = headPath(chain);
  if (!head) return false;
  const call = chain.links[head.index]!.call!;
  const names = chain.names;
  const path = head.path;
  if (path === 'jest.fn' || path === 'vi.fn' || path === 'jasmine.createSpy' || path === 'td.func' || path === 'td.function') {
    return true;
  }
  if (path.endsWith('mock.fn')) return true;
  if (sinonRoots.has(names[0]!)) {
    if (names[1] === 'fake') return true;
    if ((names[1] === 'stub' || names[1] === 'spy') && head.index === 1) {
      // sinon.stub(obj, 'm') replaces a method; sinon.stub() and sinon.spy(fn) are free-standing.
      return call.arguments.length === 0 || (names[1] === 'spy' && call.arguments.length === 1);
    }
  }
  return false;
}
