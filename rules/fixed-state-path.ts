/**
 * fixed-state-path: a test writes to a fixed path instead of a fresh temporary directory.
 */
import { packageName } from '../src/catalog/index.js';
import type { RawFinding, RuleDefinition } from '../src/model/rule.js';
import type { TestFileModel } from '../src/model/test-model.js';

const FS = new Set(['fs', 'fs-extra', 'graceful-fs']);
const WHERE: Record<string, string> = {
  absolute: 'an absolute path',
  repo: 'a path inside the repository',
  cwd: 'a path relative to the working directory',
  tmp: 'a fixed name under /tmp',
};

/** With the file system faked (mock-fs, memfs, jest.mock('fs')), nothing reaches the disk. */
function fileSystemFaked(model: TestFileModel): boolean {
  return model.mocks.some(
    (m) => (m.target.kind === 'module' && FS.has(packageName(m.target.specifier).replace(/\/promises$/, ''))) || m.fakeLibrary === 'mock-fs' || m.fakeLibrary === 'memfs',
  );
}

const rule: RuleDefinition = {
  meta: {
    id: 'fixed-state-path',
    description: 'A test writes to a fixed path (absolute, relative to the working directory, or inside the repository) instead of a fresh temporary directory.',
    rationale:
      'Fixed paths make the runtime impossible to redirect: tests that run in parallel or twice share state, leftovers from one run decide the next, and the repository fills with artefacts.',
    severity: {
      default: { unit: 'warning', integration: 'warning', e2e: 'warning' },
      tmp: { unit: 'info', integration: 'info', e2e: 'info' },
    },
    messages: {
      fixedPath:
        '{method} writes to {where} ({path}): parallel runs and reruns share it, and leftovers from one run affect the next. Create a fresh directory per test with fs.mkdtemp(path.join(os.tmpdir(), …)) and hand it to the code under test.',
    },
  },
  check(file) {
    const { model } = file;
    if (model.fixedPathWrites.length === 0 || fileSystemFaked(model)) return [];
    const findings: RawFinding[] = [];
    for (const write of model.fixedPathWrites) {
      findings.push({
        messageId: 'fixedPath',
        data: { method: write.method, where: WHERE[write.where]!, path: write.path },
        line: write.line,
        column: write.column,
        testId: write.owner.kind === 'test' ? write.owner.id : null,
        describeId: write.owner.kind === 'hook' ? model.hooks[write.owner.id]!.describeId : null,
        variant: write.where === 'tmp' ? 'tmp' : 'default',
      });
    }
    return findings;
  },
};

export default rule;
