/**
 * Justified exceptions: which comments suppress what, what is reported instead, and that only real
 * comments count (never the same words in strings, templates or prose).
 */
import { describe, expect, it } from 'vitest';
import { auditRepo } from './support/temp-repo.js';

const manifest = JSON.stringify({ name: 'shop', dependencies: { stripe: '^16.0.0', pg: '^8.0.0' }, devDependencies: { jest: '^29.0.0' } });

/** Each finding as 'rule@line', with '(suppressed: reason)' when justified. */
async function outcome(test: string): Promise<string[]> {
  const result = await auditRepo({ 'package.json': manifest, 'test/integration/pay.integration.test.ts': test });
  // The file-level all-stubbed-integration finding is beside the point of these cases.
  return result.findings.filter((f) => f.ruleId !== 'all-stubbed-integration').map((f) => `${f.ruleId}@${f.line}${f.suppressed ? ` (suppressed ${f.suppressed.kind}@${f.suppressed.line}: ${f.suppressed.reason})` : ''}`);
}

describe('suppression comments', () => {
  it('a next-line comment with a reason suppresses its rule on the next line only', async () => {
    const test = [
      '// test-audit-ignore-next-line mocked-dependency -- no Stripe from CI',
      "jest.mock('stripe');",
      "jest.mock('pg');",
      "it('pays', () => { expect(1).toBe(1); });",
    ].join('\n');
    expect(await outcome(test)).toEqual(['mocked-dependency@2 (suppressed next-line@1: no Stripe from CI)', 'mocked-dependency@3']);
  });

  it('a file comment suppresses its rule anywhere in the file; a next-line comment gives the reason where both match', async () => {
    const test = [
      "jest.mock('stripe');",
      '/* test-audit-ignore-file mocked-dependency -- legacy suite,',
      ' * replaced by test/contract/ next quarter */',
      '// test-audit-ignore-next-line mocked-dependency -- pg is covered by the repository tests',
      "jest.mock('pg');",
      "it('pays', () => { expect(1).toBe(1); });",
    ].join('\n');
    expect(await outcome(test)).toEqual([
      'mocked-dependency@1 (suppressed file@2: legacy suite, replaced by test/contract/ next quarter)',
      'mocked-dependency@5 (suppressed next-line@4: pg is covered by the repository tests)',
    ]);
  });

  it('without a reason or a rule id nothing is suppressed and the comment is reported', async () => {
    const test = [
      '// test-audit-ignore-next-line mocked-dependency',
      "jest.mock('stripe');",
      '// test-audit-ignore-next-line mocked-dependency --   ',
      "jest.mock('pg');",
      '// test-audit-ignore-next-line -- because',
      "it('pays', () => { expect(1).toBe(1); });",
    ].join('\n');
    expect(await outcome(test)).toEqual([
      'unjustified-suppression@1',
      'mocked-dependency@2',
      'unjustified-suppression@3',
      'mocked-dependency@4',
      'unjustified-suppression@5',
    ]);
  });

  it('names several rules separated by commas, each used or reported on its own', async () => {
    const test = [
      '// test-audit-ignore-next-line mocked-dependency, shared-test-state -- sandbox-only suite',
      "jest.mock('stripe');",
      "it('pays', () => { expect(1).toBe(1); });",
    ].join('\n');
    expect(await outcome(test)).toEqual(['unused-suppression@1', 'mocked-dependency@2 (suppressed next-line@1: sandbox-only suite)']);
  });

  it('a comment matching nothing, or naming an unknown rule, is reported as unused', async () => {
    const result = await auditRepo({
      'package.json': manifest,
      'test/integration/pay.integration.test.ts': [
        '// test-audit-ignore-next-line mocked-dependency -- was mocked once',
        "it('pays', () => { expect(1).toBe(1); });",
        '/* test-audit-ignore-file mocked-dependancy -- typo */',
      ].join('\n'),
    });
    expect(result.findings.map((f) => [f.ruleId, f.messageId, f.line, f.severity])).toEqual([
      ['unused-suppression', 'unused', 1, 'warning'],
      ['unused-suppression', 'unknownRule', 3, 'warning'],
    ]);
  });

  it('ignores the directive inside strings, template literals, regular expressions and prose', async () => {
    const test = [
      "const a = '// test-audit-ignore-next-line mocked-dependency -- in a string';",
      'const b = `',
      '// test-audit-ignore-next-line mocked-dependency -- in a template ${a}',
      '`;',
      'const c = /\\/\\/ test-audit-ignore-file mocked-dependency -- in a regex/;',
      '// see test-audit-ignore-file mocked-dependency -- in prose, not a directive',
      "jest.mock('stripe');",
      "it('pays', () => { expect([a, b, c]).toHaveLength(3); });",
    ].join('\n');
    expect(await outcome(test)).toEqual(['mocked-dependency@7']);
  });

  it('justified findings stay in the report, leave the failing set and are counted apart', async () => {
    const result = await auditRepo({
      'package.json': manifest,
      'test/integration/pay.integration.test.ts': [
        '// test-audit-ignore-next-line mocked-dependency -- no Stripe from CI',
        "jest.mock('stripe');",
        "it('pays', () => { expect(1).toBe(1); });",
      ].join('\n'),
    });
    // The one double is justified, so the file is not all-stubbed either.
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.severity).toBe('error');
    expect(result.summary.findings).toEqual({ error: 0, warning: 0, info: 0, total: 0 });
    expect(result.summary.suppressed).toBe(1);
    expect(result.summary.byBoundary).toEqual({ http: { unit: 0, integration: 1, e2e: 0, total: 1 } });
    expect(result.files[0]).toMatchObject({ findings: 0, suppressed: 1, severities: { error: 0, warning: 0, info: 0 } });
    expect(result.verdict).toEqual({ failOn: 'error', failing: 0, passed: true });
  });
});
