/**
 * Property-based fuzzing of the whole pipeline: generated test files (valid programs, and programs
 * mutated by token deletion, duplication, truncation and insertion) are written to a real folder
 * and audited twice. Whatever the input: no exception escapes, every test file is audited or listed
 * in errors[], the JSON report validates against the schema, both runs give the same bytes, and the
 * table never passes a control character through.
 *
 * The default run is short; TEST_AUDIT_FUZZ_RUNS=5000 npx vitest run test/fuzz.test.ts runs long
 * (TEST_AUDIT_FUZZ_SEED replays a reported failure).
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import { formatJson } from '../src/report/json.js';
import { formatTable } from '../src/report/table.js';
import { repoRoot } from './support/cli.js';
import { generatedRepo, mutate, testProgram, tokens, type GeneratedRepo } from './support/generated-tests.js';

const RUNS = Number(process.env['TEST_AUDIT_FUZZ_RUNS'] ?? 150);
const SEED = process.env['TEST_AUDIT_FUZZ_SEED'] === undefined ? undefined : Number(process.env['TEST_AUDIT_FUZZ_SEED']);

const schema = JSON.parse(readFileSync(join(repoRoot, 'src/report/report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

async function writeRepo(repo: GeneratedRepo): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'test-audit-fuzz-'));
  for (const [path, text] of [...Object.entries(repo.tests), ...Object.entries(repo.context)]) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

describe('fuzzing the audit with generated and mutated test files', () => {
  it('mutations edit tokens, and joining the tokens gives the text back', () => {
    fc.assert(
      fc.property(testProgram, (text) => {
        expect(tokens(text).join('')).toBe(text);
        expect(mutate(text, [{ op: 'truncate', at: 0 }])).toBe('');
      }),
      { numRuns: 50 },
    );
    expect(mutate("it('a', () => {});", [{ op: 'delete', at: 1 }])).toBe("it'a', () => {});");
    expect(mutate("it('a', () => {});", [{ op: 'duplicate', at: 0 }])).toBe("itit('a', () => {});");
  });

  it(
    `audits ${RUNS} generated repositories: nothing thrown, every file accounted for, valid and deterministic output`,
    async () => {
      let audited = 0;
      let failed = 0;
      await fc.assert(
        fc.asyncProperty(generatedRepo, async (repo) => {
          const root = await writeRepo(repo);
          try {
            const first = await audit({ root });
            const second = await audit({ root });
            const json = formatJson(first);
            expect(formatJson(second)).toBe(json);

            const report = JSON.parse(json);
            expect(validate(report), JSON.stringify(validate.errors)).toBe(true);

            // Every generated test file is audited or listed as not audited: never both, never neither.
            const inFiles = new Set(first.files.map((f) => f.path));
            const inErrors = new Set(first.errors.map((e) => e.path));
            for (const path of Object.keys(repo.tests)) {
              expect(inFiles.has(path) !== inErrors.has(path), `${path}: files ${inFiles.has(path)}, errors ${inErrors.has(path)}`).toBe(true);
              if (inFiles.has(path)) audited++;
              else failed++;
            }
            // An internal error is a bug in test-audit, not a property of the input.
            expect(first.errors.filter((e) => e.kind === 'internal-error')).toEqual([]);

            const table = formatTable(first, { color: false, quiet: false, failOn: 'error', width: 100 });
            expect(TERMINAL_UNSAFE.test(table), table).toBe(false);
          } finally {
            await rm(root, { recursive: true, force: true });
          }
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
      if (process.env['TEST_AUDIT_FUZZ_RUNS']) console.log(`fuzz: ${RUNS} repositories, ${audited} test files audited, ${failed} listed in errors[]`);
      // The generator must reach both outcomes, or the property says little.
      expect(audited).toBeGreaterThan(0);
      expect(failed).toBeGreaterThan(0);
    },
    Math.max(60_000, RUNS * 400),
  );
});
