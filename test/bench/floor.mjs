// The floor: what listing and parsing alone cost. Lists the test files, reads each, parses it with
// the TypeScript that ts-morph bundles (loaded the way a careful user would: one plain `require`,
// no code cache) with the options test-audit uses, and visits every node once, on one thread.
// Run directly (`node floor.mjs <dir>`) it prints `{"files":…,"nodes":…}`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { globby } from 'globby';

const { ts } = createRequire(import.meta.url)('ts-morph');

export const TEST_FILE_GLOB = '**/*.{test,spec}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

/** The mapping test-audit uses (src/extract/extract-file.ts), so both parse the same grammar. */
function scriptKindFor(path) {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(path)) return ts.ScriptKind.TS;
  if (path.endsWith('.js') || path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

export async function floor(root) {
  const files = await globby([TEST_FILE_GLOB], { cwd: root, gitignore: true, ignore: ['**/node_modules/**'] });
  let nodes = 0;
  const visit = (node) => {
    nodes++;
    ts.forEachChild(node, visit);
  };
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    ts.forEachChild(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKindFor(file)), visit);
  }
  return { files: files.length, nodes };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await floor(process.argv[2] ?? '.'))}\n`);
}
