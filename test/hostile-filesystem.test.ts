/**
 * Hostile file systems, end to end through the real binary: symlink loops and links out of the
 * root, permission-denied files and folders, file names no terminal should print raw, and the
 * paths that are not a repository at all.
 */
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliOptions, type CliRun } from './support/cli.js';

interface Report {
  root: string;
  files: { path: string; tests: number }[];
  findings: { ruleId: string; path: string; line: number; message: string }[];
  errors: { path: string; kind: string; message: string }[];
  warnings: string[];
  summary: { files: number; errors: number };
}

async function write(root: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
}

const A_TEST = "it('works', () => { expect(1).toBe(1); });\n";
/** Text that must never reach a report: it lives outside the audited folder. */
const SECRET = 'outside-secret-4f1c';

describe('symbolic links', () => {
  let base: string;
  let run: CliRun;
  let report: Report;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'test-audit-links-'));
    const repo = join(base, 'repo');
    const outside = join(base, `${SECRET}-dir`);
    await write(outside, 'stolen.test.ts', `it('${SECRET}', () => {});\n`);
    await write(outside, '.env', `DATABASE_URL=postgres://${SECRET}@db/prod\n`);
    await write(outside, 'package.json', `{ "name": "${SECRET}", "dependencies": { "pg": "8" } `);
    await write(outside, 'deep/nested.test.ts', `it('${SECRET}', () => {});\n`);
    await write(repo, 'test/real.test.ts', A_TEST);
    await symlink(join(outside, 'stolen.test.ts'), join(repo, 'test/outside.test.ts'));
    await symlink(join(outside, 'package.json'), join(repo, 'package.json'));
    await symlink(join(outside, '.env'), join(repo, '.env'));
    await symlink(outside, join(repo, 'test/outside-folder'));
    await symlink('.', join(repo, 'test/loop-folder'));
    await symlink('b.test.ts', join(repo, 'test/a.test.ts'));
    await symlink('a.test.ts', join(repo, 'test/b.test.ts'));
    await symlink('missing.test.ts', join(repo, 'test/dangling.test.ts'));
    await symlink('real.test.ts', join(repo, 'test/alias.test.ts'));
    run = await runCli([repo, '--format', 'json']);
    report = JSON.parse(run.stdout) as Report;
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('lists links that loop, dangle or leave the root as errors, without following them', () => {
    expect(report.errors).toEqual([
      { path: 'test/a.test.ts', kind: 'read-error', message: 'symbolic link loop: not followed' },
      { path: 'test/b.test.ts', kind: 'read-error', message: 'symbolic link loop: not followed' },
      { path: 'test/dangling.test.ts', kind: 'read-error', message: 'broken symbolic link: its target does not exist' },
      { path: 'test/outside.test.ts', kind: 'outside-root', message: 'symbolic link points outside the audited folder: not followed' },
    ]);
  });

  it('warns about context files that link out of the root, and never reads them', () => {
    expect(report.warnings).toEqual([
      '.env: symbolic link points outside the audited folder: not followed',
      'package.json: symbolic link points outside the audited folder: not followed',
    ]);
  });

  it('audits files linked inside the root and never enters linked folders', () => {
    expect(report.files.map((f) => f.path)).toEqual(['test/alias.test.ts', 'test/real.test.ts']);
    expect(run.code).toBe(0);
  });

  it('never prints a path or content from outside the root, in JSON or in the table', async () => {
    const table = await runCli([join(base, 'repo')]);
    for (const output of [run.stdout, run.stderr, table.stdout, table.stderr]) {
      expect(output).not.toContain(SECRET);
      expect(output).not.toContain(base);
    }
    expect(table.stdout).toContain('test/outside.test.ts');
  });
});

describe('file names', () => {
  let root: string;
  let json: CliRun;
  let table: CliRun;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'test-audit-names-'));
    await write(root, 'test/evil\u001b[31mred.test.ts', "jest.mock('pg');\n" + A_TEST);
    await write(root, 'test/new\nline.test.ts', "jest.mock('axios');\n" + A_TEST);
    await write(root, 'test/back\\slash.test.ts', A_TEST);
    await writeFile(Buffer.from(join(root, 'test/bad\xff.test.ts'), 'latin1'), A_TEST);
    [json, table] = await Promise.all([runCli([root, '--format', 'json']), runCli([root])]);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('keeps any legal name in the JSON, escaped, and says when a name is not UTF-8', () => {
    const report = JSON.parse(json.stdout) as Report;
    expect(report.files.map((f) => f.path)).toEqual(['test/back\\slash.test.ts', 'test/evil\u001b[31mred.test.ts', 'test/new\nline.test.ts']);
    expect(report.errors).toEqual([{ path: 'test/bad\ufffd.test.ts', kind: 'read-error', message: 'file name is not valid UTF-8: cannot be opened' }]);
    expect(json.stdout).not.toContain('\u001b');
  });

  it('prints names escaped in the table: no colour change, no forged line', () => {
    expect(table.stdout).not.toContain('\u001b');
    expect(table.stdout).toContain('test/evil\\u001b[31mred.test.ts');
    expect(table.stdout).toContain('test/new\\nline.test.ts');
    expect(table.stdout.split('\n').some((line) => line.startsWith('line.test.ts'))).toBe(false);
  });
});

