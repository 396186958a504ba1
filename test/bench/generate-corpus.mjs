// Generates a realistic, deterministic corpus of test files for the benchmark: a monorepo of
// packages with Jest, Vitest, Mocha+Sinon and node:test suites (mocks, hooks, helpers, assertions),
// the source modules they mock, and package.json files. Sizes follow a long-tailed spread like real
// suites: median about 75 lines, mean about 105, 1 file in 100 over 550, the largest about 1,500.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BOUNDARY_PACKAGES = ['pg', 'axios', 'ioredis', 'mongoose', 'kafkajs', '@aws-sdk/client-s3', 'nodemailer', 'jsonwebtoken', 'stripe', 'mysql2'];
// Assigned to packages in turn, not at random: any corpus of 4 packages (601+ files) has all four
// runners, and larger ones keep the mix near 3 Jest : 2 Vitest : 1 Mocha : 1 node:test.
const FRAMEWORKS = ['jest', 'vitest', 'mocha', 'node:test', 'jest', 'vitest', 'jest'];

/** Bump when the output changes: corpora are cached on disk under this version. */
export const GENERATOR_VERSION = 2;

/**
 * A corpus folder in the OS temp folder, generated once per name and generator version and reused
 * by later benchmark runs. `accept` may turn down a corpus; the next seed is tried then.
 */
export function cachedCorpus(size, { name = String(size), accept = () => true, onGenerate = () => {} } = {}) {
  const dir = join(os.tmpdir(), `test-audit-bench-${name}-v${GENERATOR_VERSION}`);
  const marker = join(dir, 'bench-corpus.json');
  if (existsSync(marker)) return { dir, ...JSON.parse(readFileSync(marker, 'utf8')), reused: true };
  onGenerate(dir);
  const generate = (seed) => ({ ...generateCorpus(dir, size, seed), seed });
  let info = generate(42);
  for (let seed = 1; !accept(info); seed++) info = generate(seed);
  writeFileSync(marker, JSON.stringify(info));
  return { dir, ...info, reused: false };
}

export function generateCorpus(root, fileCount, seed = 42) {
  rmSync(root, { recursive: true, force: true });
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const filesPerPackage = 200;
  const packages = Math.max(1, Math.ceil(fileCount / filesPerPackage));
  let written = 0;
  let lines = 0;
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'bench-monorepo', private: true, workspaces: ['packages/*'] }, null, 2));
  for (let p = 0; p < packages; p++) {
    const framework = FRAMEWORKS[p % FRAMEWORKS.length];
    const dir = join(root, 'packages', `pkg-${p}`);
    mkdirSync(join(dir, 'src'), { recursive: true });
    const deps = Object.fromEntries(BOUNDARY_PACKAGES.filter(() => random() < 0.4).map((d) => [d, '^1.0.0']));
    const dev = framework === 'node:test' ? {} : framework === 'mocha' ? { mocha: '^10', sinon: '^18', chai: '^4' } : { [framework]: '^29' };
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `@bench/pkg-${p}`, dependencies: deps, devDependencies: dev }, null, 2));
    const modules = [];
    for (let m = 0; m < 12; m++) {
      const boundary = pick(BOUNDARY_PACKAGES);
      const name = `module${m}`;
      modules.push({ name, boundary });
      writeFileSync(
        join(dir, 'src', `${name}.ts`),
        `import client from '${boundary}';\nimport { helper } from './module${(m + 1) % 12}';\n\nexport async function run${m}(input: string) {\n  const value = await (client as any).call?.(input);\n  return helper(value);\n}\n\nexport function helper(value: unknown) {\n  return value;\n}\n`,
      );
    }
    const count = Math.min(filesPerPackage, fileCount - written);
    for (let f = 0; f < count; f++) {
      const tier = random() < 0.25 ? 'integration' : random() < 0.1 ? 'e2e' : 'unit';
      const folder = tier === 'unit' ? 'test/unit' : `test/${tier}`;
      mkdirSync(join(dir, folder), { recursive: true });
      const text = testFile(random, pick, framework, modules, tier);
      const ext = framework === 'mocha' ? 'spec.js' : framework === 'node:test' ? 'test.mjs' : 'test.ts';
      writeFileSync(join(dir, folder, `case-${f}.${ext}`), text);
      written++;
      lines += text.split('\n').length;
    }
    mkdirSync(join(dir, 'test', 'helpers'), { recursive: true });
    writeFileSync(join(dir, 'test', 'helpers', 'factories.ts'), `export function makeUser(overrides = {}) {\n  return { id: 1, name: 'Ana', ...overrides };\n}\n`);
  }
  return { files: written, lines, packages };
}

