// Runs one benchmarked `node` process and measures it: wall time from spawn to exit, seen from
// here; CPU time and peak RSS reported by the process itself through the measure.mjs preload.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MEASURE_URL = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'measure.mjs')).href;

export const nodeArgs = (args) => ['--import', MEASURE_URL, ...args];

/**
 * `node --import measure.mjs ...args` in `cwd`. Resolves with wall, CPU and RSS, the exit code and
 * the output; rejects when the exit code is not one of `okCodes` (ESLint and test-audit exit 1 on
 * findings: a result, not a failure).
 */
export function measureNode(args, { cwd, env = {}, okCodes = [0] }) {
  const scratch = mkdtempSync(join(tmpdir(), 'test-audit-bench-usage-'));
  const usageFile = join(scratch, 'usage.json');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let wallMs;
    const child = spawn(process.execPath, nodeArgs(args), {
      cwd,
      env: { ...process.env, ...env, TEST_AUDIT_BENCH_USAGE: usageFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('exit', () => {
      wallMs = performance.now() - started;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const out = { stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() };
      let usage;
      try {
        usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      } catch {
        usage = undefined;
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
      if (!okCodes.includes(code) || !usage) {
        const why = signal ? `killed by ${signal}` : !usage ? 'no resource usage written' : `exit code ${code}`;
        reject(new Error(`node ${args.join(' ')} (in ${cwd}): ${why}\n${out.stderr.slice(-2000)}`));
        return;
      }
      resolve({
        wallMs,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        userMs: usage.userCPUTime / 1000,
        systemMs: usage.systemCPUTime / 1000,
        peakRssMB: usage.maxRSS / 1024,
        exitCode: code,
        ...out,
      });
    });
  });
}
