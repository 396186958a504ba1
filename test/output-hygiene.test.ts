/**
 * Audited files choose test titles, describe titles and module names; the terminal must show them,
 * never act on them. A title that clears the screen, recolours the output or forges a line of its
 * own is printed escaped in the table; in JSON it keeps its exact value, escaped as JSON.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './support/cli.js';

const CLEAR_AND_RED = '\u001b[2J\u001b[31mcleared';
// Also what other formats must escape (workflow commands, URL escapes, Markdown): JSON keeps it exact.
const FORGED_LINE = 'writes\n✓ All tests passed ::error file=x::boom %0A `tick` | pipe';
const C1_BIDI_CR = 'reads \u009b31m c1 \u202eevil\u202c \r overwritten';

const TEST_FILE = [
  "import { Pool } from 'pg';",
  "jest.mock('pg');",
  `describe(${JSON.stringify(CLEAR_AND_RED)}, () => {`,
  '  const shared: number[] = [];',
  `  it(${JSON.stringify(FORGED_LINE)}, () => {`,
  '    shared.push(1);',
  '    expect(Pool).toHaveBeenCalled();',
  '  });',
  // The raw characters, not escapes, in the source text itself.
  `  it('${C1_BIDI_CR.replace('\r', '\\r')}', () => {`,
  '    expect(shared).toEqual([1]);',
  '  });',
  '});',
  '',
].join('\n');

/** Characters a terminal acts on; only the table's own newlines may appear. */
// eslint-disable-next-line no-control-regex
const ACTED_ON = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

describe('output hygiene', () => {
  let root: string;
  let plain: CliRun;
  let coloured: CliRun;
  let json: CliRun;
  let github: CliRun;
  let sarif: CliRun;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'test-audit-hygiene-'));
    await mkdir(join(root, 'test/integration'), { recursive: true });
    await writeFile(join(root, 'test/integration/evil.integration.test.ts'), TEST_FILE);
    [plain, coloured, json, github, sarif] = await Promise.all([
      runCli([root]),
      runCli([root], { env: { FORCE_COLOR: '1' } }),
      runCli([root, '--format', 'json']),
      runCli([root, '--format', 'github']),
      runCli([root, '--format', 'sarif']),
    ]);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('the table shows hostile titles escaped: no control character, no forged line', () => {
    expect(plain.code).toBe(1);
    expect(ACTED_ON.exec(plain.stdout)).toBeNull();
    // Long titles wrap: compare with whitespace runs collapsed.
    const flat = plain.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('\\u001b[2J\\u001b[31mcleared › writes\\n✓ All tests passed ::error file=x::boom %0A `tick` | pipe');
    expect(flat).toContain('\\u009b31m c1 \\u202eevil\\u202c \\r overwritten');
    expect(plain.stdout.split('\n').filter((line) => line.trimStart().startsWith('✓'))).toEqual([]);
  });

  it('with colour, the only escape sequences are the table’s own colours', () => {
    const sequences = coloured.stdout.match(/\u001b[^m]*m?/g) ?? [];
    expect(sequences.length).toBeGreaterThan(0);
    for (const sequence of sequences) expect(sequence).toMatch(/^\u001b\[[0-9;]*m$/);
    expect(coloured.stdout).not.toContain('\u001b[2J');
    expect(ACTED_ON.exec(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, ''))).toBeNull();
  });

  it('JSON keeps the exact titles as values and prints none of their characters raw', () => {
    expect(ACTED_ON.exec(json.stdout.replaceAll('\n', ''))).toBeNull();
    const report = JSON.parse(json.stdout) as { findings: { ruleId: string; line: number; test: string | null; message: string }[] };
    expect(report.findings.map((f) => [f.ruleId, f.line, f.test])).toEqual([
      ['mocked-dependency', 2, null],
      ['all-stubbed-integration', 3, null],
      ['mock-invocation-only', 5, `${CLEAR_AND_RED} › ${FORGED_LINE}`],
      ['shared-test-state', 6, `${CLEAR_AND_RED} › ${FORGED_LINE}`],
    ]);
    expect(report.findings[3]!.message).toContain(C1_BIDI_CR);
  });

  it('GitHub annotations: one line per finding, controls written as visible text, the log cannot be recoloured', () => {
    expect(github.code).toBe(1);
    expect(ACTED_ON.exec(github.stdout.replaceAll('\n', ''))).toBeNull();
    const lines = github.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=/);
    expect(github.stdout).toContain('\\u001b[2J\\u001b[31mcleared › writes%0A✓ All tests passed ::error file=x::boom %250A');
  });

  it('SARIF keeps exact values and prints none of their characters raw', () => {
    expect(ACTED_ON.exec(sarif.stdout.replaceAll('\n', ''))).toBeNull();
    const log = JSON.parse(sarif.stdout) as { runs: { results: { message: { text: string } }[] }[] };
    expect(log.runs[0]!.results.some((r) => r.message.text.includes(C1_BIDI_CR))).toBe(true);
  });
});
