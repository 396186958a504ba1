/** A test or support file ready for rules: its model plus everything resolved around it. */
import type { ResolvedBoundary } from './boundary.js';
import type { PackageContext } from './context.js';
import type { TestFileModel, Tier } from './test-model.js';

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
  /** For a root `__mocks__/<pkg>` file: the package Jest replaces for every test of this package. */
  automockOf: string | null;
}
