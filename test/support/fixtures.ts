/** The fixture table: every fixtures/<rule>/<scenario>/ mini-repo with its expected findings. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/index.js';
import { repoRoot } from './cli.js';

export const fixturesRoot = join(repoRoot, 'fixtures');

/** What a fixture pins down about each finding: enough to be exact, without freezing the wording. */
export interface ExpectedFinding {
  ruleId: string;
  severity: string;
  path: string;
  line: number;
  test?: string | null;
  boundary?: string;
  system?: string;
  target?: string;
  /** The reason of the comment that justifies (suppresses) the finding. */
  suppressed?: string;
}

export interface Scenario {
  group: string;
  name: string;
  dir: string;
  expected: ExpectedFinding[];
}

export function scenarios(): Scenario[] {
  const out: Scenario[] = [];
  for (const group of readdirSync(fixturesRoot).sort()) {
    const groupDir = join(fixturesRoot, group);
    const own = join(groupDir, 'expected-findings.json');
    if (existsSync(own)) {
      out.push({ group, name: group, dir: groupDir, expected: JSON.parse(readFileSync(own, 'utf8')) as ExpectedFinding[] });
      continue;
    }
    for (const name of readdirSync(groupDir).sort()) {
      const dir = join(groupDir, name);
      const expectedPath = join(dir, 'expected-findings.json');
      if (!existsSync(expectedPath)) continue;
      out.push({ group, name, dir, expected: JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedFinding[] });
    }
  }
  return out;
}

/** Projects a finding onto the fields a fixture's expectation names. */
export function project(finding: Finding, like: ExpectedFinding | undefined): ExpectedFinding {
  const base: ExpectedFinding = { ruleId: finding.ruleId, severity: finding.severity, path: finding.path, line: finding.line };
  if (like && 'test' in like) base.test = finding.test;
  if (finding.ruleId === 'mocked-dependency') {
    if (!like || like.boundary !== undefined) base.boundary = finding.boundary;
    if (!like || like.system !== undefined) base.system = finding.system;
    if (!like || like.target !== undefined) base.target = finding.target;
  }
  if (finding.suppressed) base.suppressed = finding.suppressed.reason;
  return base;
}
