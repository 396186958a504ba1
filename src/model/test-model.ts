/**
 * The framework-neutral test model: what one walk over a test file extracts.
 * Rules read only this (plus project context); they never see the AST.
 */

export type Tier = 'unit' | 'integration' | 'e2e';

export type Framework =
  | 'jest'
  | 'vitest'
  | 'node:test'
  | 'mocha'
  | 'jasmine'
  | 'bun'
  | 'playwright'
  | 'cypress'
  | 'unknown';

/** 1-based line and column, as editors show them. */
export interface Position {
  line: number;
  column: number;
}

/** Which part of a test file a fact belongs to. */
export type Owner =
  | { kind: 'file' }
  | { kind: 'describe'; id: number }
  | { kind: 'test'; id: number }
  | { kind: 'hook'; id: number }
  | { kind: 'helper'; name: string };

export interface DescribeBlock extends Position {
  id: number;
  title: string;
  /** Enclosing describe, or null at file scope. */
  parentId: number | null;
  /** Skipped or todo (`describe.skip`, `xdescribe`, `{ skip: true }`): its tests do not run. */
  skipped?: true;
  /**
   * Playwright serial mode (`test.describe.serial(…)`, or `test.describe.configure({ mode: 'serial' })`
   * in its body): its tests run in order as the steps of one scenario, and a failure skips the rest.
   */
  serial?: true;
}

export type TestModifier = 'skip' | 'only' | 'todo' | 'concurrent' | 'each' | 'failing';

export interface TestCase extends Position {
  id: number;
  title: string;
  /** Titles of the enclosing describe blocks, outermost first. */
  describePath: string[];
  describeId: number | null;
  modifiers: TestModifier[];
  /** False for `it('todo')` style tests without a body. */
  hasBody: boolean;
  /** True when the body is a function passed by name (`it('x', runScenario)`): not visible here. */
  bodyByReference?: boolean;
  /** True when the body only declares types and functions it never calls: a check the type checker makes. */
  compileOnly?: true;
  /** Names of functions declared in this file that the test body calls. */
  localHelperCalls: string[];
  /**
   * A callback-style test (`it('x', (done) => …)`) that only a later callback ends: `done` is called
   * from an event handler or a promise callback, or registered as a listener
   * (`client.once('ready', done)`), and never in the test's own body. It fails by timeout when that
   * never happens: it checks that the event comes.
   */
  endsOnEvent?: true;
}

export type HookKind = 'beforeAll' | 'beforeEach' | 'afterEach' | 'afterAll';

export interface Hook extends Position {
  id: number;
  kind: HookKind;
  describeId: number | null;
  localHelperCalls: string[];
  /** The helper function it is registered in (`const setupTestDB = () => { beforeAll(...) }`): it applies where that helper is called. */
  helper?: string;
  /** The function handed over by name as its body (`afterEach(nockAfterEach)`). */
  bodyName?: string;
}

/** Where a local identifier's value came from, as far as the file shows. */
export interface Origin {
  /** Module specifier as written ('pg', '../db', 'node:fs'), or null for globals. */
  module: string | null;
  /** Imported name ('default', '*', 'Pool'), or the global's name ('fetch', 'Date'). */
  name: string;
}

export type MockFamily =
  | 'module'
  | 'method'
  | 'deep-double'
  | 'network'
  | 'dependency-injection'
  | 'fake-library'
  | 'global'
  | 'clock';

/** What a mock site replaces. */
export type MockTarget =
  /** A whole module, by specifier. */
  | { kind: 'module'; specifier: string }
  /** A method or property of an object: `jest.spyOn(pool, 'query')`. */
  | { kind: 'member'; object: string; member: string; origin: Origin | null }
  /** A double typed or shaped after a class/interface: `mockDeep<PrismaClient>()`. */
  | { kind: 'type'; name: string; origin: Origin | null }
  /** Network interception of a host: `nock('https://api.stripe.com')`. */
  | { kind: 'host'; host: string; url: string }
  /** A global replaced: `global.fetch = ...`, fake timers replacing the clock. */
  | { kind: 'global'; name: string }
  /** A dependency-injection token replaced: `{ provide: OrdersService, useValue }`. */
  | { kind: 'token'; name: string; origin: Origin | null }
  /**
   * A top-level variable private to a module, replaced from outside: rewire's
   * `rewire('../orders').__set__('db', fake)`. `module` is the specifier as the test wrote it.
   */
  | { kind: 'private'; module: string; name: string };

