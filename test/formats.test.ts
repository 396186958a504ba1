/**
 * Report formats: SARIF validates against the official SARIF 2.1.0 schema (a copy lives in
 * test/schemas/, so this runs anywhere), GitHub workflow commands and Markdown escape what audited
 * files contain, and one run writes several formats.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { audit, formatGithub, formatMarkdown, formatSarif, rules, type AuditResult } from '../src/index.js';
import { repoRoot, runCli } from './support/cli.js';
import { scenarios } from './support/fixtures.js';
import { auditRepo } from './support/temp-repo.js';

// The official schema is JSON Schema draft-04, which Ajv 8 validates through ajv-draft-04.
const sarifSchema = JSON.parse(readFileSync(join(repoRoot, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv04({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string; help: { text: string; markdown: string }; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; justification: string }[];
    }[];
  }[];
}

describe('sarif', () => {
  it('validates against the official SARIF 2.1.0 schema for every fixture', async () => {
    for (const scenario of scenarios()) {
      const sarif = JSON.parse(formatSarif(await audit({ root: scenario.dir }), { rules }));
      expect(validateSarif(sarif), `${scenario.group}/${scenario.name}: ${JSON.stringify(validateSarif.errors)}`).toBe(true);
    }
  });

  it('the schema check is real: a broken log fails it', async () => {
    const sarif = JSON.parse(formatSarif(await audit({ root: join(repoRoot, 'fixtures/ceremony-shop') }), { rules })) as SarifLog;
    const broken = structuredClone(sarif) as unknown as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validateSarif(broken)).toBe(false);
    const noVersion = { ...(sarif as unknown as Record<string, unknown>) };
    delete noVersion['version'];
    expect(validateSarif(noVersion)).toBe(false);
  });

  it('has one descriptor per rule with help and a docs link, and results with locations, fingerprints and justifications', async () => {
    const result = await audit({ root: join(repoRoot, 'fixtures/unused-suppression/clean') });
    const log = JSON.parse(formatSarif(result, { rules, pathPrefix: 'services/pay' })) as SarifLog;
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(rules.map((r) => r.meta.id));
    const descriptor = run.tool.driver.rules[0]!;
    expect(descriptor.helpUri).toBe(`https://unpkg.com/test-audit@${result.tool.version}/rules/mocked-dependency.md`);
    expect(descriptor.help.text).toContain(rules[0]!.meta.rationale);
    expect(descriptor.defaultConfiguration.level).toBe('error');
    expect(run.results).toEqual([
      expect.objectContaining({
        ruleId: 'mocked-dependency',
        ruleIndex: 0,
        level: 'error',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'services/pay/test/integration/payments.integration.test.ts', uriBaseId: '%SRCROOT%' },
              region: { startLine: 4, startColumn: 1 },
            },
          },
        ],
        partialFingerprints: { 'testAudit/v1': result.findings[0]!.fingerprint },
        suppressions: [
          {
            kind: 'inSource',
            status: 'accepted',
            justification: 'Stripe forbids live charges from CI; the contract is pinned by recorded fixtures in test/contracts',
          },
        ],
      }),
    ]);
  });
});

/** A repo whose test file holds text that would break naive output: newlines, percent signs, markup. */
async function awkward(): Promise<AuditResult> {
  return auditRepo({
    'package.json': JSON.stringify({ name: 'x', devDependencies: { jest: '^29.0.0' } }),
    'test/integration/odd, name: 100%.integration.test.ts': [
      "describe('a | b <script>alert(1)</script> `tick` *star* 50% done\\r\\nnext: line, more', () => {",
      "  it('keeps | pipes', () => {",
      "    jest.spyOn(process.stdin, 'read').mockImplementation(() => null);",
      "    jest.mock('../../src/a|b');",
      '    expect(process.stdin.read).toHaveBeenCalled();',
      '  });',
      '});',
    ].join('\n'),
  });
}

