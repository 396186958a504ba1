/** Findings and the audit result: the contract reporters render and the JSON schema describes. */
import type { FileRole } from './analysis.js';
import type { BoundaryKind } from './boundary.js';
import type { Severity, SeveritySetting } from './rule.js';
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
  /** Full address of that page for the version that made the report (`https://unpkg.com/test-audit@<version>/rules/<id>.md`). */
  docsUrl: string;
  /**
   * Stable identity for baselines and code scanning: rule, file, message id, subject, owning test
   * title and ordinal among equal findings — never line numbers, so edits elsewhere keep it.
   */
  fingerprint: string;
  /** Folder of the package the finding belongs to (nearest package.json), '' for the root. */
  package: string;
  /** The rule's severity variant that chose the severity, when not 'default'. */
  variant?: string;
  /** Set when an inline comment justifies the finding: it stays in the report but never fails the run. */
  suppressed?: Suppression;
  /** With a baseline: 'new', or 'existing' when the baseline already records it (existing findings never fail the run). */
  baseline?: BaselineState;
  /** Mock findings only. */
  mechanism?: string;
  target?: string;
  boundary?: BoundaryKind;
  system?: string;
  hides?: string[];
  alternative?: string;
  via?: string[];
}

export interface Suppression {
  reason: string;
  kind: 'next-line' | 'file';
  /** Line of the suppression comment. */
  line: number;
}

export type BaselineState = 'new' | 'existing';

export interface FileError {
  path: string;
  kind: string;
  message: string;
}

/** What a file is, independent of the findings in it. */
export interface FileFacts {
  path: string;
  role: FileRole;
  tier: Tier;
  tierReason: string;
  framework: Framework;
  tests: number;
  mocks: number;
  /** Folder of the file's package (nearest package.json), '' for the root. */
  package: string;
  /** Support files: the test files (or configs) that make them apply, sorted. */
  usedBy?: string[];
}

export interface FileReport extends FileFacts {
  /** Findings that count (not suppressed). */
  findings: number;
  /** Counted findings by severity. */
  severities: Record<Severity, number>;
  /** Findings justified by a suppression comment. */
  suppressed: number;
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
  /** Findings justified by suppression comments (not in `findings` above). */
  suppressed: number;
  /** Mock findings (suppressed ones included) by the kind of boundary they fake, per tier. */
  byBoundary: Partial<Record<BoundaryKind, Record<Tier, number> & { total: number }>>;
}

/** Whether the run passes: the findings that fail it at the fail level. */
export interface Verdict {
  failOn: Severity | 'none';
  /** Findings at or above the fail level, not suppressed and not in the baseline. */
  failing: number;
  passed: boolean;
}

/** A baseline compared with this run. */
export interface BaselineSummary {
  new: number;
  existing: number;
  /** Baseline entries no longer found (in the files this run covers): the baseline can shrink. */
  fixed: number;
}

/** A rule as this run applied it: its effective severities after configuration. */
export interface RuleSummary {
  id: string;
  description: string;
  /** Path of the rule's documentation inside the test-audit package. */
  docs: string;
  /** Full address of that page for the version that made the report. */
  docsUrl: string;
  severity: Record<string, Record<Tier, SeveritySetting>>;
}

/** A shard run: which part of the test files it audited. 1-based index. */
export interface ShardInfo {
  index: number;
  count: number;
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
  verdict: Verdict;
  rules: RuleSummary[];
  /** Present when a baseline was given. */
  baseline?: BaselineSummary;
  /** Present for `--changed-since` runs: only test files changed since this git ref were audited. */
  changedSince?: string;
  /** Present for shard runs: merge the shard reports with `test-audit merge`. */
  shard?: ShardInfo;
}