export type Replacement =
  | 'automock'
  | 'factory'
  | 'implementation'
  | 'return-value'
  | 'resolved-value'
  | 'rejected-value'
  | 'stub'
  | 'value'
  | 'class'
  | 'handler'
  | 'deep-double'
  | 'fake-library'
  | 'fake-timers'
  | 'frozen-time';

export interface MockSite extends Position {
  /** How the double was made, normalised: 'jest.mock', 'vi.spyOn', 'sinon.stub', 'nock', 'msw', ... */
  mechanism: string;
  family: MockFamily;
  target: MockTarget;
  replacement: Replacement;
  owner: Owner;
  /** The fake library that provides the double, when there is one (ioredis-mock, pg-mem). */
  fakeLibrary?: string;
  /** When the replacement always lets a caller through: 'canActivate returns true', 'calls next()'. */
  allows?: string;
  /** True when the replaced object was built by the test itself (`new Writable()` in the file). */
  selfMade?: boolean;
  /**
   * True when the object the double hangs on is a value the owning test made in its own body
   * (`const client = new Client()`, `const app = Fastify()`): no later test can reach it.
   */
  madeInTest?: true;
  /** True when the site only silences noise (console output): never above info. */
  benign?: boolean;
  /**
   * True when the double's only behaviour is to fail (`.throws(err)`, `mockRejectedValueOnce(err)`):
   * fault injection into a dependency that otherwise stays real.
   */
  fault?: boolean;
  /**
   * For a spy made in setup code and given its behaviour later (`spy.mockRejectedValueOnce(e)` in
   * a test): who gives it behaviour, and whether that behaviour only fails. Until then the spy only
   * observes, so the double applies to those owners' tests alone.
   */
  configuredBy?: { owner: Owner; fault: boolean }[];
  /**
   * Recognised on the strength of a name imported from another module (`import { rest } from
   * 'test/server'` then `rest.get(url, resolver)`): the site stands only if that module re-exports
   * the name from `module` (`export * from 'msw'`). Settled by the audit, which sees both files.
   */
  reexport?: { specifier: string; name: string; module: string };
  /**
   * For a DI double given by name and imported (`useClass: FakeJwtAuthGuard` from
   * './fake-jwt-auth.guard'): the import, so analysis can carry over what that file says about it.
   */
  provided?: { module: string; name: string; kind: 'class' | 'value' };
  /**
   * For a deep double made inside another double (`jest.mock(path, () => ({ default:
   * mockDeep<PrismaClient>() }))`, a value a stub returns): the position of that double. When both
   * stand in for the same system they are one double, reported once, at the outer one.
   */
  partOf?: { line: number; column: number };
  /**
   * Where the double's own replacement starts or opens a real system (`MongoMemoryServer.create()`
   * or a Testcontainers container inside a `jest.mock` factory or a `mockImplementation`): the line
   * of that evidence. The double then wires the code to a real engine; it fakes none of it.
   */
  realInside?: { line: number };
  /**
   * For a module factory that spreads the real module (`{ ...jest.requireActual('react-router-dom'),
   * useNavigate: () => navigate }`): the members it replaces. The rest of the module stays real.
   */
  replacedMembers?: string[];
}

export type AssertionKind =
  /** About a double's invocations: toHaveBeenCalledWith, sinon.assert, scope.isDone(). */
  | 'mock-invocation'
  /** About a real output or state. */
  | 'value'
  /** A helper we cannot see into that presumably asserts (counted as real, to stay precise). */
  | 'helper'
  /**
   * A call that fails the test when what it looks for is missing, without being an assertion
   * statement: Testing Library `getBy*` / `await findBy*` queries, `waitForElementToBeRemoved`.
   * It means the test asserts something; no rule weighs it as a check of a value.
   */
  | 'implicit';

