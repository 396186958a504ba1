/**
 * The README's examples work as written: the configuration example is valid, and the GitHub
 * Actions workflows' commands run on a copy of the demo repository (each `run:` line through bash,
 * matrix values filled in, `npx test-audit` resolved to the built binary, as npx does for a dev
 * dependency) and produce what the next steps read.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, rules } from '../src/index.js';
import { binary, repoRoot, runCli } from './support/cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

interface Job {
  name: string;
  matrix: string[];
  runs: string[];
}

/** The jobs of a workflow block, with their single-line `run:` steps in order. */
function jobsOf(workflow: string): Job[] {
  const jobs: Job[] = [];
  const lines = workflow.split('\n');
  for (const line of lines.slice(lines.indexOf('jobs:') + 1)) {
    const job = /^ {2}([\w-]+):$/.exec(line);
    if (job) jobs.push({ name: job[1]!, matrix: [], runs: [] });
    const matrix = /^\s+shard: \[([^\]]+)\]$/.exec(line);
    if (matrix) jobs.at(-1)!.matrix = matrix[1]!.split(',').map((v) => v.trim());
    const run = /^\s+(?:- )?run: (.+)$/.exec(line);
    if (run && run[1] !== 'npm ci') jobs.at(-1)!.runs.push(run[1]!);
  }
  return jobs;
}

function bash(command: string, cwd: string, summary: string): Promise<{ code: number; stderr: string }> {
  const script = command.replace(/\bnpx test-audit\b/g, `node ${JSON.stringify(binary)}`);
  return new Promise((resolve) => {
    execFile('bash', ['-e', '-c', script], { cwd, env: { ...process.env, GITHUB_STEP_SUMMARY: summary, CI: '1' } }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stderr: String(stderr) });
    });
  });
}

const workflows = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README', () => {
  it('has a valid configuration example', async () => {
    const example = /<!-- config-example -->\n```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const dir = await mkdtemp(join(tmpdir(), 'test-audit-readme-config-'));
    try {
      await writeFile(join(dir, 'test-audit.config.json'), example!);
      const loaded = await loadConfig(dir, { knownRules: rules.map((r) => r.meta.id) });
      expect(loaded?.config.failOn).toBe('error');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('has a plain one-job workflow and a sharded matrix workflow', () => {
    expect(workflows.map((w) => jobsOf(w).map((j) => `${j.name}${j.matrix.length ? `×${j.matrix.length}` : ''}`))).toEqual([['test-audit'], ['audit×4', 'report']]);
  });

  for (const [index, workflow] of workflows.entries()) {
    it(`workflow ${index + 1} runs as written on the demo repository`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'test-audit-readme-ci-'));
      try {
        const checkout = join(dir, 'repo');
        await cp(join(repoRoot, 'fixtures/ceremony-shop'), checkout, { recursive: true });
        const summary = join(dir, 'summary.md');
        const codes: string[] = [];
        for (const job of jobsOf(workflow)) {
          const values = job.matrix.length ? job.matrix : [''];
          // Matrix jobs run side by side, as on GitHub.
          await Promise.all(
            values.map(async (value) => {
              for (const run of job.runs) {
                const result = await bash(run.replace(/\$\{\{ matrix\.shard \}\}/g, value), checkout, summary);
                expect(result.stderr, run).not.toMatch(/test-audit: /);
                codes.push(`${job.name}${value}: ${result.code}`);
                if (result.code !== 0) break; // a failed step ends the job (later steps run on always()-style conditions)
              }
            }),
          );
        }
        // The demo has ceremony on purpose: the audit fails the job, and the reports exist for the next steps.
        expect(codes.filter((c) => !c.endsWith(': 0'))).toEqual([index === 0 ? 'test-audit: 1' : 'report: 1']);
        for (const file of ['test-audit.json', 'test-audit.sarif', 'test-audit.md']) expect(existsSync(join(checkout, file)), file).toBe(true);
        const single = await runCli(['.', '--format', 'json'], { cwd: checkout });
        expect(await readFile(join(checkout, 'test-audit.json'), 'utf8')).toBe(single.stdout);
        // The summary step needs the audit step to have failed first: run it as `if: !cancelled()` does.
        const summaryStep = jobsOf(workflow).at(-1)!.runs.find((r) => r.includes('GITHUB_STEP_SUMMARY'))!;
        expect((await bash(summaryStep, checkout, summary)).code).toBe(0);
        expect(await readFile(summary, 'utf8')).toContain('## test-audit: repo');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});
