/**
 * Mutable state of one file's walk: the model under construction, the scope stacks, and what the
 * file says about where each local name came from. Recognisers read and extend it.
 */
import { ts } from '../typescript.js';
import type {
  Assertion,
  Binding,
  BindingValueKind,
  DatabaseSelection,
  HookKind,
  ImportUse,
  MockReset,
  MockSite,
  Origin,
  Owner,
  Position,
  TestFileModel,
  TestModifier,
} from '../model/test-model.js';
import { flattenChain, isFunctionLike, unwrap } from './chain.js';

/** Kinds that open a function scope, as a table: the walk asks for every node. */
const FUNCTION_KINDS = new Uint8Array(ts.SyntaxKind.Count);
for (const kind of [ts.SyntaxKind.ArrowFunction, ts.SyntaxKind.FunctionExpression, ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.MethodDeclaration]) FUNCTION_KINDS[kind] = 1;
import { isFnDoubleChain } from './vocabulary.js';
import { runsNothing } from './compile-only.js';

/** What a local name is bound to, as far as the file shows. */
export interface LocalOrigin extends Origin {
  /** True for values made from the module (`new Pool()`, `createClient()`), false for the export itself. */
  instance: boolean;
  /** True when the test file constructs the value itself with `new`. */
  constructed?: boolean;
}

/** A function node whose body starts a new owner when the walk enters it. */
export type ScopeEntry =
  | { kind: 'describe'; id: number; contextParam: string | null }
  | { kind: 'test'; id: number; contextParam: string | null }
  | { kind: 'hook'; id: number }
  /** contextParam: a parameter named `t`, the test context a tap/tape/node:test helper is handed. */
  | { kind: 'helper'; name: string; contextParam: string | null };

interface BindingScope {
  /** The describe callback (or the source file) whose statements declare these bindings. */
  node: ts.Node;
  describeId: number | null;
  bindings: Map<string, Binding>;
}

