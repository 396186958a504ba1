/**
 * --changed-since: tests changed since a git ref, tests whose support code changed, and a clear
 * error outside a git repository or for an unknown ref. Real git, in a temporary repository.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import { runCli } from './support/cli.js';

const git = promisify(execFile);

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'shop', dependencies: { stripe: '^16.0.0' }, devDependencies: { jest: '^29.0.0' } }),
  'test/helpers/session.ts': 'export function session() { return { user: 1 }; }\n',
  'test/uses-helper.test.ts': "import { session } from './helpers/session';\nit('uses', () => { expect(session()).toBeDefined(); });\n",
  'test/alone.test.ts': "jest.mock('stripe');\nit('alone', () => { expect(1).toBe(1); });\n",
  'test/other.test.ts': "it('other', () => { expect(2).toBe(2); });\n",
};

async function write(root: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
}

async function withGitRepo(use: (root: string) => Promise<void>): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'test-audit-git-'));
  try {
    for (const [path, text] of Object.entries(files)) await write(root, path, text);
    const run = (...args: string[]) => git('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: root });
    await run('init', '-q');
    await run('add', '-A');
    await run('commit', '-q', '-m', 'start');
    await use(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const testFiles = async (root: string): Promise<string[]> => (await audit({ root, changedSince: 'HEAD' })).files.map((f) => `${f.role} ${f.path}`);

describe('--changed-since', () => {
  it('audits changed and new test files, and the tests whose support code changed', async () => {
    await withGitRepo(async (root) => {
      expect(await testFiles(root)).toEqual([]);
      await write(root, 'test/alone.test.ts', `${files['test/alone.test.ts']}// touched\n`);
      await write(root, 'test/new.test.ts', "it('new', () => { expect(3).toBe(3); });\n");
      expect(await testFiles(root)).toEqual(['test test/alone.test.ts', 'test test/new.test.ts']);
      await write(root, 'test/helpers/session.ts', 'export function session() { return { user: 2 }; }\n');
      expect(await testFiles(root)).toEqual(['test test/alone.test.ts', 'support test/helpers/session.ts', 'test test/new.test.ts', 'test test/uses-helper.test.ts']);
      const result = await audit({ root, changedSince: 'HEAD' });
      expect(result.changedSince).toBe('HEAD');
    });
  });

  it('through the binary: the report says so; outside git or with an unknown ref it is exit 2', async () => {
    await withGitRepo(async (root) => {
      await write(root, 'test/alone.test.ts', `${files['test/alone.test.ts']}// touched\n`);
      const run = await runCli(['.', '--changed-since', 'HEAD', '--format', 'json'], { cwd: root });
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as { changedSince: string; files: { path: string }[] };
      expect(report.changedSince).toBe('HEAD');
      expect(report.files.map((f) => f.path)).toEqual(['test/alone.test.ts']);

      const unknown = await runCli(['.', '--changed-since', 'no-such-branch'], { cwd: root });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toBe("test-audit: --changed-since: 'no-such-branch' is not a commit, branch or tag in this repository\n");
      const optionLike = await runCli(['.', '--changed-since=--output=x'], { cwd: root });
      expect(optionLike.code).toBe(2);
      expect(optionLike.stderr).toBe("test-audit: --changed-since expects a git ref (branch, tag or commit), got '--output=x'\n");
    });
    const outside = await mkdtemp(join(tmpdir(), 'test-audit-nogit-'));
    try {
      const run = await runCli(['.', '--changed-since', 'main'], { cwd: outside });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('test-audit: --changed-since needs a git repository: the audited folder is not inside a git work tree\n');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("never runs a program the repository's git configuration names (fsmonitor, clean filter, textconv)", async () => {
    await withGitRepo(async (root) => {
      const marker = join(root, 'ran.txt');
      const hook = join(root, 'hook.sh');
      // Writes where it was started from, then passes its input through as a filter would.
      await writeFile(hook, `#!/bin/sh\necho "$0 $*" >> '${marker}'\n[ -t 0 ] || cat\n`);
      await chmod(hook, 0o755);
      await write(root, '.gitattributes', '*.ts filter=evil diff=evil\n');
      const config = (...args: string[]) => git('git', ['config', ...args], { cwd: root });
      await config('core.fsmonitor', `${hook} </dev/null`);
      await config('filter.evil.clean', hook);
      await config('filter.evil.required', 'true');
      await config('diff.evil.textconv', hook);
      await write(root, 'test/alone.test.ts', `${files['test/alone.test.ts']}// touched\n`);
      const run = await runCli([root, '--changed-since', 'HEAD', '--format', 'json']);
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout).files.map((f: { path: string }) => f.path)).toEqual(['test/alone.test.ts']);
      await expect(readFile(marker, 'utf8')).rejects.toThrow(/ENOENT/);
    });
  });
});
