/**
 * Derived facts over a file's model that several rules need: which tests a hook or helper's facts
 * apply to, a test's assertions including those of the helpers it calls.
 */
import { isRelative } from '../resolve/module-resolver.js';
import type { Assertion, LocalHelper, Owner, TestCase, TestFileModel } from './test-model.js';

/** Describe ids from a describe up to the file: [id, parent, grandparent, ...]. */
export function describeAncestry(model: TestFileModel, describeId: number | null): number[] {
  const out: number[] = [];
  let current = describeId;
  while (current !== null) {
    out.push(current);
    current = model.describes[current]?.parentId ?? null;
  }
  return out;
}

/** True when a test sits inside the given describe (null = the file). */
export function testIsWithin(model: TestFileModel, test: TestCase, describeId: number | null): boolean {
  if (describeId === null) return true;
  for (let current: number | null = test.describeId; current !== null; current = model.describes[current]?.parentId ?? null) {
    if (current === describeId) return true;
  }
  return false;
}

/**
 * Indexes over a model, built once per model on first use. Rules ask the same questions for every
 * test, hook and mock; answered by scanning, a generated file with thousands of tests took minutes.
 * Models are complete before rules run and are not changed after.
 */
interface ModelIndex {
  helpersByName: Map<string, LocalHelper>;
  testsByDescribe: Map<number, TestCase[]>;
  assertionsByTest: Map<number, number[]>;
  assertionsByHelper: Map<string, number[]>;
  callersByHelper: Map<string, Owner[]> | null;
  /** Ids of the tests each owner's facts apply to, by owner key, filled on demand. */
  testIdsByOwner: Map<string, ReadonlySet<number>>;
  /** Each test's assertions including its helpers', filled on demand. */
  assertionsOfTest: Map<number, Assertion[]>;
  /** Lists of owned facts grouped by owner, per list, filled on demand (see factsApplyingTo). */
  owned: Map<readonly { owner: Owner }[], OwnedGroups>;
}

const indexes = new WeakMap<TestFileModel, ModelIndex>();

function indexOf(model: TestFileModel): ModelIndex {
  let index = indexes.get(model);
  if (index) return index;
  const helpersByName = new Map<string, LocalHelper>();
  for (const helper of model.helpers) if (!helpersByName.has(helper.name)) helpersByName.set(helper.name, helper);
  const testsByDescribe = new Map<number, TestCase[]>();
  for (const test of model.tests) {
    for (let current: number | null = test.describeId; current !== null; current = model.describes[current]?.parentId ?? null) {
      const list = testsByDescribe.get(current) ?? [];
      // A describe cycle cannot come from source, but a second visit would loop here forever.
      if (list[list.length - 1] === test) break;
      list.push(test);
      testsByDescribe.set(current, list);
    }
  }
  const assertionsByTest = new Map<number, number[]>();
  const assertionsByHelper = new Map<string, number[]>();
  model.assertions.forEach((a, i) => {
    if (a.owner.kind === 'test') push(assertionsByTest, a.owner.id, i);
    else if (a.owner.kind === 'helper') push(assertionsByHelper, a.owner.name, i);
  });
  index = { helpersByName, testsByDescribe, assertionsByTest, assertionsByHelper, callersByHelper: null, testIdsByOwner: new Map(), assertionsOfTest: new Map(), owned: new Map() };
  indexes.set(model, index);
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Local helpers reachable from a list of helper calls, transitively. */
export function helperClosure(model: TestFileModel, calls: readonly string[]): Set<string> {
  const { helpersByName } = indexOf(model);
  const seen = new Set<string>();
  const queue = [...calls];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const helper = helpersByName.get(name);
    if (helper) queue.push(...helper.localHelperCalls);
  }
  return seen;
}

/** True when an owner's facts apply to the test: `testsOfOwner(model, owner).includes(test)`, in constant time. */
export function ownerAppliesTo(model: TestFileModel, owner: Owner, test: TestCase): boolean {
  if (owner.kind === 'test') return owner.id === test.id;
  if (owner.kind === 'file') return true;
  const index = indexOf(model);
  const key = ownerKey(owner);
  let ids = index.testIdsByOwner.get(key);
  if (!ids) {
    ids = new Set(testsOfOwner(model, owner).map((t) => t.id));
    index.testIdsByOwner.set(key, ids);
  }
  return ids.has(test.id);
}

/** The imported names a test uses, itself or through its hooks, describes and helpers. */
export function usedLocalsOf(model: TestFileModel, test: TestCase): Set<string> {
  return new Set(factsApplyingTo(model, model.importUses, test).map((use) => use.local));
}

interface OwnedGroups {
  byTest: Map<number, number[]>;
  others: { owner: Owner; indexes: number[] }[];
}

/**
 * The items of one of the model's owned lists (mock behaviours, resets) whose owner applies to the
 * test, in list order. Grouped by owner once per list: scanning the list for every test made files
 * with thousands of tests quadratic.
 */
export function factsApplyingTo<T extends { owner: Owner }>(model: TestFileModel, list: readonly T[], test: TestCase): T[] {
  const index = indexOf(model);
  let groups = index.owned.get(list);
  if (!groups) {
    const byTest = new Map<number, number[]>();
    const others = new Map<string, { owner: Owner; indexes: number[] }>();
    list.forEach((item, i) => {
      if (item.owner.kind === 'test') return push(byTest, item.owner.id, i);
      const key = ownerKey(item.owner);
      const group = others.get(key);
      if (group) group.indexes.push(i);
      else others.set(key, { owner: item.owner, indexes: [i] });
    });
    groups = { byTest, others: [...others.values()] };
    index.owned.set(list, groups);
  }
  const picked = [...(groups.byTest.get(test.id) ?? [])];
  for (const { owner, indexes } of groups.others) if (ownerAppliesTo(model, owner, test)) picked.push(...indexes);
  return picked.sort((a, b) => a - b).map((i) => list[i]!);
}