export class ExtractionState {
  readonly model: TestFileModel;
  readonly origins = new Map<string, LocalOrigin>();
  /** File-scope `const X = 'literal'` values, for URLs and specifiers held in constants. */
  readonly constStrings = new Map<string, string>();
  /** File-scope `const X = 500` values, for durations held in constants. */
  readonly constNumbers = new Map<string, number>();
  readonly entries = new Map<ts.Node, ScopeEntry>();
  /** Helpers declared at file or describe scope, by name. */
  readonly helperNames = new Set<string>();
  /** The function of each local helper, by name (the first one declared). */
  readonly helperFunctions = new Map<string, ts.Node>();
  /** Names bound to nock scopes (`const scope = nock(...)`). */
  readonly nockScopes = new Set<string>();
  /** Names bound to a module loaded through rewire (`const orders = rewire('../orders')`), with its specifier. */
  readonly rewired = new Map<string, string>();
  /** Names bound to undici MockAgents (`const agent = new MockAgent()`): `agent.get(origin)` names a host. */
  readonly mockAgents = new Set<string>();
  /** Names that stand for sinon or a sinon sandbox (`const sandbox = sinon.createSandbox()`). */
  readonly sinonRoots = new Set<string>(['sinon', 'sandbox']);
  /** Local names bound by (non-type) imports and top-level requires. */
  readonly importLocals = new Set<string>();
  /**
   * Names whose uses are tracked (fn doubles, object doubles, spied objects): a cheap test by name
   * before the binding a use refers to is looked up. The maps below are keyed by binding (see
   * bindingKey), so two tests reusing a name do not mix their facts.
   */
  readonly trackedUseNames = new Set<string>();
  /** Plain function doubles, by binding, with how each is used. */
  readonly fnDoubleUse = new Map<string, { asArgument: boolean; inObject: boolean }>();
  /** Spies that only observe unless the file configures them later. */
  readonly pendingSpies: PendingSpy[] = [];
  /** Variables holding `sinon.mock(obj)`, and the object each mocks. */
  readonly sinonMocks = new Set<string>();
  readonly sinonMockTargets = new Map<string, { object: string; origin: Origin | null }>();
  /** Names bound to deep doubles (`const repo = createMock<Repo>()`). */
  readonly deepDoubleVars = new Set<string>();
  /** Source ranges of values handed to DI as doubles, so a deep double inside one is not counted twice. */
  readonly diValueRanges: [number, number][] = [];
  /** NestJS provider doubles listed beside imported modules with nothing of the testing module's own to receive them. */
  readonly providersBesideImports: MockSite[] = [];
  /** The site of each deep double stored in a variable by name; null when the name was given two. */
  readonly deepDoubleSites = new Map<string, MockSite | null>();
  /** Deep double variables provided to NestJS by name: true while every provider of it is beside imports only. */
  readonly providedDeepDoubles = new Map<string, boolean>();
  /** Engine imports (pg-mem, sqlite drivers) and the names they bind, to drop those used only as types. */
  readonly engineImports: { selection: DatabaseSelection; locals: string[] }[] = [];
  /** Source ranges of the chains that made doubles, with the first site each made (for doubles made inside them). */
  readonly doubleRanges: { pos: number; end: number; site: MockSite }[] = [];
  /** Names bound to any double: fn doubles, spies, stubs, deep doubles. */
  readonly doubleNames = new Set<string>();
  /** Names bound to object literals that hold doubles (`const repo = { save: jest.fn() }`). */
  readonly localDoubleObjects = new Set<string>();
  /**
   * How each object-literal double (`double: true`) or spied object is handed over, by binding:
   * to a call (an output channel like `res`) or as a dependency.
   */
  readonly objectUse = new Map<string, { asArgument: boolean; asDependency: boolean; double: boolean }>();
  /** Spy variables and the object they watch, by binding (`const send = jest.spyOn(res, 'send')` → res). */
  readonly spyTargets = new Map<string, { objectKey: string; objectRoot: string; output: boolean }>();
  /**
   * Members of tracked objects handed to the unit on their own, as `key.path` (`onSubmit={props.onSubmit}`
   * → `props@test:3.onSubmit`): the unit receives that part of the object, not the whole.
   */
  readonly memberHandOvers = new Set<string>();
  /**
   * Tracked variables placed in an object literal bound to another variable (`const props = { onClose }`,
   * `{ ...baseProps }`), by binding: the holder's key and the property (null for a spread). Where the
   * holder goes, they go.
   */
  readonly containedIn = new Map<string, { container: string; path: string | null }[]>();
  /** Binding keys of the variables holding tracked variables (the holders in `containedIn`). */
  readonly containerKeys = new Set<string>();
  /**
   * The subjects of invocation assertions, by binding key and the property path read from it
   * (`expect(props.onSubmit)` → props, ['onSubmit']), to tell output channels and observed real
   * methods from doubles after the walk.
   */
  readonly assertionSubjects = new Map<Assertion, { key: string; path: string[] }>();
  /** A test's variable bound to the fn double a local helper returns, and that double's binding in the helper. */
  readonly helperDoubleAliases = new Map<string, string>();
  /** Classes declared in the test file itself (hand-written doubles when used as providers). */
  readonly localClasses = new Set<string>();
  /** Local classes whose auth method always allows (a MockAuthGuard whose canActivate returns true). */
  readonly localClassAllows = new Map<string, string>();
  /** Variables holding a response status: `const { status } = await axios.get(…)`, `const code = res.statusCode`. */
  readonly statusNames = new Set<string>();
  /**
   * Whether each name, as last bound, holds an HTTP response (`const res = await request(app).get('/')`,
   * `.then((res) => …)` on a request chain): only then is its `status` an HTTP status.
   */
  readonly httpResponses = new Map<string, boolean>();
  /**
   * Testing Library queries bound from a render result (`const { getByText } = render(<X />)`) and
   * variables holding one (`const view = render(<X />)`, queried as `view.getByText`).
   */
  readonly renderQueryNames = new Set<string>();
  readonly renderResults = new Set<string>();
  /** Initialisers of variables seen so far, by name, for following `useValue: mockRepo`. */
  readonly initializers = new Map<string, ts.Expression>();
  /**
   * Callback-style tests, by id: whether the test's `done` is called in its own body, and whether
   * from a callback the code under test runs (an event handler, a promise callback). See completion.ts.
   */
  readonly completions = new Map<number, { body: boolean; later: boolean }>();
  /** msw: handler calls seen, and setupServer/setupWorker calls (sites when handlers live elsewhere). */
  mswHandlers = 0;
  readonly mswServers: { node: ts.Node; owner: Owner }[] = [];

