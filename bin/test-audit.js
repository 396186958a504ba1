#!/usr/bin/env node
// Entry point of the test-audit command; the CLI itself lives in dist/src/cli/main.js.
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`test-audit catalog | head`) is not an error: stop writing, quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit();
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`test-audit: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.argv.includes('--debug') && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  },
);
