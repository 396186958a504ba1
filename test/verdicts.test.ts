/**
 * What each test really exercises, through the real binary: every fixture mini-repo with an
 * expected-tests.json must report exactly those files (role and tier) and those tests (verdict,
 * real and faked systems). A changed verdict is a failing test until someone decides it is right.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { fixturesRoot } from './support/fixtures.js';

interface ExpectedTests {
  files: { path: string; role: string; tier: string }[];
  tests: { path: string; line: number; verdict: string; real: string[]; faked: string[] }[];
}

interface Report {
  files: ExpectedTests['files'];
  tests: ExpectedTests['tests'];
}

function fixturesWithExpectedTests(dir: string, out: string[] = []): string[] {
  if (existsSync(join(dir, 'expected-tests.json'))) out.push(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory() && entry.name !== 'node_modules') fixturesWithExpectedTests(join(dir, entry.name), out);
  }
  return out;
}

const fixtures = fixturesWithExpectedTests(fixturesRoot);

describe('verdicts, tiers and discovery on fixtures (binary)', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThan(2);
  });

  for (const dir of fixtures) {
    it(relative(fixturesRoot, dir), async () => {
      const expected = JSON.parse(readFileSync(join(dir, 'expected-tests.json'), 'utf8')) as ExpectedTests;
      const run = await runCli([dir, '--format', 'json', '--fail-on', 'none']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as Report;
      expect(report.files.map(({ path, role, tier }) => ({ path, role, tier }))).toEqual(expected.files);
      expect(report.tests.map(({ path, line, verdict, real, faked }) => ({ path, line, verdict, real, faked }))).toEqual(expected.tests);
    });
  }
});