  private readonly ownerStack: Owner[] = [{ kind: 'file' }];
  private readonly describeStack: number[] = [];
  private readonly testContextStack: (string | null)[] = [];
  private readonly bindingScopes: BindingScope[] = [];
  /** Function-like nodes currently entered, innermost last. */
  private readonly functionStack: ts.Node[] = [];
  /** Names each entered function has declared so far (parameters first), index-aligned with functionStack. */
  private readonly localNames: Set<string>[] = [];
  private readonly sharedNames = new Set<string>();
  /**
   * Names declared inside a test, per entered function (index-aligned with functionStack, null
   * until one is declared): true when the test made the value itself (`new Client()`, `Fastify()`),
   * false for anything else (an alias of a shared object, a parameter), null while unassigned.
   */
  private readonly testLocals: (Map<string, boolean | null> | null)[] = [];
  /** Resets of a double through the variable holding it, settled once the walk knows every double. */
  readonly variableResets: { key: string; reset: MockReset; recorded: boolean }[] = [];
  /** The method each stub or spy variable replaces, by binding (`const s = sinon.stub(obj, 'm')` → obj.m). */
  readonly doubleSubjects = new Map<string, string>();

  constructor(readonly sourceFile: ts.SourceFile) {
    this.model = {
      framework: 'unknown',
      frameworkReason: '',
      imports: [],
      exports: [],
      alwaysAllows: [],
      describes: [],
      tests: [],
      hooks: [],
      helpers: [],
      mocks: [],
      assertions: [],
      bindings: [],
      globalWrites: [],
      mockBehaviours: [],
      mockResets: [],
      databaseSelections: [],
      realUsages: [],
      importUses: [],
      fixedWaits: [],
      fixedPathWrites: [],
      suppressions: [],
      reexports: [],
      lineCount: sourceFile.getLineAndCharacterOfPosition(sourceFile.getEnd()).line + 1,
    };
  }

  /**
   * Where a node is, as editors count. A call or member at the end of a chain spread over several
   * lines (`Test.createTestingModule(...)\n  .overrideGuard(X)`) is placed at its own name, not at
   * the start of the chain.
   */
  position(node: ts.Node): Position {
    const start = this.sourceFile.getLineAndCharacterOfPosition(node.getStart(this.sourceFile));
    const member = ts.isCallExpression(node) ? node.expression : node;
    if (ts.isPropertyAccessExpression(member) && ts.isCallExpression(unwrap(member.expression))) {
      const name = this.sourceFile.getLineAndCharacterOfPosition(member.name.getStart(this.sourceFile));
      if (name.line !== start.line) return { line: name.line + 1, column: name.character + 1 };
    }
    return { line: start.line + 1, column: start.character + 1 };
  }

  text(node: ts.Node): string {
    return node.getText(this.sourceFile);
  }

  /** Source text squeezed to one short line, for titles and targets written as expressions. */
  shortText(node: ts.Node, max = 60): string {
    const raw = this.text(node).replace(/\s+/g, ' ').trim();
    return raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
  }

  get owner(): Owner {
    return this.ownerStack[this.ownerStack.length - 1]!;
  }

  get currentDescribeId(): number | null {
    return this.describeStack.length ? this.describeStack[this.describeStack.length - 1]! : null;
  }

  get testContextParam(): string | null {
    return this.testContextStack.length ? this.testContextStack[this.testContextStack.length - 1]! : null;
  }

