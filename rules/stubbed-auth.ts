/**
 * stubbed-auth: authentication or authorisation replaced by a double that always lets the caller
 * through. One finding per site, carrying both facts: it is an auth double, and it always allows.
 */
import { describeTarget } from '../src/model/describe-target.js';
import type { RawFinding, RuleDefinition } from '../src/model/rule.js';
import type { MockBehaviour, MockSite, TestFileModel } from '../src/model/test-model.js';
import { AUTH_METHODS, describeAllow } from '../src/model/auth-allow.js';
import { factsApplyingTo, testsOfOwner } from '../src/model/queries.js';

/** Names that say a target is part of authentication or authorisation. */
const AUTH_NAME = /auth|guard|jwt|token|passport|session|permission|role|acl|polic|login|credential|identity|oauth|clerk|cognito|firebase|verify/i;

/**
 * The behaviours that can reach a site's double: those whose owner applies to a test the site
 * applies to. Another test's `validateUser.mockResolvedValue(user)` says nothing about this one.
 */
function behavioursReaching(model: TestFileModel, site: MockSite): readonly MockBehaviour[] {
  if (site.owner.kind === 'file') return model.mockBehaviours;
  const picked = new Set<MockBehaviour>();
  for (const test of testsOfOwner(model, site.owner)) {
    for (const behaviour of factsApplyingTo(model, model.mockBehaviours, test)) picked.add(behaviour);
  }
  return [...picked];
}

/** A behaviour that turns the caller away: returns false, null or undefined, throws or rejects. */
function denies(behaviour: MockBehaviour): boolean {
  return behaviour.fault === true || behaviour.returns === 'false';
}

/**
 * How the replaced thing always allows, judged by the behaviours that reach it: its own
 * replacement (`canActivate: () => true`) or a behaviour given elsewhere (`jwt.verify.mockReturnValue(user)`).
 * Null when any reaching behaviour of an auth method denies: the rejection path is then exercised.
 */
function alwaysAllows(model: TestFileModel, site: MockSite): string | null {
  const target = site.target;
  const matches = (b: MockBehaviour): boolean => {
    if (target.kind === 'module') {
      return model.imports.some((i) => i.specifier === target.specifier && i.locals.includes(b.subjectRoot));
    }
    if (target.kind === 'member') return b.subject === `${target.object}.${target.member}`;
    return false;
  };
  let allow = site.allows ?? null;
  for (const behaviour of behavioursReaching(model, site)) {
    if (!matches(behaviour)) continue;
    const member = behaviour.subject.split('.').pop()!;
    if (behaviour.returns !== 'next' && !AUTH_METHODS.test(member)) continue;
    if (denies(behaviour)) return null;
    allow ??= behaviour.returns ? describeAllow(member, behaviour.returns) : null;
  }
  return allow;
}

const rule: RuleDefinition = {
  meta: {
    id: 'stubbed-auth',
    description: 'Authentication or authorisation replaced by a double that always allows: guards returning true, token checks returning a user, middleware calling next().',
    rationale:
      'When the auth check always says yes, the paths that matter most for security never run: expired and forged tokens, missing roles, the 401 and 403 responses.',
    severity: {
      default: { unit: 'info', integration: 'error', e2e: 'error' },
    },
    supersedes: ['mocked-dependency'],
    messages: {
      alwaysAllows:
        '{mechanism} replaces {target} so that auth always allows ({allows}): {system} ({boundary}) never runs{via}, so expired or forged tokens and missing permissions are never rejected. Hides: {hides}. Instead: {alternative}.',
    },
  },
  check(file) {
    const findings: RawFinding[] = [];
    file.model.mocks.forEach((site, index) => {
      const boundary = file.boundaries[index]!;
      const target = describeTarget(site.target);
      const authish = boundary.kind === 'auth' || AUTH_NAME.test(target);
      if (!authish) return;
      const allows = alwaysAllows(file.model, site);
      if (!allows) return;
      const owner = site.owner;
      let describeId: number | null = null;
      if (owner.kind === 'describe') describeId = owner.id;
      if (owner.kind === 'hook') describeId = file.model.hooks[owner.id]!.describeId;
      findings.push({
        messageId: 'alwaysAllows',
        data: {
          mechanism: site.mechanism,
          target,
          allows,
          system: boundary.kind === 'auth' ? boundary.system : `auth (${boundary.system})`,
          boundary: 'auth',
          via: boundary.via.length > 1 ? ` (via ${boundary.via.join(' → ')})` : '',
          hides: boundary.hides.join('; '),
          alternative: boundary.kind === 'auth' ? boundary.alternative : 'real tokens signed with a test key, checked by the real guard or middleware',
        },
        line: site.line,
        column: site.column,
        testId: owner.kind === 'test' ? owner.id : null,
        describeId,
        mockIndex: index,
      });
    });
    return findings;
  },
};

export default rule;
