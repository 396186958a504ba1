/**
 * What each test really exercises: the boundaries it touches for real and those it fakes, and the
 * verdict that follows — honest, partial, ceremony, or why neither applies.
 */
import type { AnalyzedFile } from '../model/analysis.js';
import type { BoundaryKind } from '../model/boundary.js';
import { assertionsOfTest, isRunnable, onlyInvocationAssertions, ownerAppliesTo, usedLocalsOf } from '../model/queries.js';
import type { TestCase } from '../model/test-model.js';
import { describeTarget } from '../model/describe-target.js';
import { EXTERNAL_KINDS } from '../catalog/types.js';
import { systemFamily } from '../catalog/index.js';
import { wiresRealStandIn } from './real-stand-in.js';

export type Verdict = 'honest' | 'partial' | 'ceremony' | 'no-boundary' | 'unasserted' | 'unit' | 'skipped';

export interface BoundaryUse {
  kind: BoundaryKind;
  system: string;
  /** Where the evidence is: 'jest.mock line 5', 'Testcontainers (...) line 12'. */
  evidence: string;
  /** Line of the evidence in this file, or null when it comes from another file. */
  line: number | null;
  /** For faked boundaries: the honest alternative. */
  alternative?: string;
  /** A real engine standing in for the production one (SQLite for PostgreSQL). */
  standIn?: boolean;
  /** The double carries a justified suppression comment: an accepted trade, not ceremony. */
  justified?: boolean;
  /** The double only injects a failure (throws, rejects): listed only when nothing real of its kind is used. */
  fault?: boolean;
  /** The double replaces one entity's repository or model: the rest of its database may stay real. */
  onePart?: boolean;
}

/** NestJS tokens of one entity's repository or model, as opposed to the whole connection. */
const ONE_PART_TOKEN = /^(getRepositoryToken|getModelToken|getCustomRepositoryToken)\(/;

/** A mock site the file justifies with a test-audit-ignore comment (file-wide or on the line above). */
function isJustified(file: AnalyzedFile, line: number): boolean {
  return file.model.suppressions.some(
    (s) =>
      s.reason !== null &&
      (s.ruleId === 'mocked-dependency' || s.ruleId === 'stubbed-auth') &&
      (s.scope === 'file' || s.targetLine === line),
  );
}

export interface TestExercise {
  test: TestCase;
  real: BoundaryUse[];
  faked: BoundaryUse[];
  verdict: Verdict;
  reason: string;
}

/** Boundaries that count as "touched": systems outside the code, the disk and child processes. */
export const TOUCHED_KINDS: ReadonlySet<BoundaryKind> = new Set([...EXTERNAL_KINDS, 'filesystem', 'process']);

/** Kinds reached through the code under test that count as exercised when nothing fakes them. */
const REACHED_KINDS: ReadonlySet<BoundaryKind> = new Set(['database', 'cache', 'queue']);

export const ENGINE_SYSTEMS: Record<string, string> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MariaDB',
  mssql: 'Microsoft SQL Server',
  oracle: 'Oracle Database',
  sqlite: 'SQLite',
  mongodb: 'MongoDB',
};

/** One name per system: several drivers of one engine (pg, postgres, slonik) count as PostgreSQL. */
export function systemName(boundary: { system: string; engine?: string }): string {
  return (boundary.engine && ENGINE_SYSTEMS[boundary.engine]) || systemFamily(boundary.system);
}

function addUnique(list: BoundaryUse[], use: BoundaryUse): void {
  if (!list.some((u) => u.system === use.system)) list.push(use);
}