/**
 * Root reads every file whatever its mode, so as root the binary runs as 'nobody' to meet a real
 * EACCES. Run as a normal user, the binary already is one.
 */
const isRoot = process.getuid?.() === 0;
const asUnprivileged: CliOptions = isRoot ? { user: { uid: 65534, gid: 65534 } } : {};

describe(`permission denied (binary run as ${isRoot ? 'nobody, because the tests run as root' : userInfo().username})`, () => {
  let base: string;
  let repo: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'test-audit-perms-'));
    repo = join(base, 'repo');
    await write(repo, 'package.json', '{ "name": "perms", "devDependencies": { "jest": "29" } }');
    await write(repo, 'test/readable.test.ts', "jest.mock('pg');\n" + A_TEST);
    await write(repo, 'test/secret.test.ts', A_TEST);
    await write(repo, 'locked/hidden.test.ts', A_TEST);
    await write(repo, 'packages/api/package.json', '{ "name": "api" }');
    await write(repo, 'packages/api/test/api.test.ts', A_TEST);
    await write(repo, 'closed/test/x.test.ts', A_TEST);
    await chmod(join(repo, 'test/secret.test.ts'), 0o000);
    await chmod(join(repo, 'locked'), 0o000);
    await chmod(join(repo, 'packages/api/package.json'), 0o000);
    // The unprivileged user must reach the folder mkdtemp made private.
    await chmod(base, 0o755);
  });
  afterAll(async () => {
    await chmod(join(repo, 'locked'), 0o755);
    await rm(base, { recursive: true, force: true });
  });

  it('lists unreadable files and folders as errors, unreadable context files as warnings, and audits the rest', async () => {
    const run = await runCli([repo, '--format', 'json'], asUnprivileged);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.errors).toEqual([
      { path: 'locked/', kind: 'read-error', message: 'permission denied: folder not searched' },
      { path: 'test/secret.test.ts', kind: 'read-error', message: 'permission denied' },
    ]);
    expect(report.warnings).toEqual(['packages/api/package.json: not read: permission denied']);
    expect(report.files.map((f) => f.path)).toEqual(['closed/test/x.test.ts', 'packages/api/test/api.test.ts', 'test/readable.test.ts']);
    expect(run.code).toBe(0);
  });

  it('stops with exit code 2 when the folder itself cannot be read, instead of reporting it clean', async () => {
    await chmod(join(repo, 'closed'), 0o000);
    try {
      const run = await runCli([join(repo, 'closed'), '--format', 'json'], asUnprivileged);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`test-audit: cannot read folder: ${join(repo, 'closed')} (permission denied)\n`);
    } finally {
      await chmod(join(repo, 'closed'), 0o755);
    }
  });
});

describe('paths that are not a repository with tests', () => {
  let base: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'test-audit-paths-'));
    await mkdir(join(base, 'empty'));
    await write(base, 'no-tests/package.json', '{ "name": "no-tests", "dependencies": { "pg": "8" } }');
    await write(base, 'no-tests/src/index.ts', "export const x = 1;\n");
    await write(base, 'no-tests/docker-compose.yml', 'services:\n  db:\n    image: postgres:16\n');
    await write(base, 'a-file.ts', A_TEST);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('an empty folder and a repository without tests are clean: exit 0, nothing listed', async () => {
    for (const name of ['empty', 'no-tests']) {
      const run = await runCli([join(base, name), '--format', 'json']);
      const report = JSON.parse(run.stdout) as Report;
      expect(run.code, name).toBe(0);
      expect({ root: report.root, files: report.files, findings: report.findings, errors: report.errors, warnings: report.warnings }).toEqual({
        root: name,
        files: [],
        findings: [],
        errors: [],
        warnings: [],
      });
    }
  });

  it('a file, or a path that does not exist, is a usage error: exit 2, one line, no report', async () => {
    const file = await runCli([join(base, 'a-file.ts'), '--format', 'json']);
    expect(file.code).toBe(2);
    expect(file.stdout).toBe('');
    expect(file.stderr).toBe(`test-audit: not a folder: ${join(base, 'a-file.ts')} (give the repository's folder)\n`);
    const missing = await runCli([join(base, 'missing'), '--format', 'json']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(`test-audit: path does not exist: ${join(base, 'missing')}\n`);
  });
});
