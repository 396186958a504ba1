/**
 * The code an asserted call runs, found in the repository's own source and read statically: does
 * it hand back a dependency's answer as is, or do something with it? Each source file is read
 * once per run, through the cached module summaries.
 */
import type { CalledCode } from '../model/analysis.js';
import type { PackageContext } from '../model/context.js';
import type { ImportRecord, SubjectCall, TestFileModel } from '../model/test-model.js';
import type { CodeSummary, ReturnVerdict } from '../resolve/code-summary.js';
import type { ModuleResolver } from '../resolve/module-resolver.js';
import type { ModuleSummaries } from '../resolve/module-summary.js';

/** How many re-exports (`export * from './users.service'` in a barrel) are followed. */
const REEXPORT_DEPTH = 4;

interface Located {
  file: string;
  code: CodeSummary;
  local: string;
}

type Found = Located | { missing: string };

export class CalledCodeReader {
  constructor(
    private readonly modules: ModuleResolver,
    private readonly summaries: ModuleSummaries,
  ) {}

  /** What the function `call` names does with what it returns, seen from test file `path`. */
  read(path: string, pkg: PackageContext, imports: readonly ImportRecord[], call: SubjectCall): CalledCode {
    const local = call.instanceOf ?? call.root;
    const record = imports.find((r) => !r.typeOnly && r.locals.includes(local));
    if (!record) return notInspected(`${local} is not one of the test file's imports, and only imported code is followed`);
    const imported = record.imported[record.locals.indexOf(local)] ?? 'default';
    const file = this.file(path, record.specifier, pkg);
    if (!file) return notInspected(`'${record.specifier}' is not a source file of this repository`);
    if (call.instanceOf) {
      if (!call.member) return notInspected(`no method is called on ${call.root}`);
      return this.method(this.locate(file, imported, 0), call.member, `${call.instanceOf}.${call.member}`, 0);
    }
    if (call.member === null) return this.function(this.locate(file, imported, 0), call.root);
    // A method or function of an imported object: a module (`import * as users`, `require('./users')`)
    // or an exported instance (`export const usersService = new UsersService()`).
    if (imported === '*' || imported === 'default') {
      const asExport = this.locate(file, call.member, 0);
      if (!('missing' in asExport) || imported === '*') return this.function(asExport, `${call.root}.${call.member}`);
    }
    const object = this.locate(file, imported, 0);
    if ('missing' in object) return notInspected(object.missing);
    const className = object.code.instances.get(object.local);
    if (!className) return notInspected(`${call.root} is not a module or an instance the source shows`);
    return this.method(this.classIn(object.file, object.code, className), call.member, `${call.root}.${call.member}`, 0);
  }

  private file(from: string, specifier: string, pkg: PackageContext): string | null {
    if (this.modules.isLocal(from, specifier, pkg.aliases)) return this.modules.resolve(from, specifier, pkg.aliases);
    return this.modules.resolveWorkspace(specifier);
  }

  /** The local an exported name stands for, following imports it re-exports and barrels. */
  private locate(file: string, name: string, depth: number): Found {
    const code = this.summaries.get(file).code;
    if (!code) return { missing: `${file} could not be read` };
    const local = code.exports.get(name);
    if (local !== undefined) {
      const imported = code.imports.get(local);
      if (!imported || code.functions.has(local) || code.classes.has(local)) return { file, code, local };
      return this.follow(file, imported.specifier, imported.name, depth);
    }
    for (const reexport of code.reexports) {
      if (reexport.names && !reexport.names.has(name)) continue;
      const inner = reexport.names?.get(name) ?? name;
      const found = this.follow(file, reexport.specifier, inner, depth);
      if (!('missing' in found) || reexport.names) return found;
    }
    return { missing: `${file} does not show where ${name} is defined` };
  }

  private follow(file: string, specifier: string, name: string, depth: number): Found {
    if (depth >= REEXPORT_DEPTH) return { missing: `the re-exports of ${name} go deeper than ${REEXPORT_DEPTH} files` };
    const target = this.modules.isLocal(file, specifier) ? this.modules.resolve(file, specifier) : this.modules.resolveWorkspace(specifier);
    if (!target) return { missing: `'${specifier}' (re-exported by ${file}) is not a source file of this repository` };
    return this.locate(target, name, depth + 1);
  }

  /** A class by its local name in `file`: defined there, or imported into it. */
  private classIn(file: string, code: CodeSummary, className: string): Found {
    if (code.classes.has(className)) return { file, code, local: className };
    const imported = code.imports.get(className);
    if (!imported) return { missing: `${file} does not show where ${className} is defined` };
    return this.follow(file, imported.specifier, imported.name, 0);
  }

  private function(found: Found, label: string): CalledCode {
    if ('missing' in found) return notInspected(found.missing);
    const verdict = found.code.functions.get(found.local);
    if (verdict) return fromVerdict(verdict, label, found.file);
    if (found.code.classes.has(found.local)) return notInspected(`${label} is a class`);
    return notInspected(`${found.file} does not define ${label} as a function`);
  }

  private method(found: Found, member: string, label: string, depth: number): CalledCode {
    if ('missing' in found) return notInspected(found.missing);
    const cls = found.code.classes.get(found.local);
    if (!cls) {
      // `export default UsersService` where UsersService is imported, or an alias: one more step.
      const imported = found.code.imports.get(found.local);
      if (imported && depth < REEXPORT_DEPTH) return this.method(this.follow(found.file, imported.specifier, imported.name, depth), member, label, depth + 1);
      return notInspected(`${found.file} does not define ${found.local} as a class`);
    }
    const verdict = cls.methods.get(member);
    if (verdict) return fromVerdict(verdict, label, found.file);
    return notInspected(cls.inherits ? `${label} is inherited from a base class` : `${found.file} does not define ${label}`);
  }
}

function notInspected(reason: string): CalledCode {
  return { verdict: 'not-inspected', reason };
}

function fromVerdict(verdict: ReturnVerdict, code: string, file: string): CalledCode {
  const at = `${file}:${verdict.line}`;
  return verdict.kind === 'pass-through' ? { verdict: 'pass-through', code, at, calls: verdict.calls } : { verdict: 'transforms', code, at, why: verdict.why };
}

/**
 * For each assertion of a test file, index-aligned: what the code its subject comes from does
 * with what it returns. Only value assertions on a call's result with an expected value are read.
 */
export function calledCodeOf(path: string, pkg: PackageContext, model: TestFileModel, reader: CalledCodeReader): (CalledCode | null)[] {
  const cache = new Map<string, CalledCode>();
  return model.assertions.map((assertion) => {
    const call = assertion.subjectCall;
    if (assertion.kind !== 'value' || !call || !assertion.expected) return null;
    const key = `${call.root}\u0000${call.member ?? ''}\u0000${call.instanceOf ?? ''}`;
    let known = cache.get(key);
    if (!known) {
      known = reader.read(path, pkg, model.imports, call);
      cache.set(key, known);
    }
    return known;
  });
}
