/**
 * Extraction entry point: source text in, TestFileModel (or an error value) out.
 * One parse, one walk, then a few passes over the model that need the whole file.
 */
import { PARSE_OPTIONS, ts } from '../typescript.js';
import { ownerKey } from '../model/queries.js';
import type { Assertion, Framework, MockBehaviour, MockSite, Owner, Replacement, TestFileModel } from '../model/test-model.js';
import type { FakeLibraryLookup } from './mocks.js';
import { dropAnsweredMockAgents, isProcessOutput, sameOwner } from './mocks.js';
import { unwrap } from './chain.js';
import { dropTypeOnlyEngineImports } from './databases.js';
import { recordExports } from './imports.js';
import { dropProvidersBesideImports } from './nest-testing-module.js';
import { allowsInObject } from './returns.js';
import { ExtractionState, type PendingSpy } from './state.js';
import { settleVariableResets } from './shared-state.js';
import { extractSuppressions } from './suppressions.js';
import { BEHAVIOUR_METHODS } from './vocabulary.js';
import { TimeBudgetExceeded, walkFile } from './walk.js';

export type ExtractErrorKind = 'parse-error' | 'too-complex' | 'timeout' | 'internal-error';

export type ExtractOutcome =
  | { ok: true; model: TestFileModel }
  | { ok: false; kind: ExtractErrorKind; message: string; line?: number };

