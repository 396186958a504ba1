/** Errors that end a run with exit code 2 and one clear line: bad usage, an unreadable root, a broken config. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
