import type { CatalogEntry } from '../types.js';

/** Boundaries inside the machine: the disk, child processes, the clock. */
export const local: CatalogEntry[] = [
  {
    match: 'fs',
    kind: 'filesystem',
    system: 'file system',
    hides: ['permission errors (EACCES) and missing directories (ENOENT)', 'path resolution and separators across platforms', 'encoding of file contents', 'partial writes and atomic rename'],
    alternative: 'a fresh temporary directory per test (fs.mkdtemp under os.tmpdir()) with real reads and writes',
  },
  {
    match: 'fs/promises',
    kind: 'filesystem',
    system: 'file system',
    hides: ['permission errors (EACCES) and missing directories (ENOENT)', 'path resolution and separators across platforms', 'encoding of file contents'],
    alternative: 'a fresh temporary directory per test (fs.mkdtemp under os.tmpdir()) with real reads and writes',
  },
  {
    match: 'fs-extra',
    kind: 'filesystem',
    system: 'file system',
    hides: ['permission errors and missing directories', 'copy/move semantics across devices', 'encoding of file contents'],
    alternative: 'a fresh temporary directory per test (fs.mkdtemp under os.tmpdir())',
  },
  {
    match: 'graceful-fs',
    kind: 'filesystem',
    system: 'file system',
    hides: ['permission errors and missing directories', 'EMFILE retry behaviour'],
    alternative: 'a fresh temporary directory per test (fs.mkdtemp under os.tmpdir())',
  },
  {
    match: 'child_process',
    kind: 'process',
    system: 'child processes',
    hides: ['non-zero exit codes and signals', 'argument quoting and shell interpretation', 'a missing binary on PATH (ENOENT)', 'environment the child inherits'],
    alternative: 'run the real command in a temporary directory, with a fixture binary if the real one is heavy',
  },
  {
    match: 'execa',
    kind: 'process',
    system: 'child processes (execa)',
    hides: ['non-zero exit codes and stderr', 'argument escaping', 'a missing binary (ENOENT)'],
    alternative: 'run the real command in a temporary directory',
  },
  {
    match: 'cross-spawn',
    kind: 'process',
    system: 'child processes (cross-spawn)',
    hides: ['non-zero exit codes', 'argument escaping on Windows', 'a missing binary (ENOENT)'],
    alternative: 'run the real command in a temporary directory',
  },
  {
    match: 'Date',
    kind: 'clock',
    system: 'system clock',
    hides: ['time zone and daylight-saving bugs', 'real elapsed time and ordering of timers', 'races that real timing exposes'],
    alternative: 'inject a clock into the code under test; fake timers are fine in unit tests',
  },
];
