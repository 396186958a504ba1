/**
 * mocked-dependency: every place a test replaces a real dependency with a double, with the
 * boundary it fakes, what that hides, and the honest alternative.
 */
import type { AnalyzedFile } from '../src/model/analysis.js';
import type { ResolvedBoundary } from '../src/model/boundary.js';
import type { RawFinding, RuleDefinition } from '../src/model/rule.js';
import { describeTarget } from '../src/model/describe-target.js';
import type { MockSite } from '../src/model/test-model.js';
import { testsOfOwner } from '../src/model/queries.js';
import { wiresRealStandIn } from '../src/analyze/real-stand-in.js';

/** How a mock site's severity class is chosen: external boundaries matter most in integration tiers. */
export function mockVariant(site: MockSite, boundary: ResolvedBoundary): 'external' | 'other' | 'benign' {
  if (site.benign || boundary.lowStakes || boundary.system.startsWith('runtime ')) return 'benign';
  return boundary.external ? 'external' : 'other';
}

/** `useNavigate`, `getUser and saveUser`, `a, b, c and 2 more`. */
function listMembers(names: readonly string[]): string {
  if (names.length <= 3) return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** A double whose every behaviour only fails: given where it is made, or by each test that configures it. */
function onlyFails(site: MockSite): boolean {
  if (site.fault === true) return true;
  return !!site.configuredBy && site.configuredBy.length > 0 && site.configuredBy.every((c) => c.fault);
}

/** A deep double made inside a double of the same system is that double, already reported. */
function sameSystemAsEnclosing(file: AnalyzedFile, at: { line: number; column: number }, boundary: ResolvedBoundary): boolean {
  const outer = file.model.mocks.findIndex((m) => m.line === at.line && m.column === at.column);
  if (outer < 0) return false;
  const enclosing = file.boundaries[outer]!;
  return enclosing.kind === boundary.kind && enclosing.system === boundary.system;
}

/**
 * A module mock that hands the app a fake library's client (`vi.mock('@acme/prisma', () => ({ prisma }))`
 * with `prisma` a prismock client) installs a double already reported where the fake is made.
 */
function installsReportedFake(file: AnalyzedFile, site: MockSite, index: number): boolean {
  if (site.family !== 'module' || site.fakeLibrary) return false;
  const boundary = file.boundaries[index]!;
  return file.model.mocks.some((other, i) => {
    if (i === index || !other.fakeLibrary || other.owner.kind !== 'file') return false;
    const faked = file.boundaries[i]!;
    return faked.kind === boundary.kind && faked.system === boundary.system;
  });
}

const rule: RuleDefinition = {
  meta: {
    id: 'mocked-dependency',
    description: 'A dependency replaced by a double: names the boundary it fakes, what that hides, and the honest alternative.',
    rationale:
      'A double answers the way its author expects, so every failure of the real dependency (constraint violations, changed responses, expired tokens) becomes invisible to the test.',
    severity: {
      default: { unit: 'info', integration: 'warning', e2e: 'warning' },
      external: { unit: 'info', integration: 'error', e2e: 'error' },
      other: { unit: 'info', integration: 'warning', e2e: 'warning' },
      benign: { unit: 'info', integration: 'info', e2e: 'info' },
      // Fault injection reaches an error path of a dependency the rest of the test may use for real.
      fault: { unit: 'info', integration: 'info', e2e: 'info' },
    },
    messages: {
      fault:
        '{mechanism} makes {target} fail, to reach an error path: the error comes from the test, not from {system} ({boundary}){via}. A fair way to test error handling; check that the injected error has the shape the real one has (its class, code and message), or provoke the real failure where you can.',
      mocked: '{mechanism} replaces {target}: {scope}{system} ({boundary}) is never exercised{via}. Hides: {hides}. Instead: {alternative}.',
      mockedMembers:
        '{mechanism} replaces {members} of {target} and keeps the rest of it real: what {system} ({boundary}) does there is never exercised{via}. Hides: {hides}. Instead: {alternative}.',
      automock:
        'Jest replaces {target} for every test of this package (automatic mock in __mocks__): {system} ({boundary}) is never exercised. Hides: {hides}. Instead: {alternative}.',
    },
  },
  check(file) {
    const findings: RawFinding[] = [];
    file.model.mocks.forEach((site, index) => {
      const boundary = file.boundaries[index]!;
      // Patching an object the test built itself, of no external system, is test scaffolding.
      if (site.selfMade && !boundary.external) return;
      if (site.partOf && sameSystemAsEnclosing(file, site.partOf, boundary)) return;
      if (installsReportedFake(file, site, index)) return;
      // The replacement starts the real engine itself (a mongod in memory, a container) and hands it over.
      if (wiresRealStandIn(file, site, boundary)) return;
      const via = boundary.via.length > 1 ? ` (via ${boundary.via.join(' → ')})` : '';
      const owner = site.owner;
      const tests = owner.kind === 'test' ? [owner.id] : [];
      let describeId: number | null = null;
      if (owner.kind === 'describe') describeId = owner.id;
      if (owner.kind === 'hook') describeId = file.model.hooks[owner.id]!.describeId;
      const fault = !file.automockOf && onlyFails(site);
      findings.push({
        messageId: file.automockOf ? 'automock' : fault ? 'fault' : site.replacedMembers ? 'mockedMembers' : 'mocked',
        data: {
          target: describeTarget(site.target),
          mechanism: site.mechanism,
          system: boundary.system,
          boundary: boundary.kind,
          // `jest.spyOn(users, 'find')` on your own code replaces one function; the rest of the module still runs.
          scope: site.target.kind === 'member' && boundary.kind === 'internal' ? `the real ${site.target.member} in ` : '',
          via,
          hides: boundary.hides.join('; '),
          alternative: boundary.alternative,
          affectedTests: testsOfOwner(file.model, owner).length,
          ...(site.replacedMembers ? { members: listMembers(site.replacedMembers) } : {}),
        },
        line: site.line,
        column: site.column,
        testId: tests[0] ?? null,
        describeId,
        variant: fault ? 'fault' : mockVariant(site, boundary),
        mockIndex: index,
      });
    });
    return findings;
  },
};

export default rule;
