/**
 * Files changed since a git ref, for `--changed-since`: committed since the merge base with the ref,
 * plus staged, unstaged and untracked files. Git runs read-only (diff, ls-files, rev-parse,
 * merge-base), through execFile without a shell, with optional locks off so not even the index is
 * refreshed.
 */
import { execFile } from 'node:child_process';
import { UsageError } from '../errors.js';

interface GitRun {
  ok: boolean;
  stdout: string;
  stderr: string;
  missing: boolean;
}

function git(cwd: string, args: readonly string[]): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
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
  const diff = await git(root, ['diff', '--name-only', '--no-renames', '--relative', '-z', since, '--']);
  if (!diff.ok) throw new UsageError(`--changed-since: git diff failed: ${firstLine(diff.stderr)}`);
  const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '-z']);
  if (!untracked.ok) throw new UsageError(`--changed-since: git ls-files failed: ${firstLine(untracked.stderr)}`);
  const paths = [...diff.stdout.split('\0'), ...untracked.stdout.split('\0')].filter(Boolean);
  return new Set(paths.map((p) => p.replace(/\\/g, '/')));
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
