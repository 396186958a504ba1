// The floor: what listing and parsing alone cost. Lists the test files, reads each, parses it with
// the TypeScript that ts-morph bundles (its compiler file alone, loaded by one plain `require`, no
// code cache) with the options test-audit uses, and visits every node once, on one thread.
// Run directly (`node floor.mjs <dir> [--threads N]`) it prints `{"files":…,"nodes":…}`. With
// --threads N the main thread only lists; N worker threads each parse every Nth file: the most
// that spreading the parse over threads could win on this machine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { globby } from 'globby';

// The compiler file alone, as test-audit loads it (ts-morph's wrappers are neither used nor loaded).
const require = createRequire(import.meta.url);
const ts = createRequire(require.resolve('ts-morph'))('@ts-morph/common/dist/typescript.js');

export const TEST_FILE_GLOB = '**/*.{test,spec}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

/** The options test-audit parses with (src/typescript.ts): latest grammar, JSDoc left as comments. */
const PARSE_OPTIONS = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode?.ParseNone };

/** The mapping test-audit uses (src/extract/extract-file.ts), so both parse the same grammar. */
function scriptKindFor(path) {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(path)) return ts.ScriptKind.TS;
  if (path.endsWith('.js') || path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

export async function floor(root, threads = 1) {
  const files = await globby([TEST_FILE_GLOB], { cwd: root, gitignore: true, ignore: ['**/node_modules/**'] });
  if (threads <= 1) return { files: files.length, nodes: parseAll(root, files) };
  const shares = Array.from({ length: threads }, (_, t) => files.filter((_, i) => i % threads === t));
  const counts = await Promise.all(
    shares.map(
      (share) =>
        new Promise((done, fail) => {
          const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { root, files: share } });
          worker.once('message', done).once('error', fail);
        }),
    ),
  );
  return { files: files.length, nodes: counts.reduce((a, b) => a + b, 0) };
}

function parseAll(root, files) {
  let nodes = 0;
  const visit = (node) => {
    nodes++;
    ts.forEachChild(node, visit);
  };
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    ts.forEachChild(ts.createSourceFile(file, text, PARSE_OPTIONS, false, scriptKindFor(file)), visit);
  }
  return nodes;
}

if (!isMainThread && workerData?.files) {
  parentPort.postMessage(parseAll(workerData.root, workerData.files));
} else if (isMainThread && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const threads = process.argv.includes('--threads') ? Number(process.argv[process.argv.indexOf('--threads') + 1]) : 1;
  process.stdout.write(`${JSON.stringify(await floor(process.argv[2] ?? '.', threads))}\n`);
}
