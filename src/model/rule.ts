/** The contract every rule implements: metadata, and a pure check over analysed files. */
import type { AnalyzedFile } from './analysis.js';
import type { PackageContext } from './context.js';
import type { Tier } from './test-model.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type TierSeverity = Record<Tier, SeveritySetting>;

export interface RuleMeta {
  /** Equals the rule's file name in rules/. */
  id: string;
  /** One line, shown by `test-audit rules`. */
  description: string;
  /** Why the pattern is a problem, in a sentence or two. */
  rationale: string;
  /**
   * Severity per tier, by variant. Rules pick a variant per finding (an external boundary mocked
   * vs. another double); 'default' always exists.
   */
  severity: { default: TierSeverity } & Record<string, TierSeverity>;
  /** Message templates by id; `{name}` placeholders are filled from a finding's data. */
  messages: Record<string, string>;
  /**
   * Rules whose finding at the same place this rule's finding replaces, because it says the same
   * thing more specifically (pg-mem as a PostgreSQL stand-in is one finding, not two).
   */
  supersedes?: string[];
  /**
   * 'suppressions': the rule is about the suppression comments themselves. It runs after the
   * engine has matched suppressions to findings (and may ask which were used), and its own
   * findings cannot be suppressed inline.
   */
  phase?: 'suppressions';
}

export type FindingData = Record<string, string | number>;

export interface RawFinding {
  messageId: string;
  data: FindingData;
  line: number;
  column: number;
  /** When the finding is about another file than the analysed one (a config, a .env.test). */
  path?: string;
  /** Tier to judge severity by, when it is not the file's own (package-level findings). */
  tier?: Tier;
  /** The test it concerns, by id in the file's model; null for file-level findings. */
  testId?: number | null;
  /** For hook- and describe-level findings: the describe it sits in. */
  describeId?: number | null;
  variant?: string;
  /** For findings about a mock site: its index in `model.mocks`. */
  mockIndex?: number;
  /**
   * What the finding is about, in words that survive unrelated edits (a variable name, an env key,
   * a database choice): part of the finding's baseline fingerprint. Mock findings default to the
   * mechanism and target. Never include line numbers.
   */
  subject?: string;
  /**
   * Other lines of the same file where the double this finding is about shows, for rules that
   * supersede a general one: the general findings there are replaced too (a pg-mem import, when
   * the finding points at `newDb()`).
   */
  supersedesAt?: number[];
}

/** What the engine knows about suppression comments, for rules of the 'suppressions' phase. */
export interface SuppressionFacts {
  /** True when suppression comment `index` of the file matched at least one finding. */
  used(file: AnalyzedFile, index: number): boolean;
  /** True when a rule with this id ran in this audit. */
  knownRule(id: string): boolean;
}

/** A package's audited test files, summed up: package rules judge at the highest tier among them. */
export interface PackageTests {
  /** How many test files of the package were audited. */
  files: number;
  /** The highest tier among them ('unit' when there are none). */
  tier: Tier;
}

export interface RuleContext {
  options: Record<string, unknown>;
  /** Set for rules of the 'suppressions' phase only. */
  suppressions?: SuppressionFacts;
}

export interface RuleDefinition {
  meta: RuleMeta;
  /** Findings for one file. Pure: reads the analysed file, writes nothing. */
  check(file: AnalyzedFile, context: RuleContext): RawFinding[];
  /** Findings about a package as a whole (config files), given what the audit saw of its tests. */
  checkPackage?(pkg: PackageContext, tests: PackageTests, context: RuleContext): (RawFinding & { path: string })[];
}
