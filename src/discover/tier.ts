/**
 * The tier a test file claims to be (unit, integration, e2e), from its path, name, runner and
 * describe titles, with the reason — severities depend on it, so users must see why.
 */
import type { Framework, Tier } from '../model/test-model.js';
import type { GlobSet } from './globs.js';

export interface TierVerdict {
  tier: Tier;
  reason: string;
}

const E2E_NAME = /(^|[.\-_])(e2e|e2e-spec|end-to-end)[.\-_]|[.\-_]cy\.[cm]?[jt]sx?$|[a-z]E2[Ee][.\-_]/;
const INT_NAME = /(^|[.\-_])(int|integration|int-spec|integration-spec)[.\-_]|[.\-_]it\.[cm]?[jt]sx?$|[a-z]Integration[.\-_]/i;
const E2E_FOLDER = /(^|[-_.])(e2e|end-to-end)($|[-_.])|^(cypress|playwright|acceptance|smoke)$/i;
const INT_FOLDER = /(^|[-_.])(integration|integrations)($|[-_.])|^(int|it|api-tests?)$/i;
/** Describe titles that declare a tier, not titles that merely mention the word. */
const E2E_TITLE = /^\s*(e2e|end[- ]to[- ]end)\b|\b(e2e|end[- ]to[- ]end)\s*(tests?|suite|specs?)?\s*\)?\s*$|[(\[]\s*(e2e|end[- ]to[- ]end)\s*[)\]]/i;
const INT_TITLE = /^\s*integration\b|\bintegration\s*(tests?|suite|specs?)?\s*\)?\s*$|[(\[]\s*integration\s*[)\]]/i;

export function classifyTier(path: string, framework: Framework, describeTitles: readonly string[]): TierVerdict {
  const segments = path.split('/');
  const base = segments.pop()!;
  if (E2E_NAME.test(base)) return { tier: 'e2e', reason: `file name '${base}' marks it e2e` };
  if (INT_NAME.test(base)) return { tier: 'integration', reason: `file name '${base}' marks it integration` };
  const e2eFolder = segments.find((s) => E2E_FOLDER.test(s));
  if (e2eFolder) return { tier: 'e2e', reason: `in folder '${e2eFolder}/'` };
  const intFolder = segments.find((s) => INT_FOLDER.test(s));
  if (intFolder) return { tier: 'integration', reason: `in folder '${intFolder}/'` };
  if (framework === 'playwright' || framework === 'cypress') return { tier: 'e2e', reason: `runs on ${framework}` };
  for (const title of describeTitles) {
    if (E2E_TITLE.test(title)) return { tier: 'e2e', reason: `describe '${title}' says e2e` };
    if (INT_TITLE.test(title)) return { tier: 'integration', reason: `describe '${title}' says integration` };
  }
  return { tier: 'unit', reason: 'no integration or e2e marker in path, name or describe titles' };
}

const ORDER: Record<Tier, number> = { unit: 0, integration: 1, e2e: 2 };

export function higherTier(a: Tier, b: Tier): Tier {
  return ORDER[a] >= ORDER[b] ? a : b;
}

/** Tier globs from configuration, compiled. */
export type TierGlobSets = Partial<Record<Tier, GlobSet>>;

const GLOB_ORDER: readonly Tier[] = ['e2e', 'integration', 'unit'];

/** The tier configured for a path by glob (e2e, then integration, then unit; first match wins), or null. */
export function tierFromGlobs(path: string, globs: TierGlobSets, source: string): TierVerdict | null {
  for (const tier of GLOB_ORDER) {
    const pattern = globs[tier]?.firstMatch(path);
    if (pattern) return { tier, reason: `matches the ${tier} glob '${pattern}' in ${source}` };
  }
  return null;
}
