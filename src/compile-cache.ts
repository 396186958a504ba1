/**
 * Loads a CommonJS package with V8's code cache, so the TypeScript bundle (≈9 MB of JavaScript)
 * is not compiled from scratch on every run: compiling it is most of a small audit's start-up.
 *
 * Node 22.1+ has this built in (`module.enableCompileCache`); on Node 20 we do the same for the
 * few large files the package loads, and only while loading it. The cache holds V8 bytecode of our
 * own dependencies (never anything from an audited repository), lives in the OS temp folder, and
 * any failure to read or write it just means compiling as usual.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

/** Files smaller than this compile fast enough that reading a cache would not pay. */
const LARGE_FILE = 256 * 1024;

interface CompilableModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

type ModuleWithCompile = typeof Module & {
  enableCompileCache?: (directory?: string) => unknown;
  wrap(content: string): string;
  prototype: CompilableModule;
};

function cacheDirectory(): string {
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : 'user';
  return join(tmpdir(), `test-audit-compile-cache-${user}`);
}

/** `require(id)` from `from`, with compiled code reused between runs. */
export function requireWithCodeCache(id: string, from: string): unknown {
  const load = createRequire(from);
  if (process.env.TEST_AUDIT_NO_COMPILE_CACHE) return load(id);
  const nodeModule = Module as ModuleWithCompile;
  if (typeof nodeModule.enableCompileCache === 'function') {
    try {
      nodeModule.enableCompileCache(cacheDirectory());
    } catch {
      // No cache: the package still loads.
    }
    return load(id);
  }
  const proto = nodeModule.prototype;
  const compile = proto._compile;
  proto._compile = function compileWithCache(this: CompilableModule, content: string, filename: string) {
    if (content.length < LARGE_FILE) return compile.call(this, content, filename);
    return runCached(this, nodeModule.wrap(content), filename);
  };
  try {
    return load(id);
  } finally {
    proto._compile = compile;
  }
}

function runCached(module: CompilableModule, wrapped: string, filename: string): unknown {
  const cachePath = cacheFileOf(filename);
  const cachedData = cachePath ? readCache(cachePath) : undefined;
  const script = new vm.Script(wrapped, { filename, ...(cachedData ? { cachedData } : {}) });
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => unknown;
  const result = run.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
  // Written after the run, so the functions compiled while loading are in the cache too.
  if (cachePath && (!cachedData || script.cachedDataRejected)) writeCache(cachePath, script);
  return result;
}

/** One cache file per source file, Node version and file state: an upgrade never reads stale code. */
function cacheFileOf(filename: string): string | null {
  try {
    const stats = statSync(filename);
    const key = `${process.version}-${process.arch}-${filename}-${stats.size}-${stats.mtimeMs}`;
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
    return join(cacheDirectory(), `${hash.toString(16).padStart(8, '0')}.v8`);
  } catch {
    return null;
  }
}

function readCache(path: string): Buffer | undefined {
  try {
    if (!isOwnPrivateFolder(dirname(path))) return undefined;
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function writeCache(path: string, script: vm.Script): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (!isOwnPrivateFolder(dirname(path))) return;
    // Written beside, then renamed: a parallel run never reads half a file.
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, path);
  } catch {
    // A read-only or full temp folder costs speed, never the run.
  }
}

/** The temp folder is shared: only trust a cache folder this user owns and no one else can write. */
function isOwnPrivateFolder(folder: string): boolean {
  const stats = statSync(folder);
  if (!stats.isDirectory()) return false;
  if (typeof process.getuid !== 'function') return true;
  return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
}