export function scriptKindFor(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.ts') || path.endsWith('.mts') || path.endsWith('.cts')) return ts.ScriptKind.TS;
  // JSX in .js files is common in React code; the JSX grammar is a superset for these files.
  if (path.endsWith('.js') || path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/** How long one file may take to analyse before it is reported and skipped (Infinity: no limit). */
export const DEFAULT_FILE_BUDGET_MS = 10_000;

export function extractModel(path: string, text: string, fakes: FakeLibraryLookup, budgetMs = DEFAULT_FILE_BUDGET_MS): ExtractOutcome {
  const started = Date.now();
  let sourceFile: ts.SourceFile;
  try {
    sourceFile = ts.createSourceFile(path, text, PARSE_OPTIONS, false, scriptKindFor(path));
  } catch (error) {
    return failure(error, 'parse');
  }
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const firstError = diagnostics.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (firstError) {
    const line = sourceFile.getLineAndCharacterOfPosition(firstError.start).line + 1;
    const message = ts.flattenDiagnosticMessageText(firstError.messageText, ' ');
    // Flow annotations TypeScript shares parse; Flow-only syntax ({| |}, opaque type, ?Type) does not.
    const flow = /(\/\/|\/\*+|^\s*\*)\s*@flow\b/m.test(text.slice(0, 2048)) ? ' (a Flow file: Flow-only syntax cannot be read)' : '';
    return { ok: false, kind: 'parse-error', message: `syntax error at line ${line}: ${message}${flow}`, line };
  }
  try {
    const state = new ExtractionState(sourceFile);
    walkFile(state, fakes, started + budgetMs);
    finalize(state, fakes);
    return { ok: true, model: state.model };
  } catch (error) {
    return failure(error, 'walk', budgetMs);
  }
}

/** The message of a file that ran out of time, naming the budget so the user knows what to raise. */
export function timeoutMessage(budgetMs: number): string {
  return `analysis took longer than the per-file time budget (${budgetMs} ms): skipped`;
}

function failure(error: unknown, stage: 'parse' | 'walk', budgetMs = DEFAULT_FILE_BUDGET_MS): ExtractOutcome {
  if (error instanceof TimeBudgetExceeded) {
    return { ok: false, kind: 'timeout', message: timeoutMessage(budgetMs) };
  }
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return { ok: false, kind: 'too-complex', message: 'nesting too deep to analyse (stack limit reached)' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, kind: 'internal-error', message: `${stage === 'parse' ? 'parser' : 'analyser'} failed: ${message}` };
}

function finalize(state: ExtractionState, fakes: FakeLibraryLookup): void {
  const model = state.model;
  dropProvidersBesideImports(state);
  const promoted = promoteConfiguredSpies(state);
  settleVariableResets(state);
  addMswServerSites(state);
  dropAnsweredMockAgents(state);
  addFakeLibraryImports(state, fakes);
  recordExports(state);
  dropTypeOnlyEngineImports(state);
  recordAlwaysAllows(state);
  markAssertionSubjects(state, promoted);
  for (const [id, use] of state.completions) if (use.later && !use.body) model.tests[id]!.endsOnEvent = true;
  if (state.sourceFile.text.includes('hasAssertions')) model.countsAssertions = true;
  model.mocks.sort((a, b) => a.line - b.line || a.column - b.column);
  model.suppressions = extractSuppressions(state.sourceFile);
  const detected = detectFramework(state);
  model.framework = detected.framework;
  model.frameworkReason = detected.reason;
}

/**
 * Classes (any) and top-level object literals whose auth method always allows: a fake guard kept
 * in a helper file is a double wherever a test provides it.
 */
function recordAlwaysAllows(state: ExtractionState): void {
  const out = state.model.alwaysAllows;
  for (const [local, allows] of state.localClassAllows) out.push({ local, kind: 'class', allows });
  for (const statement of state.sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      const init = decl.initializer ? unwrap(decl.initializer) : undefined;
      if (!ts.isIdentifier(decl.name) || !init || !ts.isObjectLiteralExpression(init)) continue;
      const allows = allowsInObject(init, state.sinonRoots);
      if (allows) out.push({ local: decl.name.text, kind: 'value', allows });
    }
  }
}

/**
 * Marks invocation assertions that are not about a double standing in for a dependency:
 * - about the unit's output channels: callbacks and objects of doubles the test hands to the unit
 *   (`handler(req, res)` with `res = { status: jest.fn() }`, `<Form {...props} />`), directly, one
 *   member at a time (`onSubmit={props.onSubmit}`) or inside an object that is handed over
 *   (`props = { onClose }`); observe-only spies on a real object it hands over (`jest.spyOn(res,
 *   'send')` on a node-mocks-http response); spies on console (what the unit logs);
 * - about a real method: a spy given no behaviour on an object that is not a double.
 * Variables are told apart by binding, so tests reusing a name do not decide for each other.
 */
function markAssertionSubjects(state: ExtractionState, promoted: ReadonlySet<PendingSpy>): void {
  if (state.assertionSubjects.size === 0) return;
  const reaches = reachesUnit(state);
  const outputs = new Set<string>(state.memberHandOvers);
  for (const [key, use] of state.fnDoubleUse) if (!use.inObject && (use.asArgument || reaches(key))) outputs.add(key);
  for (const [key, use] of state.objectUse) if (use.double && reaches(key)) outputs.add(key);
  for (const spy of state.pendingSpies) {
    if (promoted.has(spy) || !reaches(spy.objectKey)) continue;
    outputs.add(spy.objectKey);
    if (spy.variableKey) outputs.add(spy.variableKey);
  }
  // Spies on what the unit emits: console, a logger (`jest.spyOn(Logger, 'fatal')`), the process's exit status and streams.
  for (const [spy, { objectKey, objectRoot, output }] of state.spyTargets) {
    if (objectRoot === 'console' || output || isLogger(state, objectRoot) || outputs.has(objectKey)) outputs.add(spy);
  }
  for (const [alias, helperKey] of state.helperDoubleAliases) if (outputs.has(helperKey)) outputs.add(alias);
  const observing = observingSpies(state, promoted);
  for (const [assertion, { key, path }] of state.assertionSubjects) {
    const processOutput = assertion.subjectRoot === 'process' && path.length > 0 && isProcessOutput(path.length > 1 ? `process.${path[0]}` : 'process', path[path.length > 1 ? 1 : 0]!);
    if (assertion.subjectRoot === 'console' || processOutput || isLogger(state, assertion.subjectRoot) || loggerMember(path) || pathKeys(key, path).some((k) => outputs.has(k))) {
      assertion.onOutputChannel = true;
    }
    else if (observing(assertion, key, path)) assertion.observesRealMethod = true;
  }
}

/** `logger`, `mockLogger`, `log`, or a variable made by a call named so (`const mock = mockLogger(orm)`). */
const LOGGER_NAME = /^(mock|fake|stub|spy)?_?(logger|log)$|logger$/i;

/** A logger double: what the unit logs is its output, as with a spy on console. */
function isLogger(state: ExtractionState, root: string | null): boolean {
  if (root === null) return false;
  if (LOGGER_NAME.test(root)) return true;
  // Initializers are kept unwrapped (`await` and parentheses gone).
  const made = state.initializers.get(root);
  if (!made || !ts.isCallExpression(made)) return false;
  const callee = unwrap(made.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  return name !== null && /logger/i.test(name);
}

/**
 * A logger reached through the object that holds it (`probot.log.error`, `app.logger.warn`,
 * `(server.log.info as jest.Mock).mock.calls`): a logger-named member followed by the method the
 * assertion is about. `analytics.log` alone is a method called log, not a logger.
 */
function loggerMember(path: readonly string[]): boolean {
  const end = path.indexOf('mock') >= 0 ? path.indexOf('mock') : path.length;
  for (let i = 0; i < end - 1; i++) if (LOGGER_NAME.test(path[i]!)) return true;
  return false;
}

/** `props@test:1`, `props@test:1.onSubmit`, `props@test:1.onSubmit.mock`…: the subject and what it was read through. */
function pathKeys(key: string, path: readonly string[]): string[] {
  const keys = [key];
  for (const name of path) keys.push(`${keys[keys.length - 1]}.${name}`);
  return keys;
}

/**
 * Whether the variable with this binding key reaches the unit: handed to a call or spread into
 * its props and never handed to `new` or a provider, or held by an object (or the member of one)
 * that reaches it.
 */
function reachesUnit(state: ExtractionState): (key: string) => boolean {
  const known = new Map<string, boolean>();
  const reaches = (key: string): boolean => {
    const answer = known.get(key);
    if (answer !== undefined) return answer;
    // A holder that holds itself (`a = { ...a }`) reaches nothing through itself.
    known.set(key, false);
    const use = state.objectUse.get(key);
    const result =
      !use?.asDependency &&
      (!!use?.asArgument ||
        (state.containedIn.get(key) ?? []).some((c) => (c.path !== null && state.memberHandOvers.has(`${c.container}.${c.path}`)) || reaches(c.container)));
    known.set(key, result);
    return result;
  };
  return reaches;
}

const CLOCK_MEMBERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask', 'nextTick', 'now']);

/**
 * For an invocation assertion, whether its subject is a spy that only observes a real method: a
 * spy given no behaviour anywhere (`sinon.spy(pool, 'drain')`, a bare `jest.spyOn`), made where
 * it applies to the assertion, on an object that is no double and not from a module the file
 * mocks, and with no other double replacing the same method there.
 */
function observingSpies(state: ExtractionState, promoted: ReadonlySet<PendingSpy>): (assertion: Assertion, key: string, path: readonly string[]) => boolean {
  const model = state.model;
  // Indexed once: a generated file may hold thousands of spies and assertions.
  const byVariable = new Map<string, PendingSpy[]>();
  const byTarget = new Map<string, PendingSpy[]>();
  for (const spy of state.pendingSpies) {
    if (spy.variableKey !== null) push(byVariable, spy.variableKey, spy);
    push(byTarget, `${spy.object}.${spy.member}`, spy);
  }
  const methodSites = new Map<string, MockSite[]>();
  for (const m of model.mocks) if (m.family === 'method' && m.target.kind === 'member') push(methodSites, `${m.target.object}.${m.target.member}`, m);
  const clockSites = model.mocks.filter((m) => m.family === 'clock');
  const mockedModules = new Set(model.mocks.flatMap((m) => (m.target.kind === 'module' ? [m.target.specifier] : [])));
  const providedTokens = new Set(model.mocks.flatMap((m) => (m.family === 'dependency-injection' && m.target.kind === 'token' ? [m.target.name] : [])));
  // What a DI container hands out is a double when the file provides one for its token; a part of
  // it (a service's repository) may be one whenever the file provides any.
  const fromProvidedDouble = (spy: PendingSpy): boolean =>
    !!spy.fromContainer && (spy.fromContainer.member ? providedTokens.size > 0 : providedTokens.has(spy.fromContainer.token));
  return (assertion, key, path) => {
    const at = assertion.owner;
    const found = new Set<PendingSpy>();
    for (const k of pathKeys(key, path)) for (const spy of byVariable.get(k) ?? []) found.add(spy);
    if (assertion.subjectRoot !== null) for (const t of pathKeys(assertion.subjectRoot, path)) for (const spy of byTarget.get(t) ?? []) found.add(spy);
    const spies = [...found].filter((spy) => setupApplies(model, spy.owner, at));
    if (spies.length === 0) return false;
    return spies.every((spy) => {
      if (promoted.has(spy) || spy.onDouble || fromProvidedDouble(spy) || (spy.origin?.module && mockedModules.has(spy.origin.module))) return false;
      // Under fake timers the timer functions and the clock are fakes themselves.
      if ((CLOCK_MEMBERS.has(spy.member) || spy.object === 'Date') && clockSites.some((m) => setupApplies(model, m.owner, at))) return false;
      // Another double of the same method where the assertion runs (`sinon.stub(pool, 'drain')` in a hook).
      return !(methodSites.get(`${spy.object}.${spy.member}`) ?? []).some((m) => setupApplies(model, m.owner, at));
    });
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Whether what an owner set up is in place where an assertion runs: the file's and the enclosing
 * describes' and hooks' set-up applies to their tests, a test's only to itself. What a helper sets
 * up is taken to apply wherever it may be called.
 */
function setupApplies(model: TestFileModel, setup: Owner, at: Owner): boolean {
  if (setup.kind === 'file' || setup.kind === 'helper') return true;
  if (at.kind !== 'test') return at.kind === setup.kind && sameOwner(at, setup);
  if (setup.kind === 'test') return setup.id === at.id;
  const describeId = setup.kind === 'describe' ? setup.id : model.hooks[setup.id]!.describeId;
  if (describeId === null) return true;
  for (let current: number | null = model.tests[at.id]!.describeId; current !== null; current = model.describes[current]?.parentId ?? null) {
    if (current === describeId) return true;
  }
  return false;
}

/**
 * A spy that only observed becomes a site once the file gives it behaviour (`spy.mockReturnValue(x)`).
 * Returns the spies promoted.
 */
function promoteConfiguredSpies(state: ExtractionState): Set<PendingSpy> {
  const promoted = new Set<PendingSpy>();
  const behavioursOf = behaviourIndex(state.model.mockBehaviours);
  for (const spy of state.pendingSpies) {
    if (spy.observeOnly) continue;
    const target = `${spy.object}.${spy.member}`;
    // A spy made in setup code (or kept in a shared variable) may be configured by any test;
    // one made inside a test only by that test.
    const owner = spy.sharedVariable || spy.owner.kind !== 'test' ? null : spy.owner;
    const behaviours = behavioursOf(owner, spy.variable, target);
    const behaviour = behaviours[0];
    if (!behaviour) continue;
    promoted.add(spy);
    const replacement: Replacement = BEHAVIOUR_METHODS[behaviour.method]?.replacement ?? 'implementation';
    state.model.mocks.push({
      mechanism: spy.mechanism,
      family: 'method',
      target: { kind: 'member', object: spy.object, member: spy.member, origin: spy.origin },
      replacement,
      owner: spy.owner,
      line: spy.line,
      column: spy.column,
      ...(spy.benign ? { benign: true } : {}),
      ...(spy.madeInTest ? { madeInTest: true as const } : {}),
      // Fault injection when every behaviour the file gives the spy only fails.
      ...(behaviours.every((b) => b.fault) ? { fault: true } : {}),
      ...(spy.owner.kind !== 'test' ? { configuredBy: configuredBy(behaviours) } : {}),
    });
  }
  return promoted;
}

/**
 * The behaviours given to a spy, by its variable or its `object.member`, in file order; with an
 * owner, only that owner's. Indexed once: a file with thousands of spies was quadratic.
 */
function behaviourIndex(behaviours: readonly MockBehaviour[]): (owner: Owner | null, variable: string | null, target: string) => MockBehaviour[] {
  const index = new Map<string, number[]>();
  const add = (key: string, i: number): void => {
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  };
  behaviours.forEach((b, i) => {
    const owner = ownerKey(b.owner);
    add(`root\u0000\u0000${b.subjectRoot}`, i);
    add(`subject\u0000\u0000${b.subject}`, i);
    add(`root\u0000${owner}\u0000${b.subjectRoot}`, i);
    add(`subject\u0000${owner}\u0000${b.subject}`, i);
  });
  return (owner, variable, target) => {
    const scope = owner ? ownerKey(owner) : '';
    const found = new Set(index.get(`subject\u0000${scope}\u0000${target}`));
    if (variable !== null) for (const i of index.get(`root\u0000${scope}\u0000${variable}`) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b).map((i) => behaviours[i]!);
  };
}

/** The owners that configure a spy, each once, with whether all they give it only fails. */
function configuredBy(behaviours: readonly MockBehaviour[]): { owner: Owner; fault: boolean }[] {
  const byOwner = new Map<string, { owner: Owner; fault: boolean }>();
  for (const behaviour of behaviours) {
    const key = ownerKey(behaviour.owner);
    const known = byOwner.get(key);
    if (known) known.fault &&= behaviour.fault === true;
    else byOwner.set(key, { owner: behaviour.owner, fault: behaviour.fault === true });
  }
  return [...byOwner.values()];
}

/** msw servers whose handlers live in another file: one site per server, host unknown here. */
function addMswServerSites(state: ExtractionState): void {
  if (state.mswHandlers > 0) return;
  for (const server of state.mswServers) {
    // `setupServer()` without handlers fakes nothing until a test adds some (`server.use(...)`),
    // and those are sites of their own.
    if (ts.isCallExpression(server.node) && server.node.arguments.length === 0) continue;
    const { line, column } = state.position(server.node);
    state.model.mocks.push({
      mechanism: 'msw setupServer',
      family: 'network',
      target: { kind: 'host', host: 'HTTP APIs (msw handlers defined elsewhere)', url: '' },
      replacement: 'handler',
      owner: server.owner,
      line,
      column,
    });
  }
}

/** A fake library imported but not recognised in use still replaces its real counterpart. */
function addFakeLibraryImports(state: ExtractionState, fakes: FakeLibraryLookup): void {
  for (const record of state.model.imports) {
    if (record.typeOnly) continue;
    const fake = fakes(record.specifier);
    if (!fake) continue;
    const covered = state.model.mocks.some(
      (m: MockSite) => m.fakeLibrary === record.specifier || m.mechanism.split(' ')[0] === record.specifier,
    );
    if (covered) continue;
    const owner = { kind: 'file' as const };
    if (state.model.mocks.some((m) => m.mechanism === 'fake-library' && m.fakeLibrary === record.specifier && sameOwner(m.owner, owner))) continue;
    state.model.mocks.push({
      mechanism: 'fake-library',
      family: 'fake-library',
      target: { kind: 'module', specifier: fake.fakes },
      replacement: 'fake-library',
      owner,
      fakeLibrary: record.specifier,
      line: record.line,
      column: record.column,
    });
  }
}

const FRAMEWORK_IMPORTS: [RegExp, Framework][] = [
  [/^vitest$/, 'vitest'],
  [/^@jest\/globals$/, 'jest'],
  [/^(node:)?test$/, 'node:test'],
  [/^@playwright\/test$/, 'playwright'],
  [/^cypress$/, 'cypress'],
  [/^mocha$/, 'mocha'],
  // Bun's runner: Jest's API under its own import, never the package's other runner.
  [/^bun:test$/, 'bun'],
];

function detectFramework(state: ExtractionState): { framework: Framework; reason: string } {
  for (const record of state.model.imports) {
    for (const [pattern, framework] of FRAMEWORK_IMPORTS) {
      if (pattern.test(record.specifier)) return { framework, reason: `imports ${record.specifier}` };
    }
  }
  const text = state.sourceFile.text;
  if (/\bvi\.(mock|fn|spyOn|useFakeTimers|stubGlobal|stubEnv)\b/.test(text)) return { framework: 'vitest', reason: 'uses vi.*' };
  if (/\bjest\.(mock|fn|spyOn|useFakeTimers|doMock|setTimeout)\b/.test(text)) return { framework: 'jest', reason: 'uses jest.*' };
  if (/\bcy\.\w+\(/.test(text)) return { framework: 'cypress', reason: 'uses cy.*' };
  if (/\bjasmine\.\w+/.test(text)) return { framework: 'jasmine', reason: 'uses jasmine.*' };
  return { framework: 'unknown', reason: '' };
}