/** The function an asserted call runs, by the local names of the test file. */
export interface SubjectCall {
  /** The called name (`getUser`) or the object the method is called on (`service`, `users`). */
  root: string;
  /** The method or property called on `root`; null for a plain function call. */
  member: string | null;
  /** When `root` holds an instance the file makes or asks a DI container for: the class's local name. */
  instanceOf?: string;
}

export interface Assertion extends Position {
  kind: AssertionKind;
  /** Matcher or assertion function: 'toHaveBeenCalledWith', 'assert.equal', 'supertest.expect'. */
  matcher: string;
  owner: Owner;
  /** Root identifier of the asserted subject, when it is one (`expect(repo.save)` → 'repo'). */
  subjectRoot: string | null;
  /** The expected value as written, when it is a name or a literal (`toEqual(users)` → 'users'). */
  expected?: string | null;
  /** True when the subject is what a call returned (`expect(await svc.find())`, or a variable holding it). */
  subjectFromCall?: boolean;
  /**
   * For a subject from a call: the function called, as the file names it, so analysis can find its
   * code (`getUser(7)` → root 'getUser'; `service.findAll()` with `service = new UsersService(…)` or
   * `module.get(UsersService)` → root 'service', member 'findAll', instanceOf 'UsersService').
   */
  subjectCall?: SubjectCall;
  /**
   * For invocation assertions: true when the double is the unit's output channel rather than a
   * stand-in for a dependency — a callback or object the test hands to the unit (`handler(req, res)`
   * with `res = { send: jest.fn() }`), an observe-only spy on a real object it hands over, a spy on
   * console. Asserting on its calls checks the unit's output.
   */
  onOutputChannel?: boolean;
  /**
   * For invocation assertions: true when the subject is a spy given no behaviour on an object that
   * is not itself a double (`sinon.spy(pool, 'drain')`, a bare `jest.spyOn(socket, 'setTimeout')`).
   * The real method ran; the assertion checks that the real code called it, not that it called a mock.
   */
  observesRealMethod?: boolean;
  /**
   * True for `expect(p).resolves.…` / `.rejects.…` written as a bare statement: neither awaited
   * nor returned, so the test ends before the check settles and its failure is never seen.
   */
  floating?: true;
  /**
   * True when the check sits in a catch block whose try block cannot fail on its own (no `throw`,
   * no `fail()`): it runs only when the code throws.
   */
  inCatch?: true;
  /** For assertions on an HTTP response: 'status' with the asserted code, or 'header'. */
  /** `anySuccess`: the check accepts any 2xx (`response.ok`, `toBeOK()`), `code` is then 200. */
  http?: { part: 'status'; code: number; anySuccess?: true } | { part: 'header' };
}

export type BindingValueKind =
  | 'array'
  | 'object'
  | 'map'
  | 'set'
  | 'primitive'
  | 'fn-double'
  | 'instance'
  | 'call'
  | 'function'
  | 'none'
  | 'other';

export type BindingAccessKind = 'write' | 'mutate' | 'read';

export interface BindingAccess extends Position {
  kind: BindingAccessKind;
  owner: Owner;
  /** For 'write', the kind of value written. */
  valueKind?: BindingValueKind;
  /** For a mutation through a method call, the method ('push', 'set'). */
  method?: string;
  /** For a property assignment or delete, the first property written (`state.user = x` → 'user'). */
  property?: string;
}

/** A variable declared at file or describe scope, which tests and hooks may share. */
export interface Binding extends Position {
  name: string;
  declaration: 'let' | 'var' | 'const';
  /** null at file scope. */
  describeId: number | null;
  valueKind: BindingValueKind;
  accesses: BindingAccess[];
}

/** A write to process-wide state: process.env or a global object property. */
export interface GlobalStateWrite extends Position {
  target: 'env' | 'global';
  /** The key written ('DATABASE_URL', 'fetch'), or '*' when the whole object is replaced. */
  key: string;
  owner: Owner;
  /** True for writes that restore a saved value (assignment from a saved copy, delete). */
  restoring: boolean;
  /** True when made through a runner helper that undoes itself (vi.stubEnv with unstubEnvs). */
  viaRunnerHelper: boolean;
}

