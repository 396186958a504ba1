/**
 * Project context: what the files around a test say about the project it belongs to.
 * Gathered by static reads of package.json and config files; nothing is executed.
 */
import type { DatabaseEngine, Framework, Position } from './test-model.js';

/** A fact read from a file other than the test: where it stands, and what it says. */
export interface EvidenceRef extends Position {
  /** Path relative to the audited root, `/` separators. */
  path: string;
  evidence: string;
}

/** 'config': the user's configuration says so (`packages.<pkg>.productionEngine`), above all else. */
export type EvidenceSource = 'config' | 'dependency' | 'prisma' | 'orm-config' | 'compose' | 'env';

export interface EngineEvidence extends EvidenceRef {
  engine: DatabaseEngine;
  /** Where the evidence comes from; rules cite the most authoritative first (dependency first). */
  source: EvidenceSource;
}

/** What the test runner's configuration says, read statically. */
export interface RunnerConfig {
  framework: Framework;
  /** The config file it came from, relative to the audited root, or null when none was found. */
  configPath: string | null;
  /** clearMocks: calls and results cleared before each test (implementations kept). */
  clearMocks: boolean;
  /** resetMocks / mockReset: implementations reset before each test. */
  resetMocks: boolean;
  /** restoreMocks: spies restored before each test. */
  restoreMocks: boolean;
  /** vitest unstubEnvs / unstubGlobals. */
  unstubEnvs: boolean;
  unstubGlobals: boolean;
  /** Setup and global-setup files named by the config, relative to the audited root. */
  setupFiles: string[];
  /** Jest `roots`, relative to the audited root (where automatic `__mocks__` are looked up). */
  roots: string[];
  /** Path aliases the runner maps: jest `moduleNameMapper`, vite `resolve.alias` (literal forms only). */
  aliases: PathAlias[];
  /**
   * Globs naming test files beyond the runners' defaults, relative to the audited root: vitest
   * `test.include` and jest `testMatch` (a glob such as `<rootDir>/src/any/x.jest.ts`).
   */
  testGlobs: string[];
}

/**
 * A path alias from tsconfig `paths`: specifiers starting with `prefix` map under each target. A
 * `baseUrl` without `paths` is an alias with the prefix '' that holds only for specifiers naming a
 * file under it (`import { server } from 'test/server'` with `baseUrl: "src"`); others stay packages.
 */
export interface PathAlias {
  prefix: string;
  /** Folders relative to the audited root, ending in '/' (or '' for the root). */
  targets: string[];
  /** True for a `baseUrl` without `paths`. */
  baseUrl?: boolean;
}

export interface PackageContext {
  /** Folder of the package, relative to the audited root ('' for the root itself). */
  dir: string;
  /** package.json path relative to the audited root, or null when there is none. */
  manifestPath: string | null;
  name: string | null;
  dependencies: string[];
  devDependencies: string[];
  peerDependencies: string[];
  runner: RunnerConfig;
  /** Production engine evidence: dependencies, Prisma provider, knexfile, compose images, .env. */
  productionEngines: EngineEvidence[];
  /** Test-side engine choices made outside test code: .env.test, test Prisma schema, configs. */
  testEngineSelections: EngineEvidence[];
  /** tsconfig/jsconfig `paths`, for resolving `@/db` to a file. */
  aliases: PathAlias[];
  /**
   * Entry points other packages of the repository import it by: subpath ('.', './client') → path
   * relative to the audited root, as package.json `exports`/`main`/`module`/`source` name them.
   */
  entries: Record<string, string>;
  /**
   * msw's browser worker script (`public/mockServiceWorker.js`), when the package has one: the app
   * can answer its own API requests with mocks in the browser, so a browser suite driving it is not
   * known to reach a real backend.
   */
  browserMockWorker: string | null;
  /** Problems met while reading this package's files (broken JSON, unreadable config). */
  warnings: string[];
}
