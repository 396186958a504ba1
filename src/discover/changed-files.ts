/**
 * Files changed since a git ref, for `--changed-since`: committed since the merge base with the ref,
 * plus staged, unstaged and untracked files. Git runs read-only (diff, ls-files, rev-parse,
 * merge-base), through execFile without a shell, with optional locks off so not even the index is
 * refreshed, and with every setting through which a repository's own .git/config could make git run
 * a command (fsmonitor, clean filters, external diff, textconv) switched off.
 */
import { execFile } from 'node:child_process';
import { UsageError } from '../errors.js';

interface GitRun {
  ok: boolean;
  stdout: string;
  stderr: string;
  missing: boolean;
}

/**
 * Settings given on the command line win over the repository's: these turn off each way a
 * .git/config (ours to read, not to trust) could start a program while git compares the work tree.
 */
const NEUTRAL = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'diff.external=', '--no-pager'];

function git(cwd: string, args: readonly string[], overrides: readonly string[] = []): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile(
      'git',
      [...NEUTRAL, ...overrides, ...args],
      { cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        const missing = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
        resolve({ ok: !error, stdout: String(stdout), stderr: String(stderr), missing });
      },
    );
  });
}

/** Paths relative to `root` (posix), of files changed since `ref`. */
export async function changedFilesSince(root: string, ref: string): Promise<Set<string>> {
  // A ref that looks like an option would be read as one by git.
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`--changed-since expects a git ref (branch, tag or commit), got '${ref}'`);
  const inside = await git(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside.missing) throw new UsageError('--changed-since needs git, which was not found on PATH');
  if (!inside.ok || inside.stdout.trim() !== 'true') throw new UsageError('--changed-since needs a git repository: the audited folder is not inside a git work tree');
  const resolved = await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!resolved.ok) throw new UsageError(`--changed-since: '${ref}' is not a commit, branch or tag in this repository`);
  const commit = resolved.stdout.trim();
  // Since the merge base, as PR checks mean it; a ref with no common history is compared directly.
  const base = await git(root, ['merge-base', commit, 'HEAD']);
  const since = base.ok && base.stdout.trim() ? base.stdout.trim() : commit;
  const filters = await filtersOff(root);
  const diff = await git(root, ['diff', '--name-only', '--no-renames', '--relative', '--no-ext-diff', '--no-textconv', '-z', since, '--'], filters);
  if (!diff.ok) throw new UsageError(`--changed-since: git diff failed: ${firstLine(diff.stderr)}`);
  const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '-z'], filters);
  if (!untracked.ok) throw new UsageError(`--changed-since: git ls-files failed: ${firstLine(untracked.stderr)}`);
  const paths = [...diff.stdout.split('\0'), ...untracked.stdout.split('\0')].filter(Boolean);
  return new Set(paths.map((p) => p.replace(/\\/g, '/')));
}

/**
 * Overrides emptying every filter driver the configuration names: comparing a modified file with
 * the index runs its clean filter, a program the repository chooses. An empty command means none.
 */
async function filtersOff(root: string): Promise<string[]> {
  const listed = await git(root, ['config', '--null', '--name-only', '--get-regexp', '^filter\\.']);
  const drivers = new Set<string>();
  for (const key of listed.stdout.split('\0')) {
    const match = /^filter\.(.+)\.[^.]+$/.exec(key);
    if (match) drivers.add(match[1]!);
  }
  return [...drivers].sort().flatMap((name) => ['clean', 'smudge', 'process'].flatMap((key) => ['-c', `filter.${name}.${key}=`]).concat('-c', `filter.${name}.required=false`));
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
