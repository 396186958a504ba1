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
/** `orders.integration.test.ts`, `orders.int.test.ts`, `orders.it.ts`: a dot sets the marker apart. */
const INT_NAME_DOTTED = /(^|\.)(int|integration|int-spec|integration-spec)[.\-_]|[.\-_]it\.[cm]?[jt]sx?$/i;
/** `orders-integration.test.ts`, `ordersIntegration.test.ts`: a marker joined to the name. */
const INT_NAME_JOINED = /[\-_](int|integration|int-spec|integration-spec)[.\-_]|[a-z]Integration[.\-_]/;
/** A component (`SlackIntegration.test.tsx`, `slack-integration.test.tsx`) or hook (`useGithubIntegration`) file. */
const COMPONENT_FILE = /\.[cm]?[jt]sx$|^[A-Z]|^use[A-Z]/;
const E2E_FOLDER = /(^|[-_.])(e2e|end-to-end)($|[-_.])|^(cypress|playwright|acceptance|smoke)$/i;
/** Folders named for integration tests wherever they are: `integration-tests/`, `tests-int/`, `api-tests/`. */
const INT_TEST_FOLDER = /(^|[-_.])(integration|int)[-_.]?(tests?|specs?)$|^(tests?|specs?)[-_.](integration|int)$|^integration(Tests?|Specs?)$|^api[-_]?tests?$/i;
/**
 * `integration/`, `int/`, `it/`: a tier only where tests live (a product can have an `integration`
 * module). A numbered generation (`integration2/`, as knex keeps beside the first) is one too.
 */
const INT_FOLDER = /^(integration\d*|int|it)$/i;
/** `db-integration/`: a tier only inside a test folder. */
const INT_PART = /(^|[-_.])integration($|[-_.])/i;
const TEST_FOLDER = /^(tests?|__tests?__|specs?)$/i;
/**
 * Functional tests drive the app through its real wiring (its HTTP API, its module graph): the
 * integration tier. `orders.functional.test.ts`, with a name before the marker: `functional.test.ts`
 * alone tests a module named functional (`pipe`, `compose`), and `FunctionalButton.test.tsx` a component.
 */
const FUNC_NAME = /[^.]\.functional[.\-_]/i;
/** `functional-tests/`, `tests_functional/`, `functionalTests/`: folders named for functional tests wherever they are. */
const FUNC_TEST_FOLDER = /^functional[-_.]?(tests?|specs?)$|^(tests?|specs?)[-_.]functional$|^functional(Tests?|Specs?)$/i;
/** `functional/`: a tier only inside a test folder (`test/functional/`); `src/functional/` is product code. */
const FUNC_FOLDER = /^functional$/i;
/** Describe titles that declare a tier, not titles that merely mention the word. */
const E2E_TITLE = /^\s*(e2e|end[- ]to[- ]end)\b|\b(e2e|end[- ]to[- ]end)\s*(tests?|suite|specs?)?\s*\)?\s*$|[(\[]\s*(e2e|end[- ]to[- ]end)\s*[)\]]/i;
const INT_TITLE = /^\s*integration\b|\bintegration\s*(tests?|suite|specs?)?\s*\)?\s*$|[(\[]\s*integration\s*[)\]]/i;

/**
 * The tier of a test file. Folder names count from the package root down (the package's own folder
 * included): the folders above it are where the repository sits, not what the test claims. Product
 * folder names (`packages/integrations/`, `src/integrations/stripe/`) are not tier markers.
 */
export function classifyTier(path: string, framework: Framework, describeTitles: readonly string[], packageDir = '', neighboursNamedE2E = false): TierVerdict {
  const segments = path.split('/');
  const base = segments.pop()!;
  if (E2E_NAME.test(base)) return { tier: 'e2e', reason: `file name '${base}' marks it e2e` };
  if (nameMarksIntegration(base)) return { tier: 'integration', reason: `file name '${base}' marks it integration` };
  if (FUNC_NAME.test(base)) return { tier: 'integration', reason: `file name '${base}' marks it functional (integration tier)` };
  const inside = packageDir && path.startsWith(`${packageDir}/`) ? segments.slice(packageDir.split('/').length) : segments;
  const own = packageDir && inside !== segments ? packageDir.slice(packageDir.lastIndexOf('/') + 1) : null;
  const folders = own ? [own, ...inside] : inside;
  const e2eFolder = folders.find((s) => E2E_FOLDER.test(s));
  // `e2e/jwt.strategy.spec.ts` beside `e2e/login.e2e.ts`: there the names, not the folder, tell the e2e tests apart.
  if (e2eFolder && !neighboursNamedE2E) return { tier: 'e2e', reason: `in folder '${e2eFolder}/'` };
  const intFolder = folders.find((s, i) => {
    if (INT_TEST_FOLDER.test(s)) return true;
    const underTests = folders.slice(0, i).some((f) => TEST_FOLDER.test(f));
    // The package's own folder, or the first folder in it, is where a package keeps its tests.
    const atTop = own ? i <= 1 : i === 0;
    return (INT_FOLDER.test(s) && (underTests || atTop)) || (INT_PART.test(s) && underTests);
  });
  if (intFolder) return { tier: 'integration', reason: `in folder '${intFolder}/'` };
  const funcFolder = folders.find((s, i) => FUNC_TEST_FOLDER.test(s) || (FUNC_FOLDER.test(s) && folders.slice(0, i).some((f) => TEST_FOLDER.test(f))));
  if (funcFolder) return { tier: 'integration', reason: `in folder '${funcFolder}/' (functional tests: integration tier)` };
  if (framework === 'playwright' || framework === 'cypress') return { tier: 'e2e', reason: `runs on ${framework}` };
  for (const title of describeTitles) {
    if (E2E_TITLE.test(title)) return { tier: 'e2e', reason: `describe '${title}' says e2e` };
    if (INT_TITLE.test(title)) return { tier: 'integration', reason: `describe '${title}' says integration` };
  }
  if (e2eFolder) return { tier: 'unit', reason: `in folder '${e2eFolder}/', where the e2e tests carry the marker in their names and this one does not` };
  return { tier: 'unit', reason: 'no integration or e2e marker in path, name or describe titles' };
}

/** A file name that marks an e2e test (`login.e2e.ts`, `app.e2e-spec.ts`, `checkout.cy.ts`). */
export function nameMarksE2E(base: string): boolean {
  return E2E_NAME.test(base);
}

/**
 * A marker joined to the name of a component, hook or class names the product, not the tier: a
 * Slack integration screen is tested in `SlackIntegration.test.tsx` like any other component.
 */
function nameMarksIntegration(base: string): boolean {
  if (INT_NAME_DOTTED.test(base)) return true;
  return INT_NAME_JOINED.test(base) && !COMPONENT_FILE.test(base);
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