export function exerciseOf(file: AnalyzedFile, test: TestCase): TestExercise {
  const { model } = file;
  const faked: BoundaryUse[] = [];
  const faults: BoundaryUse[] = [];
  model.mocks.forEach((site, index) => {
    const boundary = file.boundaries[index]!;
    if (site.benign || !TOUCHED_KINDS.has(boundary.kind)) return;
    if (!ownerAppliesTo(model, site.owner, test)) return;
    if (wiresRealStandIn(file, site, boundary)) return;
    // A spy made in setup code is a double only for the tests that give it behaviour.
    const configured = site.configuredBy?.filter((c) => ownerAppliesTo(model, c.owner, test));
    if (configured && configured.length === 0) return;
    const fault = configured ? configured.every((c) => c.fault) : site.fault === true;
    // Only an override leaves the rest real: a module assembled from a providers list has no other repository.
    const onePart = site.mechanism === 'nestjs.overrideProvider' && site.target.kind === 'token' && ONE_PART_TOKEN.test(site.target.name);
    const use: BoundaryUse = {
      kind: boundary.kind,
      system: onePart ? `${systemName(boundary)} (${describeTarget(site.target)} only)` : systemName(boundary),
      evidence: `${site.mechanism} line ${site.line}`,
      line: site.line,
      alternative: boundary.alternative,
      ...(site.fakeLibrary === 'pg-mem' ? { standIn: true } : {}),
      ...(isJustified(file, site.line) ? { justified: true } : {}),
      ...(onePart ? { onePart: true } : {}),
    };
    if (fault) faults.push({ ...use, evidence: `a failure injected by ${use.evidence}`, fault: true });
    else addUnique(faked, use);
  });
  const usedLocals = usedLocalsOf(model, test);
  for (const inherited of file.inherited) {
    if (!TOUCHED_KINDS.has(inherited.boundary.kind)) continue;
    // A double made by a helper function applies to the tests that call it (or whose hooks do).
    if (inherited.locals && !inherited.locals.some((l) => usedLocals.has(l))) continue;
    const use: BoundaryUse = {
      kind: inherited.boundary.kind,
      system: systemName(inherited.boundary),
      evidence: `${inherited.mechanism} at ${inherited.from}`,
      line: null,
      alternative: inherited.boundary.alternative,
    };
    if (inherited.fault) faults.push({ ...use, evidence: `a failure injected by ${use.evidence}`, fault: true });
    else addUnique(faked, use);
  }
  const real: BoundaryUse[] = [];
  const blackBox: BoundaryUse[] = [];
  for (const usage of file.realBoundaries) {
    if (!TOUCHED_KINDS.has(usage.kind) || !ownerAppliesTo(model, usage.owner, test)) continue;
    if (usage.locals && !usage.locals.some((l) => usedLocals.has(l))) continue;
    if (usage.blackBox) {
      addUnique(blackBox, { kind: usage.kind, system: usage.system, evidence: `${usage.evidence} line ${usage.line}`, line: usage.line });
      continue;
    }
    if (usage.from) addUnique(real, { kind: usage.kind, system: usage.system, evidence: `${usage.evidence} at ${usage.from}`, line: null });
    else addUnique(real, { kind: usage.kind, system: usage.system, evidence: `${usage.evidence} line ${usage.line}`, line: usage.line });
  }
  // Reaching a system through the code under test is weak evidence: it counts only when none of
  // this test's doubles fakes that kind of system (an ORM wrapper and the ORM itself are one
  // database). Doubles of other tests do not count: a stub in one test leaves the rest real, and
  // so does a double of one entity's repository: the app's other repositories still query.
  const fakedKinds = new Set<string>(faked.filter((f) => !f.onePart).map((f) => f.kind));
  for (const reached of file.reached) {
    const name = systemName(reached);
    if (!REACHED_KINDS.has(reached.kind) || faked.some((f) => !f.onePart && f.system === name) || fakedKinds.has(reached.kind)) continue;
    if (!reached.locals.some((l) => usedLocals.has(l))) continue;
    addUnique(real, { kind: reached.kind, system: systemName(reached), evidence: `reached through ${reached.via.join(' → ')}`, line: null });
  }
  // A failure injected into one call tests the error path of a system that otherwise stays real:
  // it is a double of that system only when nothing in the test uses the system for real.
  for (const fault of faults) if (!real.some((r) => r.kind === fault.kind)) addUnique(faked, fault);
  standInsForProduction(file, real, faked);
  // The running app driven from outside is real when the test fakes nothing: with a stub in the
  // test (cy.intercept, page.route, nock), what it drives is partly replaced and the doubles decide.
  if (faked.length === 0) for (const use of blackBox) addUnique(real, use);
  const { verdict, reason } = judge(file, test, real, faked);
  return { test, real, faked, verdict, reason };
}

const SERVER_ENGINE_NAMES: Record<string, string> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MariaDB',
  mssql: 'Microsoft SQL Server',
  oracle: 'Oracle Database',
};

/** A real SQLite where production runs a server database is a stand-in, not the real thing. */
function standInsForProduction(file: AnalyzedFile, real: BoundaryUse[], faked: BoundaryUse[]): void {
  const production = file.pkg.productionEngines.find((e) => SERVER_ENGINE_NAMES[e.engine]);
  if (!production || file.pkg.productionEngines.some((e) => e.engine === 'sqlite')) return;
  const index = real.findIndex((u) => u.system === 'SQLite');
  if (index < 0) return;
  const [sqlite] = real.splice(index, 1);
  // The ORM the code under test reaches talks to that SQLite, not to a real server.
  for (let i = real.length - 1; i >= 0; i--) if (real[i]!.kind === 'database' && real[i]!.evidence.startsWith('reached through')) real.splice(i, 1);
  addUnique(faked, {
    ...sqlite!,
    system: SERVER_ENGINE_NAMES[production.engine]!,
    evidence: `SQLite standing in (${sqlite!.evidence})`,
    standIn: true,
  });
}

function judge(file: AnalyzedFile, test: TestCase, real: BoundaryUse[], faked: BoundaryUse[]): { verdict: Verdict; reason: string } {
  if (!isRunnable(test)) return { verdict: 'skipped', reason: 'skipped or todo' };
  if (file.tier === 'unit') return { verdict: 'unit', reason: 'unit test: doubles are expected' };
  const systems = (list: BoundaryUse[]): string => list.map((u) => u.system).join(', ');
  if (assertionsOfTest(file.model, test).length === 0 && !test.endsOnEvent) return { verdict: 'unasserted', reason: 'no assertion found' };
  if (onlyInvocationAssertions(file.model, test)) return { verdict: 'ceremony', reason: 'only asserts that doubles were called' };
  if (faked.length && !real.length) return { verdict: 'ceremony', reason: `every boundary it touches is a double: ${systems(faked)}` };
  if (real.length && !faked.length) return { verdict: 'honest', reason: `exercises ${systems(real)} for real` };
  if (real.length) return { verdict: 'partial', reason: `real: ${systems(real)}; faked: ${systems(faked)}` };
  return { verdict: 'no-boundary', reason: 'touches no external boundary, real or faked' };
}

const exercisesByFile = new WeakMap<AnalyzedFile, readonly TestExercise[]>();

/** Every test's exercise, computed once per file: the report and several rules ask for them. */
export function exercisesOf(file: AnalyzedFile): readonly TestExercise[] {
  let exercises = exercisesByFile.get(file);
  if (!exercises) {
    exercises = file.role === 'test' ? file.model.tests.map((test) => exerciseOf(file, test)) : [];
    exercisesByFile.set(file, exercises);
  }
  return exercises;
}