  /** The test or hook currently owning facts, or null at file/describe/helper level. */
  get currentTestId(): number | null {
    for (let i = this.ownerStack.length - 1; i >= 0; i--) {
      const owner = this.ownerStack[i]!;
      if (owner.kind === 'test') return owner.id;
    }
    return null;
  }

  describePath(): string[] {
    return this.describeStack.map((id) => this.model.describes[id]!.title);
  }

  // ---- structure -------------------------------------------------------------------------

  /**
   * `contextParam` is the test context a group of subtests is given (`test('x', (t) => { t.test(…) })`):
   * its subtests, hooks and assertions are spelled on it, as in a test. `serial` marks a Playwright
   * serial group, whose steps may share state.
   */
  addDescribe(title: string, node: ts.Node, callback: ts.Node | undefined, skipped = false, contextParam: string | null = null, serial = false): void {
    const id = this.model.describes.length;
    this.model.describes.push({
      id,
      title,
      parentId: this.currentDescribeId,
      ...(skipped ? { skipped: true as const } : {}),
      ...(serial ? { serial: true as const } : {}),
      ...this.position(node),
    });
    if (callback) this.entries.set(callback, { kind: 'describe', id, contextParam });
  }

  addTest(title: string, node: ts.Node, callback: ts.Node | undefined, modifiers: TestModifier[], bodyByReference = false): void {
    const id = this.model.tests.length;
    // A test in a skipped describe does not run either.
    if (!modifiers.includes('skip') && this.describeStack.some((d) => this.model.describes[d]!.skipped)) modifiers = [...modifiers, 'skip'];
    this.model.tests.push({
      id,
      title,
      describePath: this.describePath(),
      describeId: this.currentDescribeId,
      modifiers,
      hasBody: !!callback || bodyByReference,
      ...(bodyByReference ? { bodyByReference: true } : {}),
      ...(callback && runsNothing(callback) ? { compileOnly: true as const } : {}),
      localHelperCalls: [],
      ...this.position(node),
    });
    if (callback) {
      let contextParam: string | null = null;
      if (isFunctionLike(callback)) {
        const first = callback.parameters[0];
        if (first && ts.isIdentifier(first.name)) contextParam = first.name.text;
      }
      this.entries.set(callback, { kind: 'test', id, contextParam });
    }
  }

  /** True for the function node that is a test's body. */
  isTestCallback(node: ts.Node): boolean {
    return this.entries.get(node)?.kind === 'test';
  }

  /** Notes how the current test's `done` is used: called in its body, from a later callback, or neither. */
  noteCompletion(use: 'body' | 'later' | 'neutral'): void {
    const id = this.currentTestId;
    if (id === null || use === 'neutral') return;
    let seen = this.completions.get(id);
    if (!seen) this.completions.set(id, (seen = { body: false, later: false }));
    if (use === 'body') seen.body = true;
    else seen.later = true;
  }

  addHook(kind: HookKind, node: ts.Node, callback: ts.Node | undefined, bodyName?: string): void {
    const id = this.model.hooks.length;
    const owner = this.owner;
    this.model.hooks.push({
      id,
      kind,
      describeId: this.currentDescribeId,
      localHelperCalls: [],
      ...(owner.kind === 'helper' ? { helper: owner.name } : {}),
      ...(bodyName ? { bodyName } : {}),
      ...this.position(node),
    });
    if (callback) this.entries.set(callback, { kind: 'hook', id });
  }

  /** Called by the walker when it enters a node; returns a function that undoes the entry. */
  enter(node: ts.Node): (() => void) | null {
    // Every entry (test, hook, describe callback, helper) is a function: other nodes return at once,
    // before any closure state is allocated (this runs for every node of every file).
    return FUNCTION_KINDS[node.kind] === 1 ? this.enterFunction(node) : null;
  }

