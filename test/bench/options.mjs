// The command-line options the benchmark scripts share: where the JSON result goes, whether the
// generated corpora stay on disk, which build of test-audit is measured, and --help.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Parses the script's own options plus the shared ones; prints `usage` and exits on --help. */
export function benchOptions(usage, own, defaultJson) {
  const { values } = parseArgs({
    options: {
      ...own,
      json: { type: 'string', default: defaultJson },
      keep: { type: 'boolean', default: false },
      bin: { type: 'string', default: join(REPO, 'bin', 'test-audit.js') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}
