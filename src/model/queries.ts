/**
 * Derived facts over a file's model that several rules need: which tests a hook or helper's facts
 * apply to, a test's assertions including those of the helpers it calls.
 */
import type { Assertion, Owner, TestCase, TestFileModel } from './test-model.js';

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
  return describeId === null || describeAncestry(model, test.describeId).includes(describeId);
}

/** Local helpers reachable from a list of helper calls, transitively. */
export function helperClosure(model: TestFileModel, calls: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...calls];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const helper = model.helpers.find((h) => h.name === name);
    if (helper) queue.push(...helper.localHelperCalls);
  }
  return seen;
}

/** The tests an owner's facts apply to: hooks apply to their describe's tests, helpers to their callers. */
export function testsOfOwner(model: TestFileModel, owner: Owner): TestCase[] {
  switch (owner.kind) {
    case 'test':
      return [model.tests[owner.id]!];
    case 'file':
      return model.tests;
    case 'describe':
      return model.tests.filter((t) => testIsWithin(model, t, owner.id));
    case 'hook': {
      const hook = model.hooks[owner.id]!;
      return model.tests.filter((t) => testIsWithin(model, t, hook.describeId));
    }
    case 'helper': {
      const out = new Set<TestCase>();
      for (const test of model.tests) if (helperClosure(model, test.localHelperCalls).has(owner.name)) out.add(test);
      for (const hook of model.hooks) {
        if (!helperClosure(model, hook.localHelperCalls).has(owner.name)) continue;
        for (const test of model.tests) if (testIsWithin(model, test, hook.describeId)) out.add(test);
      }
      return [...out].sort((a, b) => a.id - b.id);
    }
  }
}

/** Owners (tests and hooks) that call a helper, directly or through other helpers. */
export function callersOfHelper(model: TestFileModel, name: string): Owner[] {
  const owners: Owner[] = [];
  for (const test of model.tests) if (helperClosure(model, test.localHelperCalls).has(name)) owners.push({ kind: 'test', id: test.id });
  for (const hook of model.hooks) if (helperClosure(model, hook.localHelperCalls).has(name)) owners.push({ kind: 'hook', id: hook.id });
  return owners;
}

/** A test's own assertions plus those in the local helpers it calls. */
export function assertionsOfTest(model: TestFileModel, test: TestCase): Assertion[] {
  const helpers = helperClosure(model, test.localHelperCalls);
  return model.assertions.filter(
    (a) => (a.owner.kind === 'test' && a.owner.id === test.id) || (a.owner.kind === 'helper' && helpers.has(a.owner.name)),
  );
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
 * callback the test handed to the code count as real: they are the unit's output.
 */
export function onlyInvocationAssertions(model: TestFileModel, test: TestCase): boolean {
  const assertions = assertionsOfTest(model, test);
  if (assertions.length === 0) return false;
  const callbacks = new Set(model.callbackDoubles);
  return assertions.every((a) => a.kind === 'mock-invocation' && !(a.subjectRoot && callbacks.has(a.subjectRoot)));
}

/** True when facts owned by `owner` apply to `test` (the test itself, its hooks and helpers, its describes, the file). */
export function appliesTo(model: TestFileModel, owner: Owner, test: TestCase): boolean {
  return testsOfOwner(model, owner).includes(test);
}