/** What a double gives back, as far as the replacement shows. */
export type ReturnShape = 'true' | 'false' | 'object' | 'next' | 'other';

/** A double's behaviour configured: `repo.find.mockResolvedValue(x)`. */
export interface MockBehaviour extends Position {
  /** Root identifier of the configured double. */
  subjectRoot: string;
  /** Full dotted path of the double, e.g. 'repo.find'. */
  subject: string;
  method: string;
  /** Once-variants are consumed by one call and leak only when unused. */
  once: boolean;
  /** True when the double outlives the test: imported, or declared at file or describe scope. */
  shared: boolean;
  owner: Owner;
  /** The value given, when it is a name or a literal (`mockResolvedValue(users)` → 'users'). */
  value?: string | null;
  returns?: ReturnShape;
  /** True when the behaviour only makes the double fail (throws or rejects). */
  fault?: boolean;
}

/** A fixed-duration wait: `await sleep(500)`, `new Promise(r => setTimeout(r, 200))`, `page.waitForTimeout(1000)`. */
export interface FixedWait extends Position {
  owner: Owner;
  /** The call as written, shortened: 'sleep(500)'. */
  call: string;
  ms: number;
  /**
   * True when the wait repeats until a condition — inside a while/do loop, a for loop that exits
   * on a condition, or a function that calls itself: polling, not a timing guess.
   */
  polling?: boolean;
  /**
   * 'timestamps': the comment on the wait says it only lets the clock move on, so that two
   * timestamps differ (`// ensure a different updatedAt`). A slow machine cannot make that fail.
   * 'absence': the statement after it checks that something did not happen
   * (`expect(poll).not.toHaveBeenCalled()`): a slow machine makes that check pass too early.
   */
  purpose?: 'timestamps' | 'absence';
}

/** A write to a fixed path: `fs.writeFileSync('./out/report.json', ...)`. */
export interface FixedPathWrite extends Position {
  owner: Owner;
  method: string;
  /** The path as written, shortened. */
  path: string;
  /** absolute: outside any temp dir; repo: next to the test (`__dirname`); cwd: relative to the working directory; tmp: a fixed name under /tmp. */
  where: 'absolute' | 'repo' | 'cwd' | 'tmp';
}

export type MockResetKind = 'clear' | 'reset' | 'restore';

/** A call that resets mock state: jest.resetAllMocks(), sinon.restore(), spy.mockReset(). */
export interface MockReset extends Position {
  kind: MockResetKind;
  /** True for the *All* variants and sandbox restores; false for one double. */
  all: boolean;
  subjectRoot: string | null;
  /**
   * The one double undone, when known: the method restored (`Redis.prototype.connect.restore()`),
   * or the one a stub or spy variable replaces (`s.restore()` with `s = sinon.stub(obj, 'm')` → obj.m).
   */
  subject?: string;
  owner: Owner;
}

export type DatabaseEngine =
  | 'postgresql'
  | 'mysql'
  | 'mariadb'
  | 'mssql'
  | 'oracle'
  | 'sqlite'
  | 'pg-mem'
  | 'mongodb'
  | 'unknown';

/** Test code choosing a database engine: `new Database(':memory:')`, `dialect: 'sqlite'`. */
export interface DatabaseSelection extends Position {
  engine: DatabaseEngine;
  /** What selected it, as written: "better-sqlite3 import", "dialect: 'sqlite'". */
  evidence: string;
  owner: Owner;
  /** Set when the choice depends on an environment switch that can select another engine. */
  switchable: string | null;
  /** True for an import of the engine's module: weaker evidence than where the database is made. */
  fromImport?: boolean;
}

