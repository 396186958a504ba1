/** The JSON report is a versioned contract: every report validates; broken ones do not. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import { repoRoot } from './support/cli.js';
import { scenarios } from './support/fixtures.js';

const schema = JSON.parse(readFileSync(join(repoRoot, 'src/report/report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('report schema', () => {
  it('accepts the report of every fixture', async () => {
    for (const scenario of scenarios()) {
      const report = JSON.parse(JSON.stringify(await audit({ root: scenario.dir })));
      const ok = validate(report);
      expect(ok, `${scenario.group}/${scenario.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('rejects reports that break the contract', async () => {
    const good = JSON.parse(JSON.stringify(await audit({ root: join(repoRoot, 'fixtures/ceremony-shop') })));
    expect(validate(good)).toBe(true);
    const cases: [string, (r: any) => void][] = [
      ['wrong schema version', (r) => (r.schemaVersion = 2)],
      ['absolute path', (r) => (r.findings[0].path = '/home/user/repo/a.test.ts')],
      ['unknown severity', (r) => (r.findings[0].severity = 'fatal')],
      ['line zero', (r) => (r.findings[0].line = 0)],
      ['missing summary', (r) => delete r.summary],
      ['unknown tier', (r) => (r.files[0].tier = 'system')],
      ['suppressed without a reason', (r) => (r.findings[0].suppressed = { kind: 'next-line', line: 3 })],
      ['unknown baseline state', (r) => (r.findings[0].baseline = 'old')],
      ['verdict without failing count', (r) => delete r.verdict.failing],
      ['shard index zero', (r) => (r.shard = { index: 0, count: 2 })],
      ['unknown boundary in byBoundary', (r) => (r.summary.byBoundary.moon = { unit: 0, integration: 0, e2e: 0, total: 0 })],
      ['rule severity off the scale', (r) => (r.rules[0].severity.default.unit = 'loud')],
    ];
    for (const [name, breakIt] of cases) {
      const broken = structuredClone(good);
      breakIt(broken);
      expect(validate(broken), name).toBe(false);
    }
  });
});
