/** The disk: Node's fs, the libraries layered on it, and the ones that walk or watch it. */
import type { CatalogEntry } from '../types.js';

const FS_HIDES = [
  'permission errors (EACCES, EPERM) and missing files or directories (ENOENT)',
  'path resolution: relative to the working directory, separators and case sensitivity across platforms',
  'encoding of file contents (BOM, line endings, Buffer versus string)',
  'partial writes and the missing atomic rename when a process dies mid-write',
];
const TEMP_DIR = 'a fresh temporary directory per test (fs.mkdtemp under os.tmpdir()) with real reads and writes';

export const filesystem: CatalogEntry[] = [
  { match: 'fs', kind: 'filesystem', system: 'file system', hides: FS_HIDES, alternative: TEMP_DIR },
  { match: 'fs/promises', kind: 'filesystem', system: 'file system', hides: FS_HIDES, alternative: TEMP_DIR },
  {
    match: 'fs-extra',
    kind: 'filesystem',
    system: 'file system (fs-extra)',
    hides: [
      FS_HIDES[0]!,
      'copy and move across devices (EXDEV), overwrite options and symlink handling',
      'readJson and outputJson failing on invalid JSON or missing parent directories',
    ],
    alternative: TEMP_DIR,
  },
  {
    match: 'graceful-fs',
    kind: 'filesystem',
    system: 'file system (graceful-fs)',
    hides: [FS_HIDES[0]!, 'EMFILE retries when many files are open at once', FS_HIDES[1]!],
    alternative: TEMP_DIR,
  },
  {
    match: 'write-file-atomic',
    kind: 'filesystem',
    system: 'file system (atomic writes)',
    hides: [
      'the temporary file and rename that make the write atomic, and their cleanup on failure',
      'ownership and mode preserved from the file being replaced',
      FS_HIDES[0]!,
    ],
    alternative: TEMP_DIR,
  },
  {
    match: 'jsonfile',
    kind: 'filesystem',
    system: 'file system (JSON files)',
    hides: ['invalid JSON on read, and the throws option that decides what happens', FS_HIDES[0]!, 'encoding and trailing newline of written files'],
    alternative: TEMP_DIR,
  },
  {
    match: 'rimraf',
    kind: 'filesystem',
    system: 'file system (recursive delete)',
    hides: [
      'EBUSY and EPERM on Windows for files still open',
      'glob patterns deleting more, or less, than intended',
      'read-only files and directories that resist removal',
    ],
    alternative: TEMP_DIR,
  },
  {
    match: 'del',
    kind: 'filesystem',
    system: 'file system (glob delete)',
    hides: [
      'patterns matching more files than intended, or none',
      'the refusal to delete outside the working directory unless forced',
      'permission errors on files still in use',
    ],
    alternative: TEMP_DIR,
  },
  {
    match: 'mkdirp',
    kind: 'filesystem',
    system: 'file system (recursive mkdir)',
    hides: ['a file already sitting where a directory is expected (EEXIST, ENOTDIR)', FS_HIDES[0]!],
    alternative: TEMP_DIR,
  },
  {
    match: 'make-dir',
    kind: 'filesystem',
    system: 'file system (recursive mkdir)',
    hides: ['a file already sitting where a directory is expected (EEXIST, ENOTDIR)', FS_HIDES[0]!],
    alternative: TEMP_DIR,
  },
  {
    match: 'proper-lockfile',
    kind: 'filesystem',
    system: 'file system (lock files)',
    hides: [
      'ELOCKED when another process holds the lock',
      'stale locks after a crash and the staleness threshold',
      'lock compromise when the lock directory is touched too late',
    ],
    alternative: `${TEMP_DIR}, with two real lockers contending`,
  },
  {
    match: 'chokidar',
    kind: 'filesystem',
    system: 'file system watching (chokidar)',
    hides: [
      'events that arrive late, twice, or coalesced, and differ by platform',
      'atomic saves by editors showing up as unlink and add',
      'ignored patterns and the ready event before which changes are missed',
    ],
    alternative: `${TEMP_DIR}, waiting for the real watcher's events instead of sleeping`,
  },
  {
    match: 'glob',
    kind: 'filesystem',
    system: 'file system (glob)',
    hides: [
      'dotfiles, symlinks and ignore patterns changing what matches',
      'result order that differs between platforms',
      'Windows path separators in patterns and results',
    ],
    alternative: `${TEMP_DIR} holding the files the pattern should and should not match`,
  },
  {
    match: 'fast-glob',
    kind: 'filesystem',
    system: 'file system (glob)',
    hides: [
      'dotfiles, symlinks and ignore patterns changing what matches',
      'unordered results',
      'backslashes in patterns, which are escapes rather than separators',
    ],
    alternative: `${TEMP_DIR} holding the files the pattern should and should not match`,
  },
  {
    match: 'globby',
    kind: 'filesystem',
    system: 'file system (glob)',
    hides: [
      '.gitignore handling (gitignore: true) and negated patterns',
      'dotfiles and symlinks changing what matches',
      'unordered results',
    ],
    alternative: `${TEMP_DIR} holding the files the pattern should and should not match`,
  },
];