describe('github annotations', () => {
  it('writes one workflow command per finding, with data and property escaping', async () => {
    const result = await awkward();
    const text = formatGithub(result);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(result.findings.length);
    expect(lines[0]).toBe(
      '::error file=test/integration/odd%2C name%3A 100%25.integration.test.ts,line=2,col=3,title=test-audit mock-invocation-only (integration)::' +
        `${result.findings[0]!.message}%0A(in: a | b <script>alert(1)</script> \`tick\` *star* 50%25 done%0D%0Anext: line, more › keeps | pipes)`,
    );
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[^,:]+::[^\r\n]*$/);
  });

  it('leaves out justified and known findings, and prefixes paths', async () => {
    const result = await audit({ root: join(repoRoot, 'fixtures/unused-suppression/clean') });
    expect(formatGithub(result)).toBe('');
    const flagged = await audit({ root: join(repoRoot, 'fixtures/unjustified-suppression/flagged') });
    expect(formatGithub(flagged, { pathPrefix: 'services/pay/' }).split('\n')[1]).toMatch(
      /^::error file=services\/pay\/test\/integration\/payments\.integration\.test\.ts,line=4,col=1,title=test-audit mocked-dependency \(integration\)::jest\.mock replaces module 'stripe'/,
    );
  });
});

describe('markdown', () => {
  it('escapes table breakers, HTML and Markdown from audited files', async () => {
    const text = formatMarkdown(await awkward(), { failOn: 'error' });
    expect(text).toContain(
      "| <code>test/integration/odd, name: 100%.integration.test.ts</code> | 4 | integration | warning | module '../../src/a&#124;b' (jest.mock) |",
    );
    expect(text).toContain('in *a &#124; b &lt;script&gt;alert(1)&lt;/script&gt; &#96;tick&#96; \\*star\\* 50% done\\\\r\\\\nnext: line, more › keeps &#124; pipes*');
    expect(text).not.toContain('<script>');
    for (const row of text.split('\n').filter((l) => l.startsWith('| <code>'))) expect(row.split(' | ')).toHaveLength(8);
  });

  it('states the verdict and collapses long lists', async () => {
    const result = await audit({ root: join(repoRoot, 'fixtures/ceremony-shop') });
    const text = formatMarkdown(result, { failOn: 'error' });
    const failing = result.findings.filter((f) => f.severity === 'error').length;
    const mocks = result.findings.filter((f) => ['mocked-dependency', 'stubbed-auth'].includes(f.ruleId)).length;
    expect(text.split('\n').slice(0, 3)).toEqual(['## test-audit: ceremony-shop', '', `:x: **${failing} findings at or above \`error\`**: the audit fails.`]);
    expect(text).toContain(`### Audit table: what each mock hides (${mocks})`);
    const small = formatMarkdown(await audit({ root: join(repoRoot, 'fixtures/mocked-dependency/jest-integration') }), { failOn: 'error' });
    expect(small).not.toContain('<details>');
    const many = formatMarkdown(result, { failOn: 'none', maxRows: 3 });
    expect(many).toContain(`${mocks - 3} more not shown here: see the JSON report.`);
    const clean = formatMarkdown(await audit({ root: join(repoRoot, 'fixtures/mock-invocation-only/clean') }), { failOn: 'error' });
    expect(clean).toContain(':white_check_mark: **No findings at or above `error`.**');
  });
});

describe('several outputs from one run', () => {
  it('prints the table and writes JSON, SARIF, Markdown and GitHub files from the same scan', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'test-audit-outputs-'));
    try {
      const file = (name: string): string => join(dir, name);
      const run = await runCli(
        ['.', '--output-json', file('r.json'), '--output-sarif', file('r.sarif'), '--output-markdown', file('r.md'), '--output-file', `github=${file('r.txt')}`],
        { cwd: join(repoRoot, 'fixtures/ceremony-shop') },
      );
      expect(run.code).toBe(1);
      const report = JSON.parse(await readFile(file('r.json'), 'utf8')) as AuditResult;
      expect(run.stdout).toContain(`Audit table: what each mock hides (${report.findings.filter((f) => ['mocked-dependency', 'stubbed-auth'].includes(f.ruleId)).length})`);
      expect(formatSarif(report, { rules })).toBe(await readFile(file('r.sarif'), 'utf8'));
      expect(formatMarkdown(report, { failOn: 'error' })).toBe(await readFile(file('r.md'), 'utf8'));
      expect(formatGithub(report)).toBe(await readFile(file('r.txt'), 'utf8'));

      const bad = await runCli(['fixtures/ceremony-shop', '--output-file', 'xml=out.xml']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toBe("test-audit: --output-file expects <format>=<file> with a format among table, json, sarif, github, markdown, got 'xml=out.xml'\n");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
