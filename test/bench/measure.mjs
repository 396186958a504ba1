// Preload for every benchmarked process (`node --import <this file's URL> …`): when the process
// exits, writes its own resource usage (peak RSS in KB, user and system CPU in µs) as JSON to the
// file named by TEST_AUDIT_BENCH_USAGE. Measured inside the process, so it is the same for every
// contender; it covers all of the process's threads, not processes it spawns.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.TEST_AUDIT_BENCH_USAGE;
// Not passed on: a process this one starts must not overwrite the measurement.
delete process.env.TEST_AUDIT_BENCH_USAGE;

if (file && isMainThread) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS, userCPUTime, systemCPUTime }));
  });
}
