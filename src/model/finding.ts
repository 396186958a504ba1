/** Findings and the audit result: the contract reporters render and the JSON schema describes. */
import type { FileRole } from './analysis.js';
import type { BoundaryKind } from './boundary.js';
import type { Severity } from './rule.js';
import type { Framework, Tier } from './test-model.js';

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Relative to the audited root, `/` separators. */
  path: string;
  line: number;
  column: number;
  tier: Tier;
  /** Describe path and test title joined by ' › ', or null for file-level findings. */
  test: string | null;
  message: string;
  messageId: string;
  /** Path of the rule's documentation inside the test-audit package. */
  docs: string;
  /** Mock findings only. */
  mechanism?: string;
  target?: string;
  boundary?: BoundaryKind;
  system?: string;
  hides?: string[];
  alternative?: string;
  via?: string[];
}

export interface FileError {
  path: string;
  kind: string;
  message: string;
}

export interface FileReport {
  path: string;
  role: FileRole;
  tier: Tier;
  tierReason: string;
  framework: Framework;
  tests: number;
  mocks: number;
  findings: number;
}

/** What one test exercises for real and what it fakes, and the verdict. */
export interface TestReport {
  path: string;
  line: number;
  /** Describe path and title joined by ' › '. */
  name: string;
  tier: Tier;
  verdict: 'honest' | 'partial' | 'ceremony' | 'no-boundary' | 'unasserted' | 'unit' | 'skipped';
  reason: string;
  real: string[];
  faked: string[];
}

/** Per boundary system: how many tests exercise it for real and how many fake it. */
export interface BoundaryCount {
  system: string;
  kind: BoundaryKind;
  real: number;
  faked: number;
}

export interface Honesty {
  /** Runnable integration and e2e tests. */
  tests: number;
  honest: number;
  partial: number;
  ceremony: number;
  noBoundary: number;
  unasserted: number;
  /** honest / tests, rounded to three decimals; 0 when there are no such tests. */
  share: number;
}

export interface Summary {
  files: number;
  testFiles: number;
  supportFiles: number;
  tests: number;
  tiers: Record<Tier, number>;
  mocks: number;
  findings: Record<Severity, number> & { total: number };
  byRule: Record<string, number>;
  errors: number;
  boundaries: BoundaryCount[];
  /** Integration honesty: the verdicts of integration and e2e tests. */
  honesty: Honesty;
}

export interface AuditResult {
  schemaVersion: 1;
  tool: { name: 'test-audit'; version: string };
  /** Name of the audited folder (never an absolute path). */
  root: string;
  summary: Summary;
  files: FileReport[];
  findings: Finding[];
  /** Every test case with what it exercises and its verdict, sorted by path and line. */
  tests: TestReport[];
  errors: FileError[];
  /** Problems with context files (broken package.json, unreadable configs) that did not stop the audit. */
  warnings: string[];
}
