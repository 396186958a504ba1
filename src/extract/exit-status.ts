/**
 * Commands a test runs so that a failing exit fails it: `execSync('npm run lint')` and
 * `execFileSync(…)` from node:child_process throw on a non-zero exit status, and so do execa's
 * `execaSync(…)` and an awaited `execa(…)`. A test that runs one checks that the command
 * succeeds. `spawnSync` and callback-style `exec` report the status without throwing, and do not
 * count. Asked for every call that is not an assertion: one look-up of the chain root's import.
 */
import type { Chain } from './chain.js';
import type { ExtractionState } from './state.js';

const CHILD_PROCESS = new Set(['child_process', 'node:child_process']);
const THROWING_SYNC = new Set(['execSync', 'execFileSync']);

/** A command that fails the test on a non-zero exit; an execa promise does so only when awaited or returned. */
export interface ExitStatusCommand {
  name: string;
  mustBeAwaited: boolean;
}

/** The command a chain starts with (`execSync(cmd)`, `cp.execSync(cmd).toString()`, `execa(cmd)`), else null. */
export function exitStatusCommand(state: ExtractionState, chain: Chain): ExitStatusCommand | null {
  if (!chain.root) return null;
  const origin = state.originOf(chain.root);
  if (!origin?.module || origin.instance) return null;
  const namespace = origin.name === '*' || origin.name === 'default';
  const link = chain.links[namespace ? 1 : 0];
  if (!link?.call) return null;
  const name = namespace ? link.name : origin.name;
  if (CHILD_PROCESS.has(origin.module)) return THROWING_SYNC.has(name) ? { name, mustBeAwaited: false } : null;
  if (origin.module !== 'execa') return null;
  if (name === 'execaSync' || name === 'execaCommandSync') return { name, mustBeAwaited: false };
  // Only awaited (or returned) does the rejection reach the test; `.then(…)` chains are left out.
  return (name === 'execa' || name === 'execaCommand') && link === chain.links[chain.links.length - 1] ? { name, mustBeAwaited: true } : null;
}
