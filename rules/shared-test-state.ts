/**
 * shared-test-state: state one test changes and a later test sees, with nothing resetting it
 * in between — bindings at file or describe scope, process.env and globals, double behaviour.
 */
import type { AnalyzedFile } from '../src/model/analysis.js';
import { callersOfHelper, describeAncestry, factsApplyingTo, isRunnable, testsWithin } from '../src/model/queries.js';
import type { RawFinding, RuleDefinition } from '../src/model/rule.js';
import type { Binding, BindingAccess, GlobalStateWrite, Owner, TestCase, TestFileModel } from '../src/model/test-model.js';

/** Accesses with helper owners replaced by the tests and hooks that call the helper. */
function expandedAccesses(model: TestFileModel, binding: Binding): BindingAccess[] {
  const out: BindingAccess[] = [];
  for (const access of binding.accesses) {
    if (access.owner.kind !== 'helper') {
      out.push(access);
      continue;
    }
    for (const owner of callersOfHelper(model, access.owner.name)) out.push({ ...access, owner });
  }
  return out;
}

function isHookOfKind(model: TestFileModel, owner: Owner, kinds: readonly string[]): boolean {
  return owner.kind === 'hook' && kinds.includes(model.hooks[owner.id]!.kind);
}

const CONTAINER_KINDS = new Set(['array', 'object', 'map', 'set']);
/** Spies that run the real method unless told otherwise: with only one-off behaviour, they fall back to it. */
const CALL_THROUGH_SPIES = new Set(['jest.spyOn', 'vi.spyOn']);

/** The Playwright serial group a test runs in: the file, the outermost serial describe, or none. */
function serialGroup(model: TestFileModel, test: TestCase): string | null {
  if (model.serial) return 'file';
  let group: number | null = null;
  for (const id of describeAncestry(model, test.describeId)) if (model.describes[id]!.serial) group = id;
  return group === null ? null : `describe ${group}`;
}

/**
 * Serial mode is Playwright's way of writing one scenario as dependent steps: they run in order,
 * and a failed step skips the rest. State one step hands to the next is the point, not a leak.
 */
function inOneSerialGroup(model: TestFileModel, a: TestCase, b: TestCase): boolean {
  const group = serialGroup(model, a);
  return group !== null && group === serialGroup(model, b);
}

function bindingFinding(model: TestFileModel, binding: Binding): RawFinding | null {
  if (binding.valueKind === 'function' || binding.valueKind === 'fn-double') return null;
  if (binding.declaration === 'const' && binding.valueKind === 'primitive') return null;
  const accesses = expandedAccesses(model, binding);
  // Anything a beforeEach/afterEach writes or clears is reset per test.
  if (accesses.some((a) => a.kind !== 'read' && isHookOfKind(model, a.owner, ['beforeEach', 'afterEach']))) return null;
  const writtenKinds = new Set([binding.valueKind, ...accesses.filter((a) => a.kind === 'write').map((a) => a.valueKind)]);
  const holdsContainer = [...writtenKinds].some((k) => k !== undefined && CONTAINER_KINDS.has(k));
  const changes = (a: BindingAccess): boolean =>
    a.kind === 'write' || (a.kind === 'mutate' && (a.method === undefined || a.property !== undefined || holdsContainer || a.method === 'Object.assign'));

  const byTest = new Map<number, BindingAccess[]>();
  for (const access of accesses) {
    if (access.owner.kind !== 'test') continue;
    const list = byTest.get(access.owner.id) ?? [];
    list.push(access);
    byTest.set(access.owner.id, list);
  }
  const tests = [...byTest.keys()].sort((a, b) => a - b);
  // A test that assigns the whole binding starts afresh: it never reads what an earlier test left.
  const readers = tests.filter((id) => isRunnable(model.tests[id]!) && !byTest.get(id)!.some((a) => a.kind === 'write'));
  for (const writerId of tests) {
    const writer = model.tests[writerId]!;
    if (!isRunnable(writer)) continue;
    const change = byTest.get(writerId)!.find(changes);
    if (!change) continue;
    const properties = new Set(byTest.get(writerId)!.filter((a) => a.kind === 'mutate' && a.property).map((a) => a.property!));
    const changedOnlyProperties = byTest.get(writerId)!.filter(changes).every((a) => a.kind === 'mutate' && a.property);
    for (let i = firstAfter(readers, writerId, (r) => r); i < readers.length; i++) {
      const readerId = readers[i]!;
      const reader = model.tests[readerId]!;
      const own = byTest.get(readerId)!;
      // A test that sets every property the writer set starts afresh too.
      if (changedOnlyProperties && properties.size > 0 && [...properties].every((p) => own.some((a) => a.kind === 'mutate' && a.property === p))) continue;
      if (inOneSerialGroup(model, writer, reader)) continue;
      const read = own.find((a) => a.kind === 'read' || a.kind === 'mutate')!;
      return {
        messageId: 'binding',
        data: {
          name: binding.name,
          how: change.kind === 'write' ? 'reassigned' : change.method ? `mutated (${change.method})` : 'mutated',
          writer: writer.title,
          reader: reader.title,
          readerLine: read.line,
          scope: binding.describeId === null ? 'file' : 'describe',
        },
        line: change.line,
        column: change.column,
        testId: writerId,
        subject: binding.name,
      };
    }
  }
  return null;
}