/** Evidence that a test uses a real thing rather than a double. */
export interface RealUsage extends Position {
  /**
   * What is real: 'testcontainers', 'supertest', 'temp-dir', 'mongodb-memory-server', 'client'
   * (a client the test opens), 'remote-app' (supertest against a URL: the app runs in its own
   * process), 'browser-app' (a Cypress or Playwright command driving the app in a browser), or
   * 'component-mount' (a component mounted without the app: browser commands then test it alone).
   */
  kind: string;
  detail: string;
  owner: Owner;
  /** For clients: the engine the test's own options name (`TypeOrmModule.forRoot({ type: 'mysql' })`). */
  engine?: DatabaseEngine;
}

export interface ImportUse {
  local: string;
  owner: Owner;
  /**
   * True when the owner only reads data through the name (`const user = fixtures.admin`): it calls
   * nothing from it, neither directly nor by handing it or its members to a call.
   */
  valueOnly?: boolean;
}

export interface ImportRecord extends Position {
  specifier: string;
  /** Local names bound by this import (empty for side-effect imports). */
  locals: string[];
  /** The exported name each local is bound to, index-aligned with `locals`: 'default', '*' (the whole module), or the export's name. */
  imported: string[];
  typeOnly: boolean;
}

/** A name the module exports, and the top-level local it exports (`export default prismaMock` → default, prismaMock). */
export interface ExportRecord {
  /** 'default' for `export default` and `module.exports = x` (also '*' for the latter); otherwise the exported name. */
  name: string;
  local: string;
}

/**
 * A justified exception written in the file: `// test-audit-ignore-next-line <rule-id> -- <reason>`
 * or `/* test-audit-ignore-file <rule-id> -- <reason> *\/`. One entry per rule id named.
 */
export interface SuppressionComment extends Position {
  scope: 'next-line' | 'file';
  /** The rule id as written; '' when the comment names none. */
  ruleId: string;
  /** The justification after `--`, whitespace collapsed; null when missing or empty (then it suppresses nothing). */
  reason: string | null;
  /** For 'next-line': the line it applies to, the one after the comment ends. Null for 'file'. */
  targetLine: number | null;
}

/** A function declared in the file that tests may call: its own facts count for them. */
export interface LocalHelper {
  name: string;
  line: number;
  localHelperCalls: string[];
}

/** `export * from 'msw'` (names null) or `export { rest, http } from 'msw'`, and re-exported imports. */
export interface Reexport {
  specifier: string;
  /** The names re-exported under their own name; null for `export *`. */
  names: string[] | null;
}

export interface TestFileModel {
  framework: Framework;
  /** Playwright serial mode for the whole file (`test.describe.configure({ mode: 'serial' })` at its top level). */
  serial?: true;
  /** Why the framework was chosen, e.g. "imports vitest". */
  frameworkReason: string;
  imports: ImportRecord[];
  /** Top-level exports naming a local (what helpers and setup files hand to the tests importing them). */
  exports: ExportRecord[];
  /**
   * Classes and top-level objects of this file whose auth method always lets the caller through
   * (a FakeAuthGuard whose canActivate returns true), by local name, with how it allows. Files
   * that import one as a double inherit the fact.
   */
  alwaysAllows: { local: string; kind: 'class' | 'value'; allows: string }[];
  describes: DescribeBlock[];
  tests: TestCase[];
  hooks: Hook[];
  helpers: LocalHelper[];
  mocks: MockSite[];
  assertions: Assertion[];
  /** Where `expect.assertions(n)` / `expect.hasAssertions()` is called: tests there fail when no check ran. */
  assertionCounts?: Owner[];
  bindings: Binding[];
  globalWrites: GlobalStateWrite[];
  mockBehaviours: MockBehaviour[];
  mockResets: MockReset[];
  databaseSelections: DatabaseSelection[];
  realUsages: RealUsage[];
  /** Which imported names each owner uses (`request(app)` in a test uses `app`), one entry per owner and name. */
  importUses: ImportUse[];
  fixedWaits: FixedWait[];
  fixedPathWrites: FixedPathWrite[];
  /** Inline suppression comments, in source order. */
  suppressions: SuppressionComment[];
  /** What the file re-exports from packages, for names other files import from it. */
  reexports: Reexport[];
  lineCount: number;
}
