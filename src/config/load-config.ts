/**
 * Finds and reads the configuration: test-audit.config.json, .test-auditrc.json or the `testAudit`
 * key of package.json, in the audited folder or the nearest folder above it (up to the repository
 * root), or the file given with --config. Parsed as JSON, validated, never executed.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import type { CatalogEntry } from '../catalog/types.js';
import { validateCatalogEntries } from './catalog-entries.js';
import type { LoadedConfig, TestAuditConfig } from './types.js';
import { joinKey } from './schema-validator.js';
import { findConfigProblem } from './validate-config.js';

export const CONFIG_FILES = ['test-audit.config.json', '.test-auditrc.json'] as const;
const PACKAGE_KEY = 'testAudit';

export interface LoadOptions {
  /** An explicit file (--config); discovery is skipped. */
  configPath?: string;
  /** Rule ids the `rules` section may name. */
  knownRules: readonly string[];
}

/** The configuration for an audited folder, or null when there is none. */
export async function loadConfig(root: string, options: LoadOptions): Promise<LoadedConfig | null> {
  const absoluteRoot = resolve(root);
  const found = options.configPath !== undefined ? explicit(options.configPath) : await discover(absoluteRoot);
  if (!found) return null;
  const text = await readText(found.path);
  const parsed = parseJson(text, displayPath(found.path));
  let value: unknown = parsed;
  let prefix = '';
  if (basename(found.path) === 'package.json') {
    value = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>)[PACKAGE_KEY] : undefined;
    prefix = PACKAGE_KEY;
    if (value === undefined) throw new UsageError(`${displayPath(found.path)}: has no '${PACKAGE_KEY}' key to read the configuration from`);
  }
  const config = validated(value, displayPath(found.path), prefix, options.knownRules);
  return { config, path: found.path, label: labelFor(found.path, absoluteRoot, prefix) };
}

function explicit(path: string): { path: string } {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new UsageError(`config file not found: ${path}`);
  if (!statSync(absolute).isFile()) throw new UsageError(`config is not a file: ${path}`);
  return { path: absolute };
}

async function discover(root: string): Promise<{ path: string } | null> {
  let dir = root;
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return { path: candidate };
    }
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (await hasPackageKey(manifest))) return { path: manifest };
    // The repository root is as far as a configuration can come from.
    if (existsSync(join(dir, '.git'))) return null;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

async function hasPackageKey(manifest: string): Promise<boolean> {
  try {
    const value = JSON.parse(await readFile(manifest, 'utf8')) as unknown;
    return value !== null && typeof value === 'object' && PACKAGE_KEY in value;
  } catch {
    return false; // a broken package.json is the package reader's warning, not a configuration
  }
}

async function readText(path: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(`${displayPath(path)}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function parseJson(text: string, display: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    let where = '';
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      where = ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
    }
    throw new UsageError(`${display}: not valid JSON${where} (${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}); the configuration is plain JSON`);
  }
}

function validated(value: unknown, display: string, prefix: string, knownRules: readonly string[]): TestAuditConfig {
  const fail = (keyPath: string, message: string): never => {
    const full = prefix ? (keyPath ? (keyPath.startsWith('[') ? `${prefix}${keyPath}` : `${prefix}.${keyPath}`) : prefix) : keyPath;
    throw new UsageError(`${display}: ${full || '(top level)'}: ${message}`);
  };
  const problem = findConfigProblem(value);
  if (problem) return fail(problem.keyPath, problem.message);
  const config = value as TestAuditConfig;
  for (const id of Object.keys(config.rules ?? {})) {
    if (!knownRules.includes(id)) fail(joinKey('rules', id), `unknown rule; expected one of: ${knownRules.join(', ')}`);
  }
  const catalogProblem = validateCatalogEntries((config.catalog ?? []) as CatalogEntry[])[0];
  if (catalogProblem) fail(`catalog[${catalogProblem.index}].${catalogProblem.key}`, catalogProblem.message);
  return config;
}

/** How reports name the configuration: never an absolute path. */
function labelFor(path: string, root: string, key: string): string {
  const inside = path.startsWith(root + sep) ? relative(root, path).split(sep).join('/') : basename(path);
  return key ? `${inside} (${key})` : inside;
}

/** For messages on the terminal: relative to the current folder when below it. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
