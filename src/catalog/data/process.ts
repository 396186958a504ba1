/** Child processes and the binaries they run. Exported as childProcess: `process` is a Node global. */
import type { CatalogEntry } from '../types.js';

const PROCESS_HIDES = [
  'non-zero exit codes, signals and output on stderr',
  'argument quoting and shell interpretation (spaces, globs, injection)',
  'a binary missing from PATH (ENOENT), or a different version of it',
  'the environment and working directory the child inherits',
];
const REAL_COMMAND = 'run the real command in a temporary directory, with a small fixture script standing in only for a heavy binary';

export const childProcess: CatalogEntry[] = [
  { match: 'child_process', kind: 'process', system: 'child processes', hides: PROCESS_HIDES, alternative: REAL_COMMAND },
  {
    match: 'execa',
    kind: 'process',
    system: 'child processes (execa)',
    hides: [
      'ExecaError with exitCode, stderr and the failed command line',
      'argument escaping, and shell: true changing it',
      'a missing binary (ENOENT) and timeouts that kill the child',
    ],
    alternative: REAL_COMMAND,
  },
  {
    match: 'cross-spawn',
    kind: 'process',
    system: 'child processes (cross-spawn)',
    hides: ['non-zero exit codes and signals', 'argument escaping and shebang handling on Windows', 'a missing binary (ENOENT)'],
    alternative: REAL_COMMAND,
  },
  {
    match: 'tinyexec',
    kind: 'process',
    system: 'child processes (tinyexec)',
    hides: ['non-zero exit codes, which throw only with throwOnError', 'a missing binary (ENOENT)', 'output buffering and encoding'],
    alternative: REAL_COMMAND,
  },
  {
    match: 'nano-spawn',
    kind: 'process',
    system: 'child processes (nano-spawn)',
    hides: ['SubprocessError with exit code and output', 'a missing binary (ENOENT)', 'argument and environment handling'],
    alternative: REAL_COMMAND,
  },
  {
    match: 'zx',
    kind: 'process',
    system: 'shell commands (zx)',
    hides: [
      'ProcessOutput errors for non-zero exits unless nothrow is used',
      'quoting of interpolated values by the real shell',
      'the shell zx finds (bash) missing or different on the machine',
    ],
    alternative: REAL_COMMAND,
  },
  {
    match: 'shelljs',
    kind: 'process',
    system: 'shell commands (shelljs)',
    hides: [
      'failures reported through .code and shell.error() rather than thrown',
      'exec() running through the platform shell, with its quoting rules',
      'file operations on real paths (cp, rm, mv) and their partial failures',
    ],
    alternative: REAL_COMMAND,
  },
  {
    match: 'simple-git',
    kind: 'process',
    system: 'git (simple-git)',
    hides: [
      'GitError for merge conflicts, detached HEAD and missing refs',
      'repository state the commands depend on: untracked files, dirty index, missing remote',
      'the git binary missing or of an older version, and its configuration (user.name, default branch)',
    ],
    alternative: 'a real repository created with git init in a temporary directory for each test',
  },
  {
    match: 'which',
    kind: 'process',
    system: 'binary lookup on PATH',
    hides: ['binaries missing from PATH', 'PATHEXT and executable bits deciding what counts as a command', 'several versions on PATH, and which one wins'],
    alternative: 'a temporary directory with a real executable, put first on the PATH given to the code',
  },
  {
    match: 'node-pty',
    kind: 'process',
    system: 'pseudo-terminal processes',
    hides: ['terminal size and control sequences in the output', 'exit codes and signals of the child', 'the native build failing on the target platform'],
    alternative: REAL_COMMAND,
  },
  {
    match: 'tree-kill',
    kind: 'process',
    system: 'process trees',
    hides: ['children that survive because they started their own process group', 'ESRCH for processes already gone', 'platform commands (taskkill, ps) it relies on'],
    alternative: 'run a real process tree (a parent script that starts a child) from a temporary directory and check that both exit',
  },
];
