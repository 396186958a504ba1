/** What the terminal wants: colour or not, and one clean line for errors. */
import { UsageError } from '../errors.js';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export function useColor(flags: { color: boolean }, stream: NodeJS.WriteStream): boolean {
  if (!flags.color) return false;
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}

export function reportError(error: unknown, debug: boolean): number {
  if (error instanceof UsageError) {
    process.stderr.write(`test-audit: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`test-audit: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT_USAGE;
}
