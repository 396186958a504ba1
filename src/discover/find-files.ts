/**
 * Lists the files an audit may read: source files (candidate tests and support code) and the
 * manifests and configs that give a package its context. Honours .gitignore, never enters
 * node_modules or build output, never follows symbolic links out of the tree.
 */
import { globby } from 'globby';

export const SOURCE_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];

/** Folders never audited: dependencies, build output, caches, VCS data. */
export const ALWAYS_IGNORED = [
  '**/node_modules/**',
  '**/.git/**',
  '**/dist/**',
  '**/build/**',
  '**/coverage/**',
  '**/.next/**',
  '**/.nuxt/**',
  '**/.output/**',
  '**/.svelte-kit/**',
  '**/.turbo/**',
  '**/.cache/**',
  '**/.yarn/**',
  '**/.pnpm-store/**',
  '**/.vercel/**',
  '**/.serverless/**',
  '**/.docusaurus/**',
  '**/.angular/**',
  '**/storybook-static/**',
];

/**
 * Folders that hold inputs to tests rather than tests: fixture projects and recorded data.
 * Skipped by default because their code is data (a fixture full of mocks is not the suite's own).
 */
export const DEFAULT_EXCLUDED = ['**/fixtures/**', '**/__fixtures__/**', '**/__snapshots__/**'];

const CONTEXT_PATTERNS = [
  '**/package.json',
  '**/*.prisma',
  '**/.env',
  '**/.env.*',
  '**/docker-compose*.yml',
  '**/docker-compose*.yaml',
  '**/compose.yml',
  '**/compose.yaml',
  '**/compose.*.yml',
  '**/compose.*.yaml',
  '**/.mocharc*',
  '**/jest.config*.json',
  '**/jest-e2e.json',
  '**/jest-*.json',
  '**/ormconfig.json',
  '**/config/config.json',
  '**/config/database.json',
  '**/tsconfig.json',
  '**/jsconfig.json',
  '**/tsconfig.*.json',
];

export interface FileListing {
  /** Every file found, relative to the root with `/` separators, sorted. */
  files: string[];
}

export async function listFiles(root: string, extraIgnores: readonly string[] = DEFAULT_EXCLUDED): Promise<FileListing> {
  const patterns = [`**/*.{${SOURCE_EXTENSIONS.join(',')}}`, ...CONTEXT_PATTERNS];
  const files = await globby(patterns, {
    cwd: root,
    gitignore: true,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: [...ALWAYS_IGNORED, ...extraIgnores],
  });
  files.sort(comparePaths);
  return { files };
}

/** Byte order on the path, so output does not depend on the machine's locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