/** A string naming an owner: `test:3`, `hook:1`, `helper:login`, `file`. */
export function ownerKey(owner: Owner): string {
  return owner.kind === 'helper' ? `helper:${owner.name}` : owner.kind === 'file' ? 'file' : `${owner.kind}:${owner.id}`;
}

/** The tests an owner's facts apply to: hooks apply to their describe's tests, helpers to their callers. */
export function testsOfOwner(model: TestFileModel, owner: Owner): TestCase[] {
  switch (owner.kind) {
    case 'test':
      return [model.tests[owner.id]!];
    case 'file':
      return model.tests;
    case 'describe':
      return [...(indexOf(model).testsByDescribe.get(owner.id) ?? [])];
    case 'hook': {
      const hook = model.hooks[owner.id]!;
      return hook.describeId === null ? model.tests : [...(indexOf(model).testsByDescribe.get(hook.describeId) ?? [])];
    }
    case 'helper': {
      const out = new Set<TestCase>();
      for (const caller of callersOfHelper(model, owner.name)) {
        if (caller.kind === 'test') out.add(model.tests[caller.id]!);
        else for (const test of testsOfOwner(model, caller)) out.add(test);
      }
      return [...out].sort((a, b) => a.id - b.id);
    }
  }
}

/** The tests inside a describe (null = the file), in id order. Shared: do not change the array. */
export function testsWithin(model: TestFileModel, describeId: number | null): readonly TestCase[] {
  return describeId === null ? model.tests : (indexOf(model).testsByDescribe.get(describeId) ?? []);
}

/** Owners (tests and hooks) that call a helper, directly or through other helpers. */
export function callersOfHelper(model: TestFileModel, name: string): Owner[] {
  const index = indexOf(model);
  if (!index.callersByHelper) {
    // Every caller's closure once, inverted: tests first, then hooks, each in id order.
    const callers = new Map<string, Owner[]>();
    for (const test of model.tests) for (const helper of helperClosure(model, test.localHelperCalls)) push(callers, helper, { kind: 'test', id: test.id } as Owner);
    for (const hook of model.hooks) for (const helper of helperClosure(model, hook.localHelperCalls)) push(callers, helper, { kind: 'hook', id: hook.id } as Owner);
    index.callersByHelper = callers;
  }
  return (index.callersByHelper.get(name) ?? []).map((owner) => ({ ...owner }));
}

/** A test's own assertions plus those in the local helpers it calls, in source order. */
export function assertionsOfTest(model: TestFileModel, test: TestCase): Assertion[] {
  const index = indexOf(model);
  const known = index.assertionsOfTest.get(test.id);
  if (known) return [...known];
  const positions = [...(index.assertionsByTest.get(test.id) ?? [])];
  for (const helper of helperClosure(model, test.localHelperCalls)) positions.push(...(index.assertionsByHelper.get(helper) ?? []));
  const assertions = [...new Set(positions)].sort((a, b) => a - b).map((i) => model.assertions[i]!);
  index.assertionsOfTest.set(test.id, assertions);
  return [...assertions];
}

export function isRunnable(test: TestCase): boolean {
  return test.hasBody && !test.modifiers.includes('skip') && !test.modifiers.includes('todo');
}

/** 'outer › inner › title' for tests; the describe path for describe-level facts. */
export function testLabel(model: TestFileModel, testId: number | null | undefined, describeId?: number | null): string | null {
  if (testId !== null && testId !== undefined) {
    const test = model.tests[testId];
    return test ? [...test.describePath, test.title].join(' › ') : null;
  }
  if (describeId !== null && describeId !== undefined) {
    return describeAncestry(model, describeId)
      .reverse()
      .map((id) => model.describes[id]!.title)
      .join(' › ');
  }
  return null;
}

/**
 * True when a test has assertions and every one is about a double being called. Calls of a
 * callback the test handed to the code count as real: they are the unit's output. So do calls
 * recorded by a spy that only observes a real method: the real method ran.
 */
export function onlyInvocationAssertions(model: TestFileModel, test: TestCase): boolean {
  // A query that throws (getByRole, used to find what to click) says nothing about the result.
  const assertions = assertionsOfTest(model, test).filter((a) => a.kind !== 'implicit');
  if (assertions.length === 0) return false;
  return assertions.every((a) => a.kind === 'mock-invocation' && !a.onOutputChannel && !a.observesRealMethod);
}

/** Imports from your own modules: relative, or through the `@/` and `~/` aliases. */
export function ownImports(model: TestFileModel): TestFileModel['imports'] {
  return model.imports.filter((i) => isRelative(i.specifier) || i.specifier.startsWith('@/') || i.specifier.startsWith('~/'));
}

/**
 * An afterEach handed a function from your own modules by name (`afterEach(expectEveryRequestMade)`):
 * it runs after every test in scope and may check it where the file does not show.
 */
export function checkedByImportedAfterEach(model: TestFileModel, test: TestCase, own = ownImports(model)): boolean {
  return model.hooks.some(
    (h) => h.kind === 'afterEach' && h.bodyName !== undefined && own.some((i) => i.locals.includes(h.bodyName!)) && appliesTo(model, { kind: 'hook', id: h.id }, test),
  );
}

/** True when facts owned by `owner` apply to `test` (the test itself, its hooks and helpers, its describes, the file). */
export function appliesTo(model: TestFileModel, owner: Owner, test: TestCase): boolean {
  return testsOfOwner(model, owner).includes(test);
}