/** Position of the first item whose id is above `id`, in a list sorted by id (rules see files with thousands of tests). */
function firstAfter<T>(items: readonly T[], id: number, idOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (idOf(items[mid]!) <= id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The first later test that runs with a test's leftover global value: one that does not set the
 * key itself (`process.env.API = '…'` at its start) and so reads what the earlier test left.
 */
function laterReader(model: TestFileModel, test: TestCase, target: GlobalStateWrite['target'], keys: string[], index: GlobalWriteIndex): TestCase | null {
  for (let id = test.id + 1; id < model.tests.length; id++) {
    const later = model.tests[id]!;
    if (!isRunnable(later) || inOneSerialGroup(model, test, later)) continue;
    const setsItself = keys.some((k) => (index.byTest.get(`${target}\u0000${k}\u0000${id}`) ?? []).some((w) => !w.restoring));
    if (!setsItself) return later;
  }
  return null;
}

/**
 * Global writes grouped by what they touch, so each write's checks look at the writes to its own
 * key (or to the whole object, '*') instead of every write in the file.
 */
interface GlobalWriteIndex {
  /** target + key → true when a beforeEach/afterEach/afterAll hook writes it. */
  hooked: Set<string>;
  /** target + key + test id → that test's writes. */
  byTest: Map<string, GlobalStateWrite[]>;
}

function indexGlobalWrites(model: TestFileModel): GlobalWriteIndex {
  const hooked = new Set<string>();
  const byTest = new Map<string, GlobalStateWrite[]>();
  for (const w of model.globalWrites) {
    if (isHookOfKind(model, w.owner, ['beforeEach', 'afterEach', 'afterAll'])) hooked.add(`${w.target}\u0000${w.key}`);
    if (w.owner.kind !== 'test') continue;
    const key = `${w.target}\u0000${w.key}\u0000${w.owner.id}`;
    const list = byTest.get(key);
    if (list) list.push(w);
    else byTest.set(key, [w]);
  }
  return { hooked, byTest };
}

function globalWriteFinding(file: AnalyzedFile, write: GlobalStateWrite, index: GlobalWriteIndex): RawFinding | null {
  const { model, pkg } = file;
  if (write.owner.kind !== 'test' || write.restoring) return null;
  const test = model.tests[write.owner.id]!;
  if (!isRunnable(test)) return null;
  if (write.viaRunnerHelper) {
    const undone = write.target === 'env' ? pkg.runner.unstubEnvs : pkg.runner.unstubGlobals;
    if (undone || pkg.runner.restoreMocks) return null;
  }
  // Writes to the same key or to the whole object ('*') count as touching this key.
  const keys = write.key === '*' ? ['*'] : [write.key, '*'];
  // Hooks that set or restore the key around every test, or the test putting it back itself.
  if (keys.some((k) => index.hooked.has(`${write.target}\u0000${k}`))) return null;
  const sameTest = keys.flatMap((k) => index.byTest.get(`${write.target}\u0000${k}\u0000${test.id}`) ?? []);
  if (sameTest.some((w) => w !== write && (w.restoring || w.line > write.line))) return null;
  const later = laterReader(model, test, write.target, keys, index);
  if (!later) return null;
  const label = write.target === 'env' ? `process.env.${write.key}` : `global.${write.key}`;
  return {
    // Jest gives each test file its own process.env and global object: the change stays in the file.
    messageId: model.framework === 'jest' ? 'globalWriteInFile' : 'globalWrite',
    data: { target: write.key === '*' ? (write.target === 'env' ? 'process.env' : 'the global object') : label, later: later.title },
    line: write.line,
    column: write.column,
    testId: test.id,
    subject: `${write.target} ${write.key}`,
  };
}

function behaviourFindings(file: AnalyzedFile): RawFinding[] {
  const { model, pkg } = file;
  if (pkg.runner.resetMocks || pkg.runner.restoreMocks) return [];
  const resetsAll = model.mockResets.some((r) => r.all && r.kind !== 'clear' && isHookOfKind(model, r.owner, ['beforeEach', 'afterEach']));
  if (resetsAll) return [];
  // Setup files and imported helpers whose top-level hooks reset doubles around every test; a
  // clear (clearAllMocks) keeps implementations, so it undoes nothing this rule reports.
  const inherited = file.inheritedResets.filter((r) => r.kind !== 'clear');
  if (inherited.some((r) => r.locals === null)) return [];
  const findings: RawFinding[] = [];
  const reported = new Set<string>();
  // Sets keyed by test id and subject: files with thousands of tests made these scans quadratic.
  const configuredInTest = new Set<string>();
  const setUpBeforeEach = new Set<string>();
  for (const b of model.mockBehaviours) {
    if (b.owner.kind === 'test') configuredInTest.add(`${b.owner.id}\u0000${b.subject}`);
    if (isHookOfKind(model, b.owner, ['beforeEach'])) setUpBeforeEach.add(b.subject);
  }
  // A method double made again with its behaviour (`jest.spyOn(require('./hooks'), 'useList')
  // .mockReturnValue(…)`) sets the double up for that test too, whatever its object is written as.
  for (const site of model.mocks) {
    if (site.family !== 'method' || site.target.kind !== 'member') continue;
    const subject = `${site.target.object}.${site.target.member}`;
    if (site.owner.kind === 'test') configuredInTest.add(`${site.owner.id}\u0000${subject}`);
    if (isHookOfKind(model, site.owner, ['beforeEach'])) setUpBeforeEach.add(subject);
  }
  const configures = (testId: number, subject: string): boolean => configuredInTest.has(`${testId}\u0000${subject}`);
  // A later test that resets the double itself, in its body or in a local helper it calls
  // (`async function setup() { sendMock.mockReset(); … }`), starts clean: it is no victim.
  const resetsItself = (test: TestCase, candidate: { subject: string; root: string }): boolean =>
    factsApplyingTo(model, model.mockResets, test).some(
      (r) =>
        r.kind !== 'clear' &&
        (r.owner.kind === 'test' || r.owner.kind === 'helper') &&
        (r.all || r.subjectRoot === candidate.root || r.subject === candidate.subject),
    );
  const resetInHook = { all: false, roots: new Set<string | null>(), subjects: new Set<string>() };
  for (const reset of inherited) for (const local of reset.locals ?? []) resetInHook.roots.add(local);
  // Keys: test id, then '*' (every double), 'root:' + a root name, or 'subject:' + one double.
  // A reset anywhere in the test counts: `t.teardown(() => s.restore())` is written before the stub.
  const resetInTest = new Set<string>();
  for (const r of model.mockResets) {
    if (r.kind === 'clear') continue;
    if (r.owner.kind === 'test') {
      if (r.all) resetInTest.add(`${r.owner.id}\u0000*`);
      if (r.subjectRoot !== null) resetInTest.add(`${r.owner.id}\u0000root:${r.subjectRoot}`);
      if (r.subject !== undefined) resetInTest.add(`${r.owner.id}\u0000subject:${r.subject}`);
    }
    else if (isHookOfKind(model, r.owner, ['beforeEach', 'afterEach'])) {
      if (r.all) resetInHook.all = true;
      else resetInHook.roots.add(r.subjectRoot);
      if (r.subject !== undefined) resetInHook.subjects.add(r.subject);
    }
  }
  const candidates: { subject: string; root: string; owner: Owner; line: number; column: number; method: string }[] = [];
  const candidateKeys = new Set<string>();
  for (const b of model.mockBehaviours) {
    if (b.once || !b.shared || b.owner.kind !== 'test') continue;
    candidates.push({ subject: b.subject, root: b.subjectRoot, owner: b.owner, line: b.line, column: b.column, method: b.method });
    candidateKeys.add(`${b.owner.id}\u0000${b.subject}`);
  }
  // A spy given only one-off behaviour (`jest.spyOn(jwt, 'verify').mockImplementationOnce(…)`):
  // once that call is used, the spy runs the real method again, and nothing is left configured.
  const onceOnly = new Set<string>();
  const lasting = new Set<string>();
  for (const b of model.mockBehaviours) {
    if (b.owner.kind !== 'test') continue;
    (b.once ? onceOnly : lasting).add(`${b.owner.id}\u0000${b.subject}`);
  }
  for (const site of model.mocks) {
    if (site.family !== 'method' || site.owner.kind !== 'test' || site.target.kind !== 'member' || site.benign) continue;
    // A double on an object the test made itself (`const client = new Client()`) goes with it.
    if (site.madeInTest) continue;
    // node:test restores doubles made through the test context (t.mock) when the test ends.
    if (site.mechanism.startsWith('node:test t.mock')) continue;
    const subject = `${site.target.object}.${site.target.member}`;
    if (candidateKeys.has(`${site.owner.id}\u0000${subject}`)) continue;
    const key = `${site.owner.id}\u0000${subject}`;
    if (CALL_THROUGH_SPIES.has(site.mechanism) && onceOnly.has(key) && !lasting.has(key)) continue;
    candidates.push({ subject, root: site.target.object.split('.')[0]!, owner: site.owner, line: site.line, column: site.column, method: site.mechanism });
  }
  // A double hung on an object a beforeEach builds afresh (`repo = module.get(X)`) dies with that object.
  const rebuiltPerTest = new Set(
    model.bindings
      .filter((b) => b.accesses.some((a) => a.kind === 'write' && isHookOfKind(model, a.owner, ['beforeEach'])))
      .map((b) => b.name),
  );
  const unconfiguredIn = new Map<string, TestCase[]>();
  for (const candidate of candidates) {
    if (reported.has(candidate.subject) || rebuiltPerTest.has(candidate.root)) continue;
    const testId = (candidate.owner as { id: number }).id;
    const test = model.tests[testId]!;
    if (!isRunnable(test)) continue;
    const resetHere =
      resetInHook.all ||
      resetInHook.roots.has(candidate.root) ||
      resetInHook.subjects.has(candidate.subject) ||
      resetInTest.has(`${testId}\u0000*`) ||
      resetInTest.has(`${testId}\u0000root:${candidate.root}`) ||
      resetInTest.has(`${testId}\u0000subject:${candidate.subject}`);
    if (resetHere) continue;
    // A beforeEach that sets the same double up again gives every test the same starting point.
    if (setUpBeforeEach.has(candidate.subject)) continue;
    // The first later test in scope that runs without setting the double up itself. Those tests,
    // per scope and double, are listed once: one candidate per test made this quadratic.
    const inScope = testsWithin(model, test.describeId);
    const key = `${test.describeId}\u0000${candidate.subject}`;
    let unconfigured = unconfiguredIn.get(key);
    if (!unconfigured) {
      unconfigured = inScope.filter((t) => isRunnable(t) && !configures(t.id, candidate.subject) && !resetsItself(t, candidate));
      unconfiguredIn.set(key, unconfigured);
    }
    let next = firstAfter(unconfigured, testId, (t) => t.id);
    while (next < unconfigured.length && inOneSerialGroup(model, test, unconfigured[next]!)) next++;
    const victim: TestCase | undefined = unconfigured[next];
    if (!victim) continue;
    reported.add(candidate.subject);
    findings.push({
      messageId: 'mockLeak',
      data: { subject: candidate.subject, method: candidate.method, victim: victim.title, victimLine: victim.line },
      line: candidate.line,
      column: candidate.column,
      testId,
      subject: candidate.subject,
    });
  }
  return findings;
}

const rule: RuleDefinition = {
  meta: {
    id: 'shared-test-state',
    description: 'State one test changes and a later test sees without a reset: shared variables, process.env and globals, double behaviour.',
    rationale:
      'When a test depends on what an earlier test left behind, it passes or fails by run order: it breaks when run alone, with .only, shuffled, or in parallel, and it can hide a real failure behind leftover state.',
    severity: {
      default: { unit: 'warning', integration: 'warning', e2e: 'warning' },
    },
    messages: {
      binding:
        "'{name}' ({scope} scope) is {how} by test '{writer}' and read by the later test '{reader}' (line {readerLine}) with no beforeEach/afterEach reset: the later test depends on the earlier one having run. Create the value in beforeEach or inside each test.",
      globalWrite:
        "{target} is set in this test and never restored: '{later}' and every later test in the worker run with the changed value. Save and restore it in afterEach (or use vi.stubEnv with unstubEnvs).",
      globalWriteInFile:
        "{target} is set in this test and never restored: '{later}' and the later tests of this file run with the changed value. Save and restore it in afterEach (or set it in a beforeEach for every test).",
      mockLeak:
        "{subject} is given behaviour ({method}) in this test and never reset: '{victim}' (line {victimLine}) runs with the double still configured. Reset in afterEach (mockReset/restoreAllMocks) or enable resetMocks/restoreMocks in the runner config.",
    },
  },
  check(file) {
    const { model } = file;
    const findings: RawFinding[] = [];
    for (const binding of model.bindings) {
      const finding = bindingFinding(model, binding);
      if (finding) findings.push(finding);
    }
    const seenKeys = new Set<string>();
    const index = indexGlobalWrites(model);
    for (const write of model.globalWrites) {
      const key = `${write.target}:${write.key}`;
      if (seenKeys.has(key)) continue;
      const finding = globalWriteFinding(file, write, index);
      if (finding) {
        seenKeys.add(key);
        findings.push(finding);
      }
    }
    findings.push(...behaviourFindings(file));
    return findings;
  },
};

export default rule;