  private enterFunction(node: ts.Node): () => void {
    const entry = this.entries.get(node);
    this.functionStack.push(node);
    const names = new Set<string>();
    for (const param of (node as ts.SignatureDeclarationBase).parameters) for (const n of bindingNames(param.name)) names.add(n);
    this.localNames.push(names);
    let params: Map<string, boolean | null> | null = null;
    // A test's parameters (Playwright fixtures, a done callback) and those of callbacks inside it
    // are handed in, not made by the test.
    if (this.currentTestId !== null || entry?.kind === 'test') {
      for (const param of (node as ts.SignatureDeclarationBase).parameters) for (const n of bindingNames(param.name)) (params ??= new Map()).set(n, false);
    }
    this.testLocals.push(params);
    let popOwner = false;
    let popDescribe = false;
    let popContext = false;
    let popBindings = false;
    if (entry) {
      switch (entry.kind) {
        case 'describe':
          this.describeStack.push(entry.id);
          this.ownerStack.push({ kind: 'describe', id: entry.id });
          popDescribe = true;
          popOwner = true;
          popBindings = this.openBindingScope(node, entry.id);
          if (entry.contextParam !== null) {
            this.testContextStack.push(entry.contextParam);
            popContext = true;
          }
          break;
        case 'test':
          this.ownerStack.push({ kind: 'test', id: entry.id });
          this.testContextStack.push(entry.contextParam);
          popOwner = true;
          popContext = true;
          break;
        case 'hook':
          this.ownerStack.push({ kind: 'hook', id: entry.id });
          popOwner = true;
          break;
        case 'helper':
          // Helpers nested in tests keep the test as owner: their facts are the test's own.
          if (this.owner.kind === 'file' || this.owner.kind === 'describe' || this.owner.kind === 'helper') {
            this.ownerStack.push({ kind: 'helper', name: entry.name });
            popOwner = true;
            if (entry.contextParam !== null) {
              this.testContextStack.push(entry.contextParam);
              popContext = true;
            }
          }
          break;
      }
    }
    return () => {
      if (popBindings) this.bindingScopes.pop();
      if (popContext) this.testContextStack.pop();
      if (popDescribe) this.describeStack.pop();
      if (popOwner) this.ownerStack.pop();
      this.functionStack.pop();
      this.localNames.pop();
      this.testLocals.pop();
    };
  }

  // ---- bindings --------------------------------------------------------------------------

  /** Declares the file scope's bindings and helpers before the walk reaches any use of them. */
  openFileScope(): void {
    this.openBindingScope(this.sourceFile, null);
  }

