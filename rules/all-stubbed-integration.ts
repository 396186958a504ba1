/**
 * all-stubbed-integration: an integration or e2e file in which every boundary its tests touch is a
 * double — a unit test with extra steps.
 */
import { exercisesOf, type BoundaryUse } from '../src/analyze/exercise.js';
import { EXTERNAL_KINDS } from '../src/catalog/types.js';
import type { RawFinding, RuleDefinition } from '../src/model/rule.js';

/** The boundary to suggest making real first: data stores before messaging before remote APIs. */
const PRIORITY = ['database', 'queue', 'cache', 'cloud', 'http', 'email', 'auth'];

const rule: RuleDefinition = {
  meta: {
    id: 'all-stubbed-integration',
    description: 'An integration or e2e test file in which every boundary the tests touch is a double: a unit test with extra steps.',
    rationale:
      'A file that claims to test integration but replaces every system it integrates with cannot fail for any integration reason; it costs what an integration test costs and catches what a unit test catches.',
    severity: {
      default: { unit: 'off', integration: 'warning', e2e: 'warning' },
    },
    messages: {
      allStubbed:
        'Every boundary this {tier} file touches is a double ({faked}); nothing real is exercised, so it is a unit test with extra steps. Make the boundary that matters most real ({alternative}), or move the file to the unit tier.',
    },
  },
  check(file) {
    if (file.role !== 'test' || file.tier === 'unit') return [];
    // A browser suite drives the real app; stubbing some of its requests still leaves a lot real.
    if (file.model.framework === 'playwright' || file.model.framework === 'cypress') return [];
    const exercises = exercisesOf(file).filter((e) => e.verdict !== 'skipped');
    if (exercises.length === 0) return [];
    const real = exercises.flatMap((e) => e.real);
    if (real.length > 0) return [];
    const faked: BoundaryUse[] = [];
    for (const use of exercises.flatMap((e) => e.faked)) if (!faked.some((f) => f.system === use.system)) faked.push(use);
    // A SQLite stand-in alone is sqlite-for-postgres's finding, stubbed auth alone stubbed-auth's, a
    // double justified with a suppression comment is an accepted trade, and a failure injected into
    // one call (`.throws(err)`) tests an error path rather than replacing the system.
    const external = faked
      .filter((f) => EXTERNAL_KINDS.has(f.kind) && !f.standIn && !f.justified && !f.fault && f.kind !== 'auth')
      .sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind));
    if (external.length === 0) return [];
    // The finding is about the file's claim to be an integration test: its first describe or test.
    const firstDescribe = file.model.describes[0];
    const anchor = firstDescribe && firstDescribe.line < exercises[0]!.test.line ? firstDescribe : exercises[0]!.test;
    const finding: RawFinding = {
      messageId: 'allStubbed',
      data: {
        tier: file.tier,
        faked: faked.map((f) => `${f.system} by ${f.evidence}`).join('; '),
        alternative: external[0]!.alternative ?? 'a real instance of it',
      },
      line: anchor.line,
      column: anchor.column,
      testId: null,
    };
    return [finding];
  },
};

export default rule;