/** Target lines per file: 70% 25-85, 25% 85-200, a tail to 1,500 (files overshoot by one test block). */
function size(random) {
  const u = random();
  if (u < 0.7) return 25 + Math.floor(random() * 60);
  if (u < 0.95) return 85 + Math.floor(random() * 115);
  if (u < 0.995) return 200 + Math.floor(random() * 400);
  return 600 + Math.floor(random() * 900);
}

function testFile(random, pick, framework, modules, tier) {
  const target = pick(modules);
  const other = pick(modules);
  const out = [];
  const jestLike = framework === 'jest' || framework === 'vitest';
  const mockFn = framework === 'vitest' ? 'vi' : 'jest';
  if (framework === 'vitest') out.push(`import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';`);
  if (framework === 'node:test') out.push(`import { describe, it, mock, beforeEach } from 'node:test';`, `import assert from 'node:assert/strict';`);
  if (framework === 'mocha') out.push(`const sinon = require('sinon');`, `const { expect } = require('chai');`);
  const ext = framework === 'mocha' || framework === 'node:test' ? '.js' : '';
  out.push(framework === 'mocha' ? `const mod = require('../../src/${target.name}${ext}');` : `import * as mod from '../../src/${target.name}${ext}';`);
  out.push(framework === 'mocha' ? `const { makeUser } = require('../helpers/factories');` : `import { makeUser } from '../helpers/factories';`);
  if (jestLike && random() < 0.6) out.push(`${mockFn}.mock('../../src/${other.name}');`);
  if (jestLike && random() < 0.4) out.push(`${mockFn}.mock('${target.boundary}');`);
  out.push('');
  const target_lines = size(random);
  const title = tier === 'unit' ? target.name : `${target.name} (${tier})`;
  out.push(`describe('${title}', () => {`);
  out.push(`  let state${jestLike ? ': any' : ''};`);
  out.push(`  beforeEach(() => {`, `    state = { user: makeUser(), items: [] };`, `  });`);
  let n = 0;
  while (out.length < target_lines) {
    n++;
    const kind = random();
    out.push(`  it('case ${n} handles input ${n % 7}', async () => {`);
    if (jestLike) {
      if (kind < 0.12) out.push(`    ${mockFn}.spyOn(mod, 'helper').mockReturnValue(${n});`);
      if (kind < 0.3) out.push(`    const onDone = ${mockFn}.fn();`);
      out.push(`    const result = await mod.run${target.name.slice(6)}('value-${n}');`);
      out.push(`    state.items.push(result);`);
      if (kind < 0.08) out.push(`    expect(mod.helper).toHaveBeenCalledWith(expect.anything());`);
      else out.push(`    expect(result).toEqual({ id: ${n}, name: state.user.name });`, `    expect(state.items).toHaveLength(1);`);
    } else if (framework === 'mocha') {
      if (kind < 0.15) out.push(`    const stub = sinon.stub(mod, 'helper').returns(${n});`);
      out.push(`    const result = await mod.run${target.name.slice(6)}('value-${n}');`);
      if (kind < 0.15) out.push(`    sinon.assert.calledOnce(stub);`, `    stub.restore();`);
      else out.push(`    expect(result).to.deep.equal({ id: ${n} });`);
    } else {
      if (kind < 0.12) out.push(`    const spy = mock.method(mod, 'helper', () => ${n});`);
      out.push(`    const result = await mod.run${target.name.slice(6)}('value-${n}');`);
      out.push(`    assert.deepEqual(result, { id: ${n} });`);
    }
    // Arrange/act detail, as real tests have: fixtures built, inputs prepared, comments.
    for (let extra = 0; extra < 3 + Math.floor(random() * 8); extra++) {
      const line = random();
      if (line < 0.4) out.push(`    const input${extra} = { id: ${n + extra}, label: 'item-${extra}', tags: ['a', 'b'], at: new Date(${1700000000000 + n}) };`);
      else if (line < 0.7) out.push(`    const expected${extra} = makeUser({ name: 'user-${extra}' });`);
      else out.push(`    // ${'describes the step '.repeat(1 + (extra % 3))}${extra}`);
    }
    out.push(`  });`, '');
  }
  out.push('});', '');
  return out.join('\n');
}