  private openBindingScope(node: ts.Node, describeId: number | null): boolean {
    let statements: ts.NodeArray<ts.Statement> | undefined;
    if (ts.isSourceFile(node)) statements = node.statements;
    else if (isFunctionLike(node) && ts.isBlock(node.body)) statements = node.body.statements;
    if (!statements) return false;
    const scope: BindingScope = { node, describeId, bindings: new Map() };
    for (const statement of statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
        this.registerHelper(statement.name.text, statement);
      } else if (ts.isVariableStatement(statement)) {
        const flags = statement.declarationList.flags;
        const declaration = flags & ts.NodeFlags.Const ? 'const' : flags & ts.NodeFlags.Let ? 'let' : 'var';
        for (const decl of statement.declarationList.declarations) {
          const init = decl.initializer ? unwrap(decl.initializer) : undefined;
          if (ts.isIdentifier(decl.name) && init && isSandboxCreation(init)) this.sinonRoots.add(decl.name.text);
          if (ts.isIdentifier(decl.name) && init && isFunctionLike(init)) {
            this.registerHelper(decl.name.text, init);
            continue;
          }
          for (const name of bindingNames(decl.name)) {
            if (declaration === 'const' && describeId === null && init && ts.isStringLiteralLike(init)) {
              this.constStrings.set(name, init.text);
            }
            // `const opts = { domain: 'x.auth0.com' }`: `opts.domain` names a host as a string constant does.
            if (declaration === 'const' && describeId === null && init && ts.isObjectLiteralExpression(init) && ts.isIdentifier(decl.name)) {
              for (const property of init.properties) {
                if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
                const value = unwrap(property.initializer);
                if (ts.isStringLiteralLike(value)) this.constStrings.set(`${name}.${property.name.text}`, value.text);
              }
            }
            if (declaration === 'const' && init && ts.isNumericLiteral(init)) this.constNumbers.set(name, Number(init.text));
            const binding: Binding = {
              name,
              declaration,
              describeId,
              valueKind: ts.isIdentifier(decl.name) ? valueKindOf(decl.initializer, this.sinonRoots) : 'other',
              accesses: [],
              ...this.position(decl),
            };
            scope.bindings.set(name, binding);
            this.model.bindings.push(binding);
            this.sharedNames.add(name);
          }
        }
      }
    }
    this.bindingScopes.push(scope);
    return true;
  }

  private registerHelper(name: string, fn: ts.Node): void {
    this.helperNames.add(name);
    if (!this.helperFunctions.has(name)) this.helperFunctions.set(name, fn);
    // `const check = (t, input) => { t.equal(…) }`: the test hands its context in, so `t.equal` asserts.
    const params = (fn as ts.SignatureDeclarationBase).parameters;
    const contextParam = params.some((p) => ts.isIdentifier(p.name) && p.name.text === 't') ? 't' : null;
    this.entries.set(fn, { kind: 'helper', name, contextParam });
    if (!this.model.helpers.some((h) => h.name === name)) {
      this.model.helpers.push({ name, line: this.position(fn).line, localHelperCalls: [] });
    }
  }

  isSharedName(name: string): boolean {
    return this.sharedNames.has(name);
  }

  /** The file- or describe-scope binding a name refers to here, or null when a closer scope declares it. */
  resolveShared(name: string): Binding | null {
    let scopeIndex = this.bindingScopes.length - 1;
    for (let i = this.functionStack.length - 1; i >= 0; i--) {
      const fn = this.functionStack[i]!;
      const scope = scopeIndex >= 0 ? this.bindingScopes[scopeIndex] : undefined;
      if (scope && scope.node === fn) {
        const binding = scope.bindings.get(name);
        if (binding) return binding;
        scopeIndex--;
        continue;
      }
      if (this.localNames[i]!.has(name)) return null;
    }
    while (scopeIndex >= 0) {
      const binding = this.bindingScopes[scopeIndex]!.bindings.get(name);
      if (binding) return binding;
      scopeIndex--;
    }
    return null;
  }

  /**
   * Records names declared inside the innermost function (`const user = …` in a test shadows a
   * shared `user`). Declarations are seen as the walk reaches them; `let`/`const` cannot be used
   * earlier anyway.
   */
  declareLocal(names: readonly string[], enclosing = false): void {
    const top = this.localNames[this.localNames.length - (enclosing ? 2 : 1)];
    if (!top) return;
    for (const name of names) if (this.sharedNames.has(name)) top.add(name);
  }

  /** Records a name declared in the current test (or a callback inside it) and whether the test made its value. */
  declareTestLocal(name: string, made: boolean | null): void {
    if (this.currentTestId === null) return;
    const i = this.testLocals.length - 1;
    if (i < 0) return;
    (this.testLocals[i] ??= new Map()).set(name, made);
  }

  /** Updates a test-local name on assignment: it stays made by the test only while every value given is. */
  assignTestLocal(name: string, made: boolean): void {
    for (let i = this.testLocals.length - 1; i >= 0; i--) {
      const locals = this.testLocals[i];
      if (!locals?.has(name)) continue;
      if (locals.get(name) !== false) locals.set(name, made);
      return;
    }
  }

  /**
   * Whether `name`, here, is declared inside the current test: true when the test made the value,
   * false when it holds something else, undefined when the name is not the test's own.
   */
  testLocal(name: string): boolean | undefined {
    if (this.currentTestId === null) return undefined;
    for (let i = this.testLocals.length - 1; i >= 0; i--) {
      const locals = this.testLocals[i];
      if (locals?.has(name)) return locals.get(name) === true;
    }
    return undefined;
  }

  /** Whether the object a double hangs on (`client`, `app.redis`, `new Client(…)`) is one the current test made. */
  objectMadeInTest(object: string): boolean {
    if (object.startsWith('new ')) return this.currentTestId !== null;
    const root = object.split('.')[0]!;
    return /^[\w$]+$/.test(root) && this.testLocal(root) === true;
  }

  // ---- origins ---------------------------------------------------------------------------

  setOrigin(name: string, origin: LocalOrigin): void {
    const existing = this.origins.get(name);
    if (!existing || (existing.module === null && origin.module !== null)) this.origins.set(name, origin);
  }

  /** Where a local name's value came from: an import, an instance made from one, or null. */
  originOf(name: string): LocalOrigin | null {
    return this.origins.get(name) ?? null;
  }

  /** Module origin of a local name that is a plain import (not an instance made from one). */
  importedModule(name: string): string | null {
    const origin = this.origins.get(name);
    return origin && !origin.instance ? origin.module : null;
  }

  /** Import uses per owner (keyed by kind and id or name), then by local name. */
  private readonly importUsesByOwner = new Map<string, Map<string, ImportUse>>();
  /** The owner of the last use and its map: consecutive uses mostly share an owner. */
  private importUseOwner: Owner | null = null;
  private importUsesOfOwner = new Map<string, ImportUse>();

  /**
   * Records that the current owner uses an imported name (once per owner and name); `valueOnly`
   * when this use only reads data through it. One use that may call makes the record a call.
   */
  noteImportUse(local: string, valueOnly: boolean): void {
    const owner = this.owner;
    if (owner !== this.importUseOwner) {
      const ownerKey = `${owner.kind}\u0000${'id' in owner ? owner.id : 'name' in owner ? owner.name : ''}`;
      let uses = this.importUsesByOwner.get(ownerKey);
      if (!uses) this.importUsesByOwner.set(ownerKey, (uses = new Map()));
      this.importUseOwner = owner;
      this.importUsesOfOwner = uses;
    }
    const known = this.importUsesOfOwner.get(local);
    if (known) {
      if (!valueOnly) delete known.valueOnly;
      return;
    }
    const use: ImportUse = valueOnly ? { local, owner, valueOnly } : { local, owner };
    this.importUsesOfOwner.set(local, use);
    this.model.importUses.push(use);
  }

  /**
   * Identity of the variable a name refers to here: the file- or describe-scope binding when one
   * is in scope (`res` assigned in beforeEach and used in a test is one variable), otherwise the
   * name within the current test, hook or helper.
   */
  bindingKey(name: string): string {
    const shared = this.sharedNames.has(name) ? this.resolveShared(name) : null;
    if (shared) return `${name}@${shared.line}:${shared.column}`;
    const owner = this.owner;
    return `${name}@${owner.kind}:${owner.kind === 'helper' ? owner.name : owner.kind === 'file' ? '' : owner.id}`;
  }

  /** Starts tracking how the variable `name` (a fn double, object double or spied object) is handed over. */
  trackFnDouble(name: string): void {
    const key = this.bindingKey(name);
    this.trackedUseNames.add(name);
    if (!this.fnDoubleUse.has(key)) this.fnDoubleUse.set(key, { asArgument: false, inObject: false });
  }

  trackObject(name: string, double: boolean): string {
    const key = this.bindingKey(name);
    this.trackedUseNames.add(name);
    const known = this.objectUse.get(key);
    if (!known) this.objectUse.set(key, { asArgument: false, asDependency: false, double });
    else if (double) known.double = true;
    return key;
  }

  /** Records that the tracked variable `key` was placed in the object literal bound to `container`. */
  noteContainedIn(key: string, container: string, path: string | null): void {
    const containerKey = this.trackObject(container, false);
    this.containerKeys.add(containerKey);
    const list = this.containedIn.get(key);
    if (list) list.push({ container: containerKey, path });
    else this.containedIn.set(key, [{ container: containerKey, path }]);
  }

  noteFnDoubleUse(key: string, use: 'argument' | 'object'): void {
    const entry = this.fnDoubleUse.get(key);
    if (!entry) return;
    if (use === 'argument') entry.asArgument = true;
    else entry.inObject = true;
  }

  /** Adds a test/hook/helper call to a local helper, so the helper's facts count for the caller. */
  noteHelperCall(name: string): void {
    if (!this.helperNames.has(name)) return;
    const owner = this.owner;
    let list: string[] | undefined;
    if (owner.kind === 'test') list = this.model.tests[owner.id]!.localHelperCalls;
    else if (owner.kind === 'hook') list = this.model.hooks[owner.id]!.localHelperCalls;
    else if (owner.kind === 'helper') list = this.model.helpers.find((h) => h.name === owner.name)?.localHelperCalls;
    if (list && !list.includes(name)) list.push(name);
  }
}

