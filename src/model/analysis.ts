/** A test or support file ready for rules: its model plus everything resolved around it. */
import type { BoundaryKind, ResolvedBoundary } from './boundary.js';
import type { PackageContext } from './context.js';
import type { MockResetKind, Owner, TestFileModel, Tier } from './test-model.js';

/** A real system a test exercises, and the evidence for it. */
export interface RealBoundary {
  kind: BoundaryKind;
  system: string;
  /** Where in the file the evidence sits; its owner says which tests it applies to. */
  owner: Owner;
  line: number;
  /** What shows it is real: 'PostgreSqlContainer from @testcontainers/postgresql', 'mkdtemp()'. */
  evidence: string;
  /** For evidence in a support file (a helper that opens the client): 'path:line' there. */
  from?: string;
  /**
   * The app under test driven from outside (a browser suite, supertest against a URL): it counts as
   * exercised for real only by tests that fake nothing, since a double in the test says the test
   * replaces part of what it drives.
   */
  blackBox?: boolean;
  /** For evidence in a helper: the names the test file imports that lead to it; it applies to the tests that use one. */
  locals?: string[];
}

/** An external system the code under test reaches, and the imported names that lead to it. */
export interface ReachedBoundary extends ResolvedBoundary {
  locals: string[];
}

/** A double made outside the test file that still applies to its tests (setup file, helper, __mocks__). */
export interface InheritedDouble {
  boundary: ResolvedBoundary;
  /** 'path:line' of the mock site. */
  from: string;
  mechanism: string;
  /**
   * 'package' for doubles that apply to a whole package (setup files, root __mocks__): they matter
   * to a test only if its code reaches what they replace. 'import' for helpers the file imports.
   */
  scope: 'package' | 'import';
  /**
   * For a double made inside a helper function (`export const mockPublish = () => jest.spyOn(...)`):
   * the names the test file imports that lead to it; it applies to the tests that use one of them.
   * Absent when it applies to every test the support file serves.
   */
  locals?: string[];
  /** The double only injects a failure (throws, rejects). */
  fault?: boolean;
}

/**
 * A reset of doubles that support code runs around every test of the file: a setup file's
 * `afterEach(() => jest.resetAllMocks())`, a helper's `beforeEach(() => mockReset(prismaMock))`.
 */
export interface InheritedReset {
  kind: MockResetKind;
  /** This file's local names for the doubles it resets (imported from the support file); null when it resets every double. */
  locals: string[] | null;
  /** 'path:line' of the reset. */
  from: string;
}

/**
 * What the code an asserted call runs does with what it returns, read statically from the
 * repository's source: 'pass-through' when every return hands back a dependency call's result as
 * is (`return this.repo.find()`), 'transforms' when some return is anything else, 'not-inspected'
 * when the code could not be found (a package, a file outside the tree, an inherited method).
 */
export type CalledCode =
  | {
      verdict: 'pass-through';
      /** The function or method, as the test names it: 'UsersService.findAll', 'getUser'. */
      code: string;
      /** 'path:line' of its definition. */
      at: string;
      /** The dependency methods or functions whose result it returns ('find', 'findOneBy'). */
      calls: string[];
    }
  | { verdict: 'transforms'; code: string; at: string; /** What it returns instead, in words. */ why: string }
  | { verdict: 'not-inspected'; reason: string };

export type FileRole = 'test' | 'support';

export interface AnalyzedFile {
  /** Relative to the audited root, `/` separators. */
  path: string;
  /** 'support' for setup files, helpers and `__mocks__` that tests rely on. */
  role: FileRole;
  tier: Tier;
  tierReason: string;
  model: TestFileModel;
  /** What each mock site stands in for, index-aligned with `model.mocks`. */
  boundaries: ResolvedBoundary[];
  pkg: PackageContext;
  /** For support files: the test files (or configs) that make them apply. */
  usedBy: string[];
  /** For support files: 'package' when they apply to every test of the package (setup files, root __mocks__). */
  appliesTo: 'importers' | 'package';
  /** For support files: the test files they serve, directly or through other support files. */
  serves: string[];
  /** For a root `__mocks__/<pkg>` file: the package Jest replaces for every test of this package. */
  automockOf: string | null;
  /** Real systems exercised in this file (containers, temp dirs, the real app over HTTP, clients). */
  realBoundaries: RealBoundary[];
  /** External systems reached through the file's own, unmocked imports (the code under test). */
  reached: ReachedBoundary[];
  /** A setup file of the package calls `expect.hasAssertions()` / `expect.assertions(n)`: a test that checks nothing fails. */
  setupCountsAssertions?: true;
  /** Doubles from setup files, imported helpers and Jest root `__mocks__` that apply to the tests here. */
  inherited: InheritedDouble[];
  /** Resets of doubles made around each test by setup files and imported helpers. */
  inheritedResets: InheritedReset[];
  /**
   * For test files: what the code under test behind each assertion's subject does with what it
   * returns, index-aligned with `model.assertions` (null where the assertion is not on a call's
   * result with an expected value). Absent when the source was not read.
   */
  calledCode?: (CalledCode | null)[];
}