export interface PendingSpy extends Position {
  mechanism: string;
  object: string;
  member: string;
  origin: Origin | null;
  owner: Owner;
  /** Variable the spy was stored in, if any. */
  variable: string | null;
  /** Binding keys of that variable and of the watched object's root. */
  variableKey: string | null;
  objectKey: string;
  /** True when that variable is declared at file or describe scope (shared by tests). */
  sharedVariable: boolean;
  benign: boolean;
  /** True when the spied object is one the owning test made itself. */
  madeInTest: boolean;
  /**
   * True when the spied object is itself a double (a fn double, an object of doubles, a deep double,
   * a name that says so, an import of a module the file mocks): its methods were never real.
   */
  onDouble: boolean;
  /** True for spies that cannot be given behaviour (`sinon.spy(obj, 'm')`): they always let the real method run. */
  observeOnly?: boolean;
  /** When the spied object was asked of a DI container: its token, and whether the spy is on a part of it. */
  fromContainer?: { token: string; member: boolean };
}

/** All identifiers a binding name introduces (`{ a, b: [c] }` → a, c). */
export function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const names: string[] = [];
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    names.push(...bindingNames(element.name));
  }
  return names;
}

export function valueKindOf(expr: ts.Expression | undefined, sinonRoots?: ReadonlySet<string>): BindingValueKind {
  if (!expr) return 'none';
  const inner = unwrap(expr);
  if (ts.isArrayLiteralExpression(inner)) return 'array';
  if (ts.isObjectLiteralExpression(inner)) return 'object';
  if (
    ts.isStringLiteralLike(inner) ||
    ts.isNumericLiteral(inner) ||
    ts.isTemplateExpression(inner) ||
    ts.isBigIntLiteral(inner) ||
    inner.kind === ts.SyntaxKind.TrueKeyword ||
    inner.kind === ts.SyntaxKind.FalseKeyword ||
    inner.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(inner) && inner.text === 'undefined') ||
    (ts.isPrefixUnaryExpression(inner) && ts.isNumericLiteral(inner.operand))
  ) {
    return 'primitive';
  }
  if (ts.isNewExpression(inner)) {
    const callee = ts.isIdentifier(inner.expression) ? inner.expression.text : '';
    if (callee === 'Map' || callee === 'WeakMap') return 'map';
    if (callee === 'Set' || callee === 'WeakSet') return 'set';
    if (callee === 'Array') return 'array';
    return 'instance';
  }
  if (isFunctionLike(inner)) return 'function';
  if (ts.isCallExpression(inner)) {
    const chain = flattenChain(inner);
    return chain && isFnDoubleChain(chain, sinonRoots) ? 'fn-double' : 'call';
  }
  return 'other';
}

/** `sinon.createSandbox()`, `sinon.sandbox.create()`. */
export function isSandboxCreation(expr: ts.Expression): boolean {
  if (!ts.isCallExpression(expr)) return false;
  const chain = flattenChain(expr);
  if (!chain || chain.root !== 'sinon') return false;
  const names = chain.names.join('.');
  return names === 'sinon.createSandbox' || names === 'sinon.sandbox.create';
}
